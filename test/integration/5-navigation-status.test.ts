// Navigation commands and the language status item (branch ux):
// bilingualReview.goToCounterpart / nextFinding / previousFinding, and the
// status item bilingualReview.status as activate()'s API reports it.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, EXTENSION_ID, openBilingual, waitFor, waitForDiagnostics, workspaceDir } from './helpers';

interface Api {
  status(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity; busy: boolean } | undefined;
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
  const exports = await ext.activate();
  assert.equal(typeof exports?.status, 'function', 'activate() returns { status() } (ux branch)');
  return exports;
}

describe('navigation and status', () => {
  afterEach(closeAll);

  it('Go to Counterpart moves between the lines of a pair', async () => {
    const editor = await openBilingual(path.join(workspaceDir(), 'samples', 'harbour-solar.en-zh.txt'));
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'the first findings');
    const lines = editor.document.getText().split('\n');
    const en = lines.findIndex((l) => l.includes('2,400'));
    const zh = lines.findIndex((l) => l.includes('4200'));
    assert.ok(en >= 0 && zh > en);
    editor.selection = new vscode.Selection(en, 0, en, 0);
    await vscode.commands.executeCommand('bilingualReview.goToCounterpart');
    await waitFor(() => editor.selection.active.line === zh || undefined, `the cursor on line ${zh + 1}`, 5000);
    await vscode.commands.executeCommand('bilingualReview.goToCounterpart');
    await waitFor(() => editor.selection.active.line === en || undefined, `the cursor back on line ${en + 1}`, 5000);
  });

  it('Next / Previous Finding walk this extension\'s findings in order, wrapping', async () => {
    const editor = await openBilingual(path.join(workspaceDir(), 'seed.txt'));
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 13, 'the seed findings');
    const starts = [...new Set(diags.map((d) => `${d.range.start.line}:${d.range.start.character}`))].sort((a, b) => {
      const [al, ac] = a.split(':').map(Number);
      const [bl, bc] = b.split(':').map(Number);
      return al - bl || ac - bc;
    });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const at = (): string => `${editor.selection.start.line}:${editor.selection.start.character}`;
    await vscode.commands.executeCommand('bilingualReview.nextFinding');
    assert.equal(at(), starts[0]);
    await vscode.commands.executeCommand('bilingualReview.nextFinding');
    assert.equal(at(), starts[1]);
    await vscode.commands.executeCommand('bilingualReview.previousFinding');
    assert.equal(at(), starts[0]);
    await vscode.commands.executeCommand('bilingualReview.previousFinding');
    assert.equal(at(), starts[starts.length - 1], 'wraps to the last');
  });

  it('the status item shows pairs, unpaired lines and findings of the active document', async () => {
    const a = await api();
    const editor = await openBilingual(path.join(workspaceDir(), 'seed.txt'));
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 13, 'the seed findings');
    const s = await waitFor(() => {
      const v = a.status();
      return v && !v.busy && /51/.test(v.text) ? v : undefined;
    }, 'the status item to show the seed counts', 10000);
    assert.match(s.text, /51 pairs/);
    assert.match(s.text, /7 unpaired/);
    assert.match(s.text, new RegExp(`${diags.filter((d) => d.source === 'bilingual-review').length} findings`));
    assert.ok(diags.some((d) => codeOf(d) === 'unpaired-line'));
  });
});
