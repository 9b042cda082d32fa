// The seed article and the project's sample in a real VS Code: diagnostics
// arrive, agree with the CLI, hovers answer, a quick fix edits the document,
// and a rule set to off takes its diagnostics away.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cliFindings, closeAll, codeOf, hoverText, openBilingual, quickFixesFor, setSetting, SEVERITY, waitForDiagnostics, workspaceDir } from './helpers';

describe('seed and samples in VS Code', function () {
  let seed: string;
  let sample: string;
  before(() => {
    seed = path.join(workspaceDir(), 'seed.txt');
    sample = path.join(workspaceDir(), 'samples', 'harbour-solar.en-zh.txt');
  });
  afterEach(closeAll);

  it('activates the extension', async () => {
    const ext = vscode.extensions.getExtension('bilingual-review.bilingual-review');
    assert.ok(ext, 'extension bilingual-review.bilingual-review is loaded');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('bilingual editors wrap long lines and do not box curly quotes (the extension\'s language defaults)', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'bilingual' });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.notEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'on');
  });

  it('"Check This File" switches a plain-text seed to the bilingual language', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(seed));
    assert.equal(doc.languageId, 'plaintext');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('bilingualReview.checkThisFile');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'bilingual');
  });

  it('shows the seed findings the CLI finds (7 unpaired lines, the tripled multiplier, the added 去年)', async () => {
    const editor = await openBilingual(seed);
    const expected = cliFindings(seed);
    assert.ok(expected.length >= 13, `CLI finds ${expected.length}`);
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length === expected.length, `${expected.length} findings`);
    const got = diags.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, codeOf(d), d.severity, d.message]);
    const want = expected.map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.code, SEVERITY[f.severity], f.message]);
    const key = (a: unknown[]): string => JSON.stringify(a);
    assert.deepEqual(got.map(key).sort(), want.map(key).sort());
    // Facts about the seed itself, independent of the CLI.
    const unpaired = diags.filter((d) => codeOf(d) === 'unpaired-line').map((d) => d.range.start.line + 1);
    assert.deepEqual(unpaired.sort((a, b) => a - b), [26, 37, 48, 71, 80, 87, 98]);
    const tripled = diags.find((d) => codeOf(d) === 'multiplier-ambiguity');
    assert.equal(tripled?.range.start.line, 83);
    assert.equal(editor.document.getText(tripled!.range), '上涨了三倍');
    assert.ok(diags.every((d) => d.source === undefined || /bilingual/i.test(d.source)), 'source names the extension');
  });

  it('shows the sample findings (number, unit, date, multiplier, glossary, unpaired)', async () => {
    const editor = await openBilingual(sample);
    const expected = cliFindings(sample);
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length === expected.length, `${expected.length} findings`);
    const codes = new Set(diags.map(codeOf));
    for (const c of ['date-mismatch', 'glossary-term', 'multiplier-ambiguity', 'number-mismatch', 'unit-conversion', 'unpaired-line']) assert.ok(codes.has(c), `${c} among ${[...codes].join(', ')}`);
    assert.deepEqual(diags.map(codeOf).sort(), expected.map((f) => f.code).sort());
    const number = diags.find((d) => codeOf(d) === 'number-mismatch')!;
    assert.match(number.message, /2,400.*4200/);
  });

  it('hovers a line with its counterpart and a number with its reading', async () => {
    const editor = await openBilingual(sample);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length > 0, 'first findings');
    const text = editor.document.getText().split('\n');
    const en = text.findIndex((l) => l.includes('2,400'));
    assert.ok(en >= 0, 'the sample has an English line with 2,400');
    const lineHover = await hoverText(uri, new vscode.Position(en, 0));
    assert.ok(lineHover.includes('4200'), `the hover at the start of the line shows its counterpart: ${lineHover}`);
    const numberHover = await hoverText(uri, new vscode.Position(en, text[en].indexOf('2,400') + 1));
    assert.match(numberHover, /2,400|2400/);
    assert.match(numberHover, /4200/);
  });

  it('applies a quick fix through executeCodeActionProvider and workspace.applyEdit', async () => {
    const editor = await openBilingual(seed);
    const uri = editor.document.uri;
    const { diag, actions } = await quickFixesFor(uri, 'multiplier-ambiguity');
    const fix = actions.find((a) => a.title.includes('上涨至三倍'));
    assert.ok(fix?.edit, `a fix writing 上涨至三倍 among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = editor.document.lineAt(diag.range.start.line).text;
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = editor.document.lineAt(diag.range.start.line).text;
    assert.equal(after, before.replace('上涨了三倍', '上涨至三倍'));
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'multiplier-ambiguity'), 'the multiplier finding to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.lineAt(diag.range.start.line).text, before);
  });

  it('a rule set to off loses its diagnostics, and comes back when reset', async () => {
    const editor = await openBilingual(seed);
    const uri = editor.document.uri;
    const unpaired = (d: readonly vscode.Diagnostic[]): number => d.filter((x) => codeOf(x) === 'unpaired-line').length;
    await waitForDiagnostics(uri, (d) => unpaired(d) === 7, '7 unpaired-line findings');
    try {
      await setSetting('rules.unpaired-line', 'off');
      const d = await waitForDiagnostics(uri, (x) => x.length > 0 && unpaired(x) === 0, 'unpaired-line findings to go');
      assert.ok(d.some((x) => codeOf(x) === 'multiplier-ambiguity'), 'other rules still report');
      await setSetting('rules.unpaired-line', 'error');
      const e = await waitForDiagnostics(uri, (x) => unpaired(x) === 7 && x.every((y) => codeOf(y) !== 'unpaired-line' || y.severity === vscode.DiagnosticSeverity.Error), 'unpaired-line back as errors');
      assert.equal(unpaired(e), 7);
    } finally {
      await setSetting('rules.unpaired-line', undefined);
    }
    await waitForDiagnostics(uri, (x) => x.filter((y) => codeOf(y) === 'unpaired-line' && y.severity === vscode.DiagnosticSeverity.Warning).length === 7, 'unpaired-line back as warnings');
  });
});
