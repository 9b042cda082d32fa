// A session whose display language is Chinese (code-server --locale zh-cn,
// VS Code --locale zh-cn): the client passes the locale to the server, whose
// findings and quick fixes then speak Chinese; the manifest's strings come from
// package.nls.zh-cn.json.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, EXTENSION_ID, openBilingual, quickFixesFor, ROOT, waitFor, waitForDiagnostics, workspaceDir } from './helpers';

describe('Chinese display language', () => {
  afterEach(closeAll);

  it('runs with vscode.env.language zh-cn', () => {
    assert.equal(vscode.env.language.toLowerCase(), 'zh-cn');
  });

  it('shows the server findings in Chinese', async () => {
    const editor = await openBilingual(path.join(workspaceDir(), 'samples', 'harbour-solar.en-zh.txt'));
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'number-mismatch'), 'the findings');
    const messages = new Set(diags.filter((d) => codeOf(d) === 'unpaired-line').map((d) => d.message));
    assert.deepEqual([...messages].sort(), ['中文行没有对应的英文原文', '英文行没有对应的中文译文']);
    const number = diags.find((d) => codeOf(d) === 'number-mismatch');
    assert.ok(number && /[\u4e00-\u9fff]/.test(number.message.replace(/4200/g, '')), `number-mismatch in Chinese: ${number?.message}`);
  });

  it('titles the quick fixes in Chinese', async () => {
    const editor = await openBilingual(path.join(workspaceDir(), 'samples', 'harbour-solar.en-zh.txt'));
    const { actions } = await quickFixesFor(editor.document.uri, 'unpaired-line');
    assert.ok(actions.some((a) => a.title === '插入待译占位行'), actions.map((a) => a.title).join(' | '));
  });

  it('shows the status item in Chinese (l10n/bundle.l10n.zh-cn.json)', async () => {
    const ext = vscode.extensions.getExtension<{ status(): { text: string; busy: boolean } | undefined }>(EXTENSION_ID)!;
    const api = await ext.activate();
    assert.equal(typeof api?.status, 'function', 'activate() returns { status() } (ux branch)');
    const editor = await openBilingual(path.join(workspaceDir(), 'seed.txt'));
    await waitForDiagnostics(editor.document.uri, (d) => d.length >= 13, 'the seed findings');
    const text = await waitFor(() => {
      const s = api.status();
      return s && !s.busy && /51/.test(s.text) ? s.text : undefined;
    }, 'the status item to show the seed counts', 10000);
    assert.match(text, /51 个句对/);
    assert.match(text, /7 行未配对/);
  });

  it('loads the manifest strings from package.nls.zh-cn.json', () => {
    const nlsFile = path.join(ROOT, 'package.nls.zh-cn.json');
    assert.ok(fs.existsSync(nlsFile), 'package.nls.zh-cn.json exists (ux branch)');
    const nls = JSON.parse(fs.readFileSync(nlsFile, 'utf8')) as Record<string, string>;
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // VS Code hands extensions their manifest with %key% replaced for the display language.
    const rawCmd = raw.contributes.commands.find((c: { command: string }) => c.command === 'bilingualReview.checkThisFile');
    const key = /^%(.+)%$/.exec(rawCmd.title)?.[1];
    assert.ok(key, `the command title is a %key% placeholder: ${rawCmd.title}`);
    const shown = ext.packageJSON.contributes.commands.find((c: { command: string }) => c.command === 'bilingualReview.checkThisFile');
    // Command titles arrive as { value, original }: the Chinese and the English.
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(shown.title, { value: nls[key], original: en[key] });
    assert.match(nls[key], /[\u4e00-\u9fff]/);
  });
});
