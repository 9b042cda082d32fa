// The server survives what a hostile workspace or a careless client sends:
//  - a rule that throws (pair, line, document rule, and in inspect()) is caught, logged
//    with its id to the client's output (window/logMessage), and every other rule still
//    reports; hover, highlights, code actions, symbols and terms keep working. Tested
//    against a server bundled with throwing test rules (test/support/fault/);
//  - malformed settings fall back to their defaults with a warning;
//  - malformed messages, unknown methods, requests about unknown documents and edits
//    outside a document do not kill the server.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFaultServer } from '../support/fault/build';
import { fileUri, LspTestClient } from '../support/lsp-client';
import { SEED } from '../support/paths';

const seedUri = fileUri(SEED);
const seedText = fs.readFileSync(SEED, 'utf8');

/** Our own small document: an unpaired caption, a wrong number, a wrong conversion. */
const TEXT = ['The ferry carries 120 cars.', '渡轮可载130辆汽车。', '', 'Each crate weighs 25 lb.', '每个箱子重25公斤。', '', '图片说明。', ''].join('\n');

const shape = (diags: any[]) => diags.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`).sort();

describe('server resilience', function () {
  this.timeout(60_000);

  describe('a rule that throws', () => {
    let faultServer: { server: string; cli: string; dir: string };
    let client: LspTestClient;
    before(async () => {
      faultServer = await buildFaultServer();
    });
    after(() => fs.rmSync(faultServer.dir, { recursive: true, force: true }));
    beforeEach(async () => {
      client = new LspTestClient(faultServer.server);
      await client.initialize({ textDocument: { hover: { contentFormat: ['markdown'] } } });
    });
    afterEach(async () => client.shutdown());

    it('is logged with its id, and the other rules still report (pair, line and document rules)', async () => {
      const wait = client.waitForDiagnostics(seedUri);
      await client.open(seedUri, seedText);
      const pub = await wait;
      // the product's rules report as without the throwing ones
      assert.deepEqual(pub.diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.range.start.line), [25, 36, 47, 70, 79, 86, 97]);
      assert.ok(!pub.diagnostics.some((d) => String(d.code).startsWith('test-throws')));
      const log = client.logs.join('\n');
      assert.match(log, /Rule test-throws-pair failed on file:.*: Error: pair rule exploded/);
      assert.match(log, /Rule test-throws-line failed on file:.*: TypeError: line rule exploded/);
      assert.match(log, /Rule test-throws-document failed on file:.*: RangeError: document rule exploded/);
      assert.match(log, /Rule test-throws-string failed on file:.*: a bare string/);
    });

    it('hover, highlights, code actions, symbols, folding and terms still answer; inspect() errors are logged', async () => {
      const wait = client.waitForDiagnostics(seedUri);
      await client.open(seedUri, seedText);
      const pub = await wait;
      // line 1 is the first English line of the article (line 0 is blank)
      const hover = await client.request('textDocument/hover', { textDocument: { uri: seedUri }, position: { line: 1, character: 3 } });
      assert.ok(hover && hover.contents.value.length > 0, 'a hover with the counterpart line');
      const log = client.logs.join('\n');
      assert.match(log, /Rule test-throws-pair failed .*pair inspect exploded/);
      assert.match(log, /Rule test-throws-document failed .*document inspect exploded/);
      const highlights = await client.request('textDocument/documentHighlight', { textDocument: { uri: seedUri }, position: { line: 1, character: 3 } });
      assert.ok(Array.isArray(highlights) || highlights === null);
      const unpaired = pub.diagnostics.find((d) => d.code === 'unpaired-line');
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri: seedUri }, range: unpaired.range, context: { diagnostics: [unpaired] } });
      assert.ok(actions.some((a: any) => a.edit), 'the unpaired line still gets its quick fixes');
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
      assert.ok(symbols.length > 0);
      const folds = await client.request('textDocument/foldingRange', { textDocument: { uri: seedUri } });
      assert.ok(Array.isArray(folds));
      const terms = await client.request('bilingualReview/terms', { uri: seedUri });
      assert.equal(terms.uri, seedUri);
      assert.ok(terms.terms.length > 0);
    });

    it('the CLI names the failing rule on stderr and still reports the others (exit 1)', () => {
      const f = path.join(faultServer.dir, 'doc.bilingual');
      fs.writeFileSync(f, TEXT);
      const r = spawnSync(process.execPath, [faultServer.cli, 'check', f, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d: any) => d.code);
      assert.ok(codes.includes('unpaired-line') && codes.includes('number-mismatch'), codes.join(' '));
      for (const [id, msg] of [['test-throws-pair', 'pair rule exploded'], ['test-throws-line', 'line rule exploded'], ['test-throws-document', 'document rule exploded'], ['test-throws-string', 'a bare string']])
        assert.match(r.stderr, new RegExp(`bilingual-review: internal error in rule ${id} on .*doc\\.bilingual: ${msg}`));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });

    it('keeps checking after edits', async () => {
      const uri = 'file:///tmp/resilience-edit.bilingual';
      let wait = client.waitForDiagnostics(uri);
      await client.open(uri, TEXT);
      const first = await wait;
      assert.ok(first.diagnostics.some((d) => d.code === 'unpaired-line'));
      wait = client.waitForDiagnostics(uri, (p) => p.version === 2);
      await client.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'A caption.\n' }]);
      const second = await wait;
      assert.ok(!second.diagnostics.some((d) => d.code === 'unpaired-line'), 'the caption got its source line');
      assert.ok(second.diagnostics.some((d) => d.code === 'number-mismatch'));
    });
  });

  describe('malformed settings fall back to the defaults, with a warning', () => {
    let client: LspTestClient;
    let baseline: string[];
    let n = 0;
    before(async () => {
      client = new LspTestClient();
      await client.initialize();
      baseline = shape(await openWith({}));
      assert.ok(baseline.some((d) => d.startsWith('unpaired-line')) && baseline.some((d) => d.startsWith('number-mismatch')) && baseline.some((d) => d.startsWith('unit-conversion')), baseline.join(' '));
    });
    after(async () => client.shutdown());

    /** Opens TEXT under a new URI (settings are fetched per document) with `settings` as the answer. */
    async function openWith(settings: unknown): Promise<any[]> {
      client.settings = settings as Record<string, unknown>;
      const uri = `file:///tmp/settings-${++n}.bilingual`;
      const wait = client.waitForDiagnostics(uri);
      await client.open(uri, TEXT);
      return (await wait).diagnostics;
    }

    const cases: [string, unknown, RegExp][] = [
      ['the section is a string', 'loud', /bilingualReview settings must be an object; got string/],
      ['the section is an array', [1, 2], /bilingualReview settings must be an object; got an array/],
      ['order is a number', { order: 42 }, /bilingualReview\.order must be "auto", "en-zh" or "zh-en"; got 42/],
      ['order is unknown', { order: 'backwards' }, /bilingualReview\.order must be .*got "backwards"/],
      ['rules is not an object', { rules: 'all' }, /bilingualReview\.rules must be an object of rule id to severity/],
      ['an unknown severity', { rules: { 'unpaired-line': 'fatal' } }, /bilingualReview\.rules\.unpaired-line must be one of error, warning, information, hint, off; got "fatal"/],
      ['a severity of the wrong type', { rules: { 'number-mismatch': true } }, /bilingualReview\.rules\.number-mismatch must be one of .*got true/],
      ['an unknown rule', { rules: { 'no-such-rule': 'error' } }, /bilingualReview\.rules: unknown rule "no-such-rule" ignored/],
      ['a flat rule setting of the wrong type', { 'rules.unpaired-line': 3 }, /bilingualReview\.rules\.unpaired-line: 3 is not a valid severity or rule/],
      ['a negative tolerance', { conversionTolerance: -1 }, /bilingualReview\.conversionTolerance must be a number from 0 to 0\.5; got -1/],
      ['a tolerance above the maximum', { conversionTolerance: 7 }, /bilingualReview\.conversionTolerance must be a number from 0 to 0\.5; got 7/],
      ['a tolerance that is a string', { conversionTolerance: 'big' }, /bilingualReview\.conversionTolerance must be a number .*got "big"/],
      ['a tolerance that is null', { conversionTolerance: null }, /bilingualReview\.conversionTolerance must be a number .*got null/],
      ['showCorrectConversions is a string', { showCorrectConversions: 'yes' }, /bilingualReview\.showCorrectConversions must be true or false; got "yes"/],
      ['glossaries is a string', { glossaries: 'terms.tsv' }, /bilingualReview\.glossaries must be a list of file paths \(strings\); got "terms\.tsv"/],
      ['glossaries holds non-strings', { glossaries: [1, null, { path: 'x' }] }, /bilingualReview\.glossaries must be a list of file paths .*got \[1,null,\{"path":"x"\}\]/],
      ['workspaceTerms is a string', { workspaceTerms: 'true' }, /bilingualReview\.workspaceTerms must be true or false; got "true"/],
      ['autoDetect is a number', { autoDetect: 5 }, /bilingualReview\.autoDetect must be true or false; got 5/],
    ];
    for (const [name, settings, warning] of cases) {
      it(name, async () => {
        const before = client.logs.length;
        const diags = await openWith(settings);
        assert.deepEqual(shape(diags), baseline, 'the findings are those of the default settings');
        const logged = client.logs.slice(before).join('\n');
        assert.match(logged, warning);
      });
    }

    it('settings the client cannot answer (workspace/configuration fails): defaults, with a warning', async () => {
      const before = client.logs.length;
      client.conn.onRequest('workspace/configuration', () => {
        throw new Error('no settings here');
      });
      try {
        const uri = `file:///tmp/settings-${++n}.bilingual`;
        const wait = client.waitForDiagnostics(uri);
        await client.open(uri, TEXT);
        assert.deepEqual(shape((await wait).diagnostics), baseline);
        assert.match(client.logs.slice(before).join('\n'), /Could not read settings for .*Using defaults/);
      } finally {
        client.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
      }
    });
  });

  describe('malformed messages and unknown documents do not kill the server', () => {
    let client: LspTestClient;
    beforeEach(async () => {
      client = new LspTestClient();
      await client.initialize();
    });
    afterEach(async () => client.shutdown());

    /** The server still works: a document opened now gets its diagnostics. */
    async function stillAlive(): Promise<void> {
      assert.equal(client.proc.exitCode, null, `the server exited: ${client.logs.join('')}`);
      const uri = `file:///tmp/alive-${Date.now()}-${Math.random()}.bilingual`;
      const wait = client.waitForDiagnostics(uri);
      await client.open(uri, TEXT);
      assert.ok((await wait).diagnostics.some((d) => d.code === 'unpaired-line'));
    }

    it('requests about a document that was never opened', async () => {
      const uri = 'file:///tmp/never-opened.bilingual';
      const pos = { textDocument: { uri }, position: { line: 3, character: 4 } };
      assert.equal(await client.request('textDocument/hover', pos), null);
      assert.deepEqual((await client.request('textDocument/documentHighlight', pos)) ?? [], []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos.position, end: pos.position }, context: { diagnostics: [] } }), []);
      assert.deepEqual((await client.request('textDocument/documentSymbol', { textDocument: { uri } })) ?? [], []);
      assert.deepEqual((await client.request('textDocument/foldingRange', { textDocument: { uri } })) ?? [], []);
      await client.request('bilingualReview/terms', { uri }).catch(() => undefined);
      await client.change(uri, 2, [{ text: 'changed' }]);
      await client.close(uri);
      await stillAlive();
    });

    it('positions and edits outside the document', async () => {
      const uri = 'file:///tmp/outside.bilingual';
      const wait = client.waitForDiagnostics(uri);
      await client.open(uri, TEXT);
      await wait;
      for (const position of [{ line: 999, character: 0 }, { line: 0, character: 1e9 }, { line: -1, character: -5 }]) {
        await client.request('textDocument/hover', { textDocument: { uri }, position });
        await client.request('textDocument/documentHighlight', { textDocument: { uri }, position });
      }
      const w2 = client.waitForDiagnostics(uri, (p) => p.version === 3);
      await client.change(uri, 2, [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 3 } }, text: 'Tail.\n尾。\n' }]);
      await client.change(uri, 3, [{ range: { start: { line: 4, character: 9 }, end: { line: 1, character: 0 } }, text: 'reversed' }]);
      const pub = await w2;
      assert.ok(Array.isArray(pub.diagnostics));
      await stillAlive();
    });

    it('requests with missing or wrong-typed params, and unknown methods', async () => {
      for (const [method, params] of [
        ['textDocument/hover', {}],
        ['textDocument/hover', { textDocument: 5, position: 'here' }],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x' } }],
        ['textDocument/documentSymbol', null],
        ['codeAction/resolve', { title: 'x', data: { uri: 42 } }],
        ['bilingualReview/terms', null],
        ['bilingualReview/noSuchMethod', {}],
      ] as [string, unknown][]) {
        await client.request(method, params).catch(() => undefined); // an error response is fine; silence is not required
      }
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///tmp/alive.bilingual' }, contentChanges: 'not a list' });
      await client.conn.sendNotification('bilingualReview/unknownNotification', { x: 1 });
      await stillAlive();
    });

    it('a message that is not JSON, and a header without a body length', async () => {
      const body = '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover",,,}';
      client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await new Promise((r) => setTimeout(r, 300));
      await stillAlive();
    });

    it('a message whose JSON is not a JSON-RPC message', async () => {
      for (const body of ['[]', '42', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{},"method":7}']) client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await new Promise((r) => setTimeout(r, 300));
      await stillAlive();
    });
  });
});
