// Hover, documentHighlight, code actions, document symbols and folding, over
// stdio JSON-RPC against the bundled server, on the seed article.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits, DocumentSession, inspectAt } from '../../server/src/core';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const uri = fileUri(SEED);
const text = fs.readFileSync(SEED, 'utf8');
const lines = text.split('\n');
const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

/** What VS Code declares for the features under test. */
const VSCODE_LIKE = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    foldingRange: { lineFoldingOnly: true },
  },
  workspace: { workspaceEdit: { documentChanges: true } },
};

async function start(options: Parameters<LspTestClient['initialize']>[0] = VSCODE_LIKE): Promise<{ client: LspTestClient; diagnostics: any[] }> {
  const client = new LspTestClient();
  await client.initialize(options);
  const wait = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  return { client, diagnostics: (await wait).diagnostics };
}

/** Applies a WorkspaceEdit (changes or versioned documentChanges) for `uri` to `text`. */
function applyWorkspaceEdit(edit: any, base: string): string {
  const edits = edit.documentChanges ? edit.documentChanges.filter((d: any) => d.textDocument.uri === uri).flatMap((d: any) => d.edits) : edit.changes[uri];
  return applyEdits(base, edits);
}

describe('review features over stdio', () => {
  let client: LspTestClient;
  afterEach(async () => client?.shutdown());

  describe('hover', () => {
    it('on 0-based line 51 (a translation) shows the full English line 50 as its source, numbered for people', async () => {
      ({ client } = await start());
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 51, character: 4 } });
      assert.equal(h.contents.kind, 'markdown');
      const value: string = h.contents.value;
      assert.ok(value.startsWith('**Source** · English · line 51\n\n> '), value);
      assert.ok(unescape(value).includes(lines[50]), value);
      assert.equal(lines[50].length > 150, true);
      assert.deepEqual(h.range, { start: { line: 51, character: 0 }, end: { line: 51, character: lines[51].length } });
    });

    it('on a source line shows its translation; in Chinese for a Chinese client', async () => {
      ({ client } = await start({ ...VSCODE_LIKE, locale: 'zh-cn' }));
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 95, character: 3 } });
      assert.equal(h.contents.value, '**译文** · 中文 · 第 97 行\n\n> 电池企业涌向华盛顿');
    });

    it('on a flagged line gives the explanation and a link to the rule doc shipped with the server', async () => {
      ({ client } = await start());
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 25, character: 0 } });
      const [finding, counterpart] = h.contents.value.split('\n\n---\n\n');
      assert.match(finding, /^\*\*unpaired-line\*\* \(warning\): Chinese line has no English source\n\nA line has no counterpart in the other language/);
      assert.match(finding, /\[Rule documentation\]\(file:\/\/\/.*\/docs\/rules\/unpaired-line\.md\)$/);
      assert.equal(counterpart, '**No counterpart** · this Chinese line (line 26) has no English source');
    });

    it('gives plain text to a client that cannot render Markdown, and nothing on a blank line', async () => {
      ({ client } = await start({ textDocument: { hover: { contentFormat: ['plaintext'] } } }));
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } });
      assert.equal(h.contents.kind, 'plaintext');
      assert.equal(h.contents.value, `Source · English · line 2\n\n${lines[1]}`);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    });
  });

  describe('documentHighlight', () => {
    it('returns the spans the rules’ inspect() gives (token: Text, counterpart: Read), null where none', async () => {
      ({ client } = await start());
      const session = new DocumentSession(text);
      // tokens worth inspecting: numbers and names in both languages
      const spots = [
        { line: 87, character: lines[87].indexOf('25') },
        { line: 88, character: lines[88].indexOf('11.3') },
        { line: 37, character: lines[37].indexOf('99') },
        { line: 98, character: lines[98].indexOf('Group14') },
        { line: 61, character: lines[61].indexOf('99.999') },
      ];
      for (const position of spots) {
        const got = await client.request('textDocument/documentHighlight', { textDocument: { uri }, position });
        const expected = inspectAt(session, position)!.highlights.map((h) => ({ range: h.range, kind: h.role === 'self' ? 1 : 2 }));
        if (expected.length === 0) assert.equal(got, null, JSON.stringify(position));
        else assert.deepEqual(got, expected, JSON.stringify(position));
      }
    });
  });

  describe('code actions', () => {
    const actionsFor = (diag: any, only?: string[]) =>
      client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], ...(only ? { only } : {}) } });

    it('offers the fix, fix all of the kind, and both suppressions for an unpaired line ("this line": it has no pair)', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start());
      const diag = diagnostics.find((d) => d.code === 'unpaired-line' && d.range.start.line === 25);
      const actions = await actionsFor(diag);
      assert.deepEqual(
        actions.map((a: any) => [a.title, a.kind]),
        [
          ['Insert a translation placeholder line', 'quickfix'],
          ['Fix all unpaired-line problems in this file', 'quickfix'],
          ['Ignore unpaired-line for this line', 'quickfix'],
          ['Ignore unpaired-line in this file', 'quickfix'],
        ],
      );
      for (const a of actions) assert.deepEqual(a.diagnostics, [diag]);
      // versioned edits for a client that supports them
      assert.deepEqual(actions[0].edit.documentChanges[0].textDocument, { uri, version: 1 });
      // the quick fix only offers what it lists: only=['source'] gives no quick fixes, only the
      // source.fixAll action (the seed's half-width punctuation has safe fixes)
      assert.deepEqual((await actionsFor(diag, ['source'])).map((a: any) => a.kind), ['source.fixAll.bilingual-review']);
    });

    it('"fix all" (resolved lazily) leaves no finding of that kind after re-checking', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start());
      const diag = diagnostics.find((d) => d.code === 'unpaired-line');
      const fixAll = (await actionsFor(diag)).find((a: any) => a.title.startsWith('Fix all'));
      assert.equal(fixAll.edit, undefined, 'computed on resolve');
      const resolved = await client.request('codeAction/resolve', fixAll);
      const edits = resolved.edit.documentChanges[0].edits;
      assert.equal(edits.length, 7);
      const fixed = applyWorkspaceEdit(resolved.edit, text);
      const wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
      await client.change(uri, 2, [{ text: fixed }]);
      const after = (await wait).diagnostics;
      assert.equal(after.filter((d) => d.code === 'unpaired-line').length, 0);
      assert.equal(fixed.split('\n').length, lines.length + 7);
    });

    it('computes the fix-all edit at once for a client without resolve support', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start({}));
      const fixAll = (await actionsFor(diagnostics.find((d) => d.code === 'unpaired-line'))).find((a: any) => a.title.startsWith('Fix all'));
      const fixed = applyWorkspaceEdit(fixAll.edit, text);
      const check = new DocumentSession(fixed).check().findings;
      assert.equal(check.filter((f) => f.ruleId === 'unpaired-line').length, 0);
    });

    it('"Ignore for this line" (disable-next-pair) removes the finding, and the directive survives an edit above it', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start());
      const diag = diagnostics.find((d) => d.code === 'unpaired-line' && d.range.start.line === 47);
      const ignore = (await actionsFor(diag)).find((a: any) => a.title === 'Ignore unpaired-line for this line');
      const v2 = applyWorkspaceEdit(ignore.edit, text);
      assert.equal(v2.split('\n')[47], '<!-- bilingual-review-disable-next-pair unpaired-line -->');
      let wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
      await client.change(uri, 2, [{ text: v2 }]);
      let lines2 = (await wait).diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.range.start.line);
      assert.deepEqual(lines2, [25, 36, 71, 80, 87, 98]);
      // an incremental edit above: two new lines at the top
      wait = client.waitForDiagnostics(uri, (p) => p.version === 3);
      await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'A new first line.\n新的第一行。\n' }]);
      lines2 = (await wait).diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.range.start.line);
      assert.deepEqual(lines2, [27, 38, 73, 82, 89, 100]);
      // and an edit of the ignored line itself
      wait = client.waitForDiagnostics(uri, (p) => p.version === 4);
      await client.change(uri, 4, [{ range: { start: { line: 50, character: 0 }, end: { line: 50, character: 0 } }, text: '图：' }]);
      lines2 = (await wait).diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.range.start.line);
      assert.deepEqual(lines2, [27, 38, 73, 82, 89, 100]);
    });

    it('"Ignore in this file" removes every finding of the rule', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start());
      const ignore = (await actionsFor(diagnostics.find((d) => d.code === 'unpaired-line'))).find((a: any) => a.title === 'Ignore unpaired-line in this file');
      const v2 = applyWorkspaceEdit(ignore.edit, text);
      assert.equal(v2.split('\n')[0], '<!-- bilingual-review-disable unpaired-line -->');
      const wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
      await client.change(uri, 2, [{ text: v2 }]);
      assert.equal((await wait).diagnostics.filter((d) => d.code === 'unpaired-line').length, 0);
    });

    it('titles follow the client locale', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start({ ...VSCODE_LIKE, locale: 'zh-cn' }));
      const titles = (await actionsFor(diagnostics.find((d) => d.code === 'unpaired-line'))).map((a: any) => a.title);
      assert.deepEqual(titles, ['插入待译占位行', '修复此文件中所有 unpaired-line 问题', '在此行忽略 unpaired-line', '在此文件中忽略 unpaired-line']);
    });

    it('source.fixAll applies only safe fixes: offered for the seed\'s punctuation width, not for its number and term fixes (they need a reviewer)', async () => {
      let diagnostics: any[];
      ({ client, diagnostics } = await start());
      const got = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      const findings = new DocumentSession(text).check().findings;
      const safe = findings.filter((f) => f.fixes?.some((x) => x.safe));
      assert.ok(findings.some((f) => f.fixes?.some((x) => x.isPreferred)), 'the seed has preferred (but unsafe) fixes');
      assert.equal(got.length, safe.length > 0 ? 1 : 0);
      assert.ok(diagnostics.length > 0);
    });
  });

  describe('document symbols and folding', () => {
    it('lists the headings as sections with their pairs as children', async () => {
      ({ client } = await start());
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      const sections = symbols.filter((s: any) => s.kind === 15);
      assert.deepEqual(
        sections.map((s: any) => [s.name, s.detail, s.selectionRange.start.line, s.range.end.line, s.children.length]),
        [
          ['Why data centers want batteries', '数据中心为何需要电池', 58, 76, 9],
          ['Batteries and the realities of war', '电池与战争的现实', 77, 94, 9],
          ['Battery companies go to Washington', '电池企业涌向华盛顿', 95, 109, 7],
        ],
      );
      const first = sections[0].children[0];
      assert.equal(first.kind, 8);
      assert.equal(first.range.start.line, 60);
      assert.equal(first.range.end.line, 61);
      assert.ok(lines[61].startsWith(first.detail.replace(/…$/, '')));
      // captions without a counterpart are listed where they stand
      assert.deepEqual(sections[1].children.filter((c: any) => c.kind === 20).map((c: any) => c.range.start.line), [79, 86]);
    });

    it('gives flat symbols with their container to a client without hierarchy support', async () => {
      ({ client } = await start({}));
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.every((s: any) => s.location.uri === uri));
      const inWar = symbols.filter((s: any) => s.containerName === 'Batteries and the realities of war');
      assert.equal(inWar.length, 9);
    });

    it('folds by section', async () => {
      ({ client } = await start());
      const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(ranges, [
        { startLine: 58, endLine: 76 },
        { startLine: 77, endLine: 94 },
        { startLine: 95, endLine: 109 },
      ]);
    });
  });
});
