import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const seed = fs.readFileSync(SEED, 'utf8');
const EDIT_CAPS = { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } };

describe('language server: glossaries and terms', () => {
  let client: LspTestClient;
  let ws: string;
  let docPath: string;
  let uri: string;

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'br-terms-'));
    docPath = path.join(ws, 'article.en-zh.txt');
    fs.writeFileSync(docPath, seed);
    uri = fileUri(docPath);
    client = new LspTestClient();
    await client.initialize({ workspaceFolders: [ws], workspace: EDIT_CAPS });
  });
  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('publishes glossary errors on the glossary file and still checks the document with the good rows', async () => {
    fs.mkdirSync(path.join(ws, '.bilingual'));
    const gPath = path.join(ws, '.bilingual', 'glossary.tsv');
    fs.writeFileSync(gPath, 'English\tChinese\tForbidden\nelectric vehicle\t电动汽车\t电动车\ncathode\n');
    const gUri = fileUri(gPath);
    const gWait = client.waitForDiagnostics(gUri);
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, seed);
    const [g, d] = await Promise.all([gWait, wait]);
    assert.equal(g.diagnostics.length, 1);
    assert.equal(g.diagnostics[0].range.start.line, 2);
    assert.equal(g.diagnostics[0].severity, 1);
    assert.match(g.diagnostics[0].message, /Missing the Chinese column for “cathode”/);
    assert.deepEqual(d.diagnostics.filter((x) => x.code === 'glossary-term').map((x) => x.range.start.line), [31, 107, 109]);
    assert.equal(d.diagnostics.filter((x) => x.code === 'unpaired-line').length, 7);

    // fix the glossary on disk: its diagnostics clear and the document is re-checked with the new entry
    fs.writeFileSync(gPath, 'English\tChinese\tForbidden\nelectric vehicle\t电动汽车\t电动车\ncathode\t正极\t阴极\n');
    const cleared = client.waitForDiagnostics(gUri, (p) => p.diagnostics.length === 0);
    const again = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'glossary-term' && x.range.start.line === 38));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gUri, type: 2 }] });
    await cleared;
    const d2 = await again;
    assert.deepEqual(d2.diagnostics.filter((x) => x.code === 'glossary-term').map((x) => x.range.start.line), [31, 38, 107, 109]);
  });

  it('reads the glossaries listed in the setting bilingualReview.glossaries (relative to the workspace folder)', async () => {
    fs.mkdirSync(path.join(ws, 'terms'));
    fs.writeFileSync(path.join(ws, 'terms', 'house.csv'), 'English,Chinese,Forbidden\ncathode,正极,阴极\n');
    client.settings = { glossaries: ['terms/house.csv'] };
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, seed);
    const d = await wait;
    const g = d.diagnostics.filter((x) => x.code === 'glossary-term');
    assert.deepEqual(g.map((x) => [x.range.start.line, x.range.start.character]), [[38, 76]]);
    assert.match(g[0].message, /“cathodes” is rendered 阴极, a variant the glossary forbids; use 正极/);
    // the glossary governs cathode now: term-inconsistency keeps only the anodes
    assert.deepEqual(d.diagnostics.filter((x) => x.code === 'term-inconsistency').map((x) => x.range.start.line), [18, 38]);
  });

  it('malformed TBX: an error on its line, and the document is still checked', async () => {
    fs.mkdirSync(path.join(ws, '.bilingual'));
    const gPath = path.join(ws, '.bilingual', 'glossary.tbx');
    fs.writeFileSync(gPath, '<?xml version="1.0"?>\n<tbx><text><body>\n<termEntry><langSec xml:lang="en"><termSec><term>cathode</term></termSec></langSec>\n</body></text></tbx>\n');
    const gWait = client.waitForDiagnostics(fileUri(gPath));
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, seed);
    const [g, d] = await Promise.all([gWait, wait]);
    assert.equal(g.diagnostics.length, 1);
    assert.equal(g.diagnostics[0].range.start.line, 3);
    assert.match(g.diagnostics[0].message, /Malformed TBX/);
    assert.equal(d.diagnostics.filter((x) => x.code === 'term-inconsistency').length, 4);
  });

  it('offers "add to the glossary": creates .bilingual/glossary.tsv, then appends to it', async () => {
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, seed);
    const pub = await wait;
    const diag = pub.diagnostics.find((x) => x.code === 'term-inconsistency' && x.range.start.line === 38 && /cathodes/.test(x.message));
    assert.ok(diag, JSON.stringify(pub.diagnostics.map((x) => x.message)));
    assert.equal(diag.relatedInformation[0].location.range.start.line, 18);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.deepEqual(
      actions.map((a: any) => a.title),
      [
        'Use 正极 as in line 19',
        'Add cathode → 正极 to the glossary',
        'Add cathode → 阴极 to the glossary',
        // no "Fix all term-inconsistency problems": each rendering is used once (a tie), and
        // fixing all would swap 正极 and 阴极 (test/unit/hostile-regressions.test.ts)
        'Ignore term-inconsistency for this pair',
        'Ignore term-inconsistency in this file',
      ],
    );
    const add = actions[1];
    const gUri = fileUri(path.join(ws, '.bilingual', 'glossary.tsv'));
    assert.deepEqual(add.edit.documentChanges, [
      { kind: 'create', uri: gUri, options: { ignoreIfExists: true } },
      { textDocument: { uri: gUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'English\tChinese\tForbidden\tNote\ncathode\t正极\t\t\n' }] },
    ]);

    // with a glossary already there, the entry is appended at its end
    fs.mkdirSync(path.join(ws, '.bilingual'));
    fs.writeFileSync(path.join(ws, '.bilingual', 'glossary.tsv'), 'English\tChinese\nsolar farm\t太阳能电站');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gUri, type: 1 }] });
    const actions2 = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const add2 = actions2.find((a: any) => a.title === 'Add cathode → 正极 to the glossary');
    assert.deepEqual(add2.edit.documentChanges, [
      { textDocument: { uri: gUri, version: null }, edits: [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } }, newText: '\ncathode\t正极\t\t\n' }] },
    ]);
  });

  it('answers bilingualReview/terms with each term, its renderings and counts', async () => {
    const wait = client.waitForDiagnostics(uri);
    await client.open(uri, seed);
    await wait;
    const res = await client.request('bilingualReview/terms', { uri });
    assert.equal(res.uri, uri);
    const cath = res.terms.find((t: any) => t.key === 'cathode');
    assert.equal(cath.inconsistent, true);
    assert.deepEqual(cath.renderings, [
      { text: '正极', count: 1, lines: [18], files: [] },
      { text: '阴极', count: 1, lines: [38], files: [] },
    ]);
    const hoover = res.terms.find((t: any) => t.key === 'hoover institution');
    assert.deepEqual([hoover.inconsistent, hoover.pairs, hoover.renderings.map((r: any) => [r.text, r.count])], [false, 2, [['胡佛研究所', 2]]]);
    assert.equal(res.terms[0].inconsistent, true); // inconsistent terms first
  });

  it('workspaceTerms: renderings in other files of the workspace count', async () => {
    fs.writeFileSync(path.join(ws, 'other.en-zh.txt'), 'The cathodes were shipped.\n正极已经发货。\n\nEach cathode was tested.\n每个正极都经过了测试。\n\nThe cathode supplier is new.\n正极供应商是新的。\n');
    const small = path.join(ws, 'note.en-zh.txt');
    const text = 'The cathodes arrived in March.\n阴极于三月运抵。\n';
    fs.writeFileSync(small, text);
    const sUri = fileUri(small);
    let wait = client.waitForDiagnostics(sUri);
    await client.open(sUri, text);
    assert.equal((await wait).diagnostics.filter((x) => x.code === 'term-inconsistency').length, 0);
    client.settings = { workspaceTerms: true };
    wait = client.waitForDiagnostics(sUri, (p) => p.diagnostics.some((x) => x.code === 'term-inconsistency'));
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const d = (await wait).diagnostics.filter((x) => x.code === 'term-inconsistency');
    assert.equal(d.length, 1);
    // 正极 in other.en-zh.txt three times and once in the seed (article.en-zh.txt) of the same folder
    assert.match(d[0].message, /“cathodes” is rendered 阴极 here but 正极 in line 2 \(other\.en-zh\.txt\) \(and 3 more pairs\)/);
    assert.equal(d[0].relatedInformation[0].location.uri, fileUri(path.join(ws, 'other.en-zh.txt')));
    // the other file changes on disk: the index follows
    fs.writeFileSync(path.join(ws, 'other.en-zh.txt'), 'The cathodes were shipped.\n阴极已经发货。\n');
    wait = client.waitForDiagnostics(sUri, (p) => !p.diagnostics.some((x) => x.code === 'term-inconsistency'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws, 'other.en-zh.txt')), type: 2 }] });
    await wait;
  });
});
