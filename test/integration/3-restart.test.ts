// Issue 9: the language server crashes (killed here with SIGKILL) and the
// client starts a new one, which checks the open documents again.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, EXTENSION_ID, hoverText, openBilingual, ROOT, waitFor, waitForDiagnostics, workspaceDir } from './helpers';

/** The pids of this extension host's language servers (children running dist/server.js). */
function serverPids(): number[] {
  const script = path.join(ROOT, 'dist', 'server.js');
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (!cmd.includes(script)) continue;
      const ppid = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === process.pid || cmd.includes(`--clientProcessId=${process.pid}`)) pids.push(Number(name));
    } catch {
      /* the process ended while we looked */
    }
  }
  return pids;
}

describe('server crash and restart', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('restarts a killed server, which checks the open document again (twice)', async function () {
    const editor = await openBilingual(path.join(workspaceDir(), 'samples', 'harbour-solar.en-zh.txt'));
    const uri = editor.document.uri;
    const unpaired = (d: readonly vscode.Diagnostic[]): number => d.filter((x) => codeOf(x) === 'unpaired-line').length;
    const first = await waitForDiagnostics(uri, (d) => unpaired(d) > 0, 'unpaired-line findings');
    const base = unpaired(first);
    let before = await waitFor(() => (serverPids().length === 1 ? serverPids()[0] : undefined), 'one language server process');
    for (let round = 1; round <= 2; round++) {
      process.kill(before, 'SIGKILL');
      const after = await waitFor(() => serverPids().find((p) => p !== before), `a new server process after kill #${round}`, 20000);
      assert.notEqual(after, before);
      // The new server must serve this document: an added English line without a
      // translation must be reported (by the new process, the old one is gone).
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, `\n\nA lone caption number ${round}.`)));
      await waitForDiagnostics(uri, (d) => unpaired(d) === base + round, `${base + round} unpaired-line findings after restart #${round}`, 20000);
      const hover = await hoverText(uri, new vscode.Position(editor.document.lineCount - 1, 2));
      assert.match(hover, /unpaired-line/);
      before = after;
    }
    // The status item (ux branch) is back to the document's counts, not "Restarting…" or "Crashed".
    const api = await vscode.extensions.getExtension<{ status(): { text: string; busy: boolean } | undefined }>(EXTENSION_ID)!.activate();
    if (typeof api?.status === 'function') {
      await waitFor(() => (/pairs/.test(api.status()?.text ?? '') && !api.status()?.busy) || undefined, `the status item to show counts again (now: ${api.status()?.text})`, 10000);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
