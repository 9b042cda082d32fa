// No network, no execution, at run time: the server (and the CLI) run with a preload
// that makes every network call, program launch and worker throw and records it
// (test/support/no-network-preload.cjs). A whole review session on a workspace that
// tries to get code run (a glossary setting naming a .js file, package.json scripts,
// node_modules, a .vscode folder) must record nothing, and run none of that code.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { CLI, ROOT, SEED, SERVER } from '../support/paths';

const PRELOAD = path.join(ROOT, 'test', 'support', 'no-network-preload.cjs');

function records(log: string): any[] {
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

describe('no network, no execution (run time)', function () {
  this.timeout(60_000);
  let ws: string;
  let log: string;
  let marker: string;
  const savedLog = process.env.NO_NETWORK_LOG;

  before(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'br-nonet-'));
    log = path.join(ws, '..', `${path.basename(ws)}.calls.jsonl`);
    marker = path.join(ws, '..', `${path.basename(ws)}.EXECUTED`);
    // a workspace that would get code run if anything executed or required it
    const evil = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`;
    fs.writeFileSync(path.join(ws, 'article.en-zh.txt'), fs.readFileSync(SEED, 'utf8'));
    fs.writeFileSync(path.join(ws, 'other.en-zh.txt'), 'The cathode was replaced.\n阴极被更换了。\n');
    fs.mkdirSync(path.join(ws, '.bilingual'));
    fs.writeFileSync(path.join(ws, '.bilingual', 'glossary.tsv'), 'English\tChinese\tForbidden\tNote\nbattery\t电池\t\t\n');
    fs.writeFileSync(path.join(ws, 'evil.js'), evil);
    fs.writeFileSync(path.join(ws, 'glossary.tsv.js'), evil);
    fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'evil', scripts: { postinstall: `node evil.js`, test: 'node evil.js' }, main: 'evil.js' }));
    fs.mkdirSync(path.join(ws, 'node_modules', 'bilingual-review'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'node_modules', 'bilingual-review', 'index.js'), evil);
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'bilingualReview.glossaries': ['evil.js'] }));
    process.env.NO_NETWORK_LOG = log;
  });
  after(() => {
    if (savedLog === undefined) delete process.env.NO_NETWORK_LOG;
    else process.env.NO_NETWORK_LOG = savedLog;
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(log, { force: true });
    fs.rmSync(marker, { force: true });
  });

  it('the preload records and blocks what it traps (the check below can fail)', () => {
    fs.rmSync(log, { force: true });
    const code = "for (const f of [() => require('net').connect(9), () => require('http').get('http://example.invalid/'), () => require('child_process').spawnSync('true'), () => new (require('worker_threads').Worker)('x.js')]) { try { f(); } catch {} }";
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], { encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(records(log).filter((x) => !x.armed).map((x) => x.call), ['net.connect', 'http.get', 'child_process.spawnSync', 'worker_threads.Worker']);
    // a worker of the running program itself is let through, but not one given code as a string
    fs.rmSync(log, { force: true });
    const script = path.join(ws, '..', `${path.basename(ws)}.self.js`);
    fs.writeFileSync(script, "const wt = require('worker_threads'); if (wt.isMainThread) { new wt.Worker(__filename).on('exit', () => { try { new wt.Worker(__filename, { eval: true }); } catch {} }); }");
    try {
      const s = spawnSync(process.execPath, ['--require', PRELOAD, script], { encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log } });
      assert.equal(s.status, 0, s.stderr);
      assert.deepEqual(records(log).filter((x) => !x.armed && !x.armedThread), [{ thread: script }, { call: 'worker_threads.Worker', arg: script }]);
    } finally {
      fs.rmSync(script, { force: true });
    }
  });

  it('the server: open, hover, highlights, code actions, fix all, symbols, folding, terms, glossaries, workspace terms', async () => {
    fs.rmSync(log, { force: true });
    // node --require PRELOAD dist/server.js --stdio (the environment carries NO_NETWORK_LOG)
    const client = new LspTestClient(`--require=${PRELOAD}`, [SERVER, '--stdio']);
    try {
      await client.initialize({
        workspaceFolders: [ws],
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
      });
      client.settings = { workspaceTerms: true, glossaries: ['evil.js', 'glossary.tsv.js', 'node_modules/bilingual-review/index.js'] };
      const uri = fileUri(path.join(ws, 'article.en-zh.txt'));
      const wait = client.waitForDiagnostics(uri);
      await client.open(uri, fs.readFileSync(SEED, 'utf8'));
      const pub = await wait;
      assert.ok(pub.diagnostics.length > 0);
      const pos = { textDocument: { uri }, position: { line: 1, character: 3 } };
      assert.ok(await client.request('textDocument/hover', pos));
      await client.request('textDocument/documentHighlight', pos);
      for (const d of pub.diagnostics.slice(0, 20)) {
        const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions.filter((x: any) => !x.edit).slice(0, 2)) await client.request('codeAction/resolve', a);
      }
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: pub.diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
      const terms = await client.request('bilingualReview/terms', { uri });
      assert.ok(terms.terms.length > 0);
      // the .js "glossaries" were read as text (tab-separated rows: none found, errors published on them), never required
      for (const f of ['evil.js', 'glossary.tsv.js', 'node_modules/bilingual-review/index.js']) {
        const g = client.latest.get(fileUri(path.join(ws, f)));
        assert.ok(g && g.diagnostics.length > 0, `${f} was read as a glossary and its rows reported`);
      }
    } finally {
      await client.shutdown();
    }
    const rec = records(log);
    assert.ok(rec.some((r) => r.armed), 'the preload was loaded into the server');
    assert.deepEqual(rec.filter((r) => !r.armed), [], 'network or process calls were made');
    assert.ok(!fs.existsSync(marker), 'code from the workspace ran');
  });

  it('the CLI: a directory with glossaries, every format, on one thread and on several', () => {
    fs.rmSync(log, { force: true });
    for (const jobs of ['1', '3'])
      for (const format of ['text', 'json', 'sarif']) {
        const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', ws, '--format', format, '--glossary', path.join(ws, 'evil.js'), '--jobs', jobs], { cwd: ws, encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log } });
        assert.equal(r.status, 1, r.stderr);
      }
    const rec = records(log);
    assert.equal(rec.filter((r) => r.armed).length, 6);
    assert.deepEqual(rec.filter((r) => r.call), [], 'network or process calls were made');
    // --jobs 3: worker threads of the CLI's own bundle only (two per run), each armed by the preload too
    assert.deepEqual(rec.filter((r) => r.thread).map((r) => r.thread), Array(6).fill(CLI));
    assert.equal(rec.filter((r) => r.armedThread).length, 6);
    assert.deepEqual(rec.filter((r) => !r.armed && !r.thread && !r.armedThread), []);
    assert.ok(!fs.existsSync(marker), 'code from the workspace ran');
  });
});
