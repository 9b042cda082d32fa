// No network, no execution (static): what the shipped bundles are made of, from
// esbuild's metafile for the same entry points and options as esbuild.mjs. Only the
// modules listed here may import a network or process module, and none of our own
// code does; no bundle evaluates strings as code. The run-time check is
// test/protocol/no-network.test.ts. The manifest declares what it supports honestly.

import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

const ENTRIES = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli/main.ts',
} as const;

/** Node modules that reach the network, run programs or load code. */
const DANGEROUS = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'cluster', 'vm', 'inspector', 'module'];

/**
 * Who may import them, and why (checked: nothing else does).
 *  - vscode-jsonrpc's Node entry holds every transport: stdio and IPC (what we use), and
 *    pipes and sockets (net), which it uses only when started with --pipe or --socket=;
 *    crypto names random pipes. The run-time test shows stdio makes no net call.
 *  - vscode-languageserver's files.js resolves global npm/yarn folders with child_process;
 *    it is exported by vscode-languageserver/node, and nothing of ours calls it (checked below).
 *  - vscode-languageclient starts the server: child_process.fork of dist/server.js over
 *    IPC (client/src/extension.ts, checked below), our own bundled module; its processes.js
 *    can kill that process tree when it does not exit on stop (a fixed /bin/sh script of
 *    pgrep and kill on Linux and macOS, taskkill on Windows): no program from the workspace.
 *  - server/src/lsp/memory.ts runs vm.runInNewContext('gc') (a constant: V8's collector).
 *  - server/src/cli/main.ts re-runs the CLI itself (process.execPath on its own bundle, with
 *    a bigger --max-old-space-size) for a file larger than the default heap holds.
 *  - server/src/cli/parallel.ts starts worker threads of the CLI's own bundle (__filename,
 *    never code given as a string) to check on several cores (--jobs).
 */
const ALLOWED: Record<string, RegExp[]> = {
  net: [/^node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/],
  child_process: [/^node_modules\/vscode-languageserver\/lib\/node\/files\.js$/, /^node_modules\/vscode-languageclient\/lib\/node\/(main|processes)\.js$/, /^server\/src\/cli\/main\.ts$/],
  vm: [/^server\/src\/lsp\/memory\.ts$/],
  worker_threads: [/^server\/src\/cli\/parallel\.ts$/],
};

async function inputsOf(entry: string): Promise<esbuild.Metafile['inputs']> {
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['vscode'],
    outfile: path.join(ROOT, 'dist', 'metafile-probe.js'),
    define: { __VERSION__: '"0"' },
  });
  return r.metafile.inputs;
}

const builtin = (p: string) => p.replace(/^node:/, '');

describe('no network, no execution (static, over the bundles)', function () {
  this.timeout(60_000);
  const imports: Record<string, { from: string; mod: string }[]> = {};
  before(async () => {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      imports[name] = [];
      for (const [file, info] of Object.entries(await inputsOf(entry)))
        for (const imp of info.imports) if (imp.external) imports[name].push({ from: file, mod: builtin(imp.path) });
    }
  });

  for (const name of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
    it(`dist/${name}.js: network and process modules only where listed`, () => {
      const bad = imports[name].filter((i) => DANGEROUS.includes(i.mod) && !(ALLOWED[i.mod] ?? []).some((re) => re.test(i.from)));
      assert.deepEqual(bad, []);
    });
  }

  it('our own code (server/src, client/src) imports no network or process module but the one vm use', () => {
    const ours = Object.values(imports).flat().filter((i) => /^(server|client)\/src\//.test(i.from) && DANGEROUS.includes(i.mod));
    assert.deepEqual([...new Set(ours.map((i) => `${i.from}: ${i.mod}`))].sort(), ['server/src/cli/main.ts: child_process', 'server/src/cli/parallel.ts: worker_threads', 'server/src/lsp/memory.ts: vm']);
    // the CLI runs one program: Node itself, on the CLI's own file
    const cli = fs.readFileSync(path.join(ROOT, 'server/src/cli/main.ts'), 'utf8');
    assert.deepEqual(cli.match(/(?<![.\w])(spawn|spawnSync|exec|execSync|execFile|execFileSync|fork)\(/g), ['spawnSync(']);
    assert.match(cli, /spawnSync\(process\.execPath, \[`--max-old-space-size=\$\{neededMb\}`, \.\.\.process\.execArgv, __filename, \.\.\.args\]/);
    // its threads run one file: the CLI's own bundle, never code given as a string
    const parallel = fs.readFileSync(path.join(ROOT, 'server/src/cli/parallel.ts'), 'utf8');
    assert.deepEqual(parallel.match(/new Worker\([^,]*,/g), ['new Worker(__filename,']);
    assert.doesNotMatch(parallel, /\beval\s*:/);
    const memory = fs.readFileSync(path.join(ROOT, 'server/src/lsp/memory.ts'), 'utf8');
    assert.deepEqual(memory.match(/vm\.\w+\([^)]*\)/g), ["vm.runInNewContext('gc')"]);
  });

  it('the CLI bundle imports no network module, child_process only to re-run itself and worker_threads only for its own threads', () => {
    assert.deepEqual(
      imports.cli.filter((i) => DANGEROUS.includes(i.mod) && i.mod !== 'vm' && !(i.mod === 'child_process' && i.from === 'server/src/cli/main.ts') && !(i.mod === 'worker_threads' && i.from === 'server/src/cli/parallel.ts')),
      [],
    );
  });

  it('http, https, tls, dgram, dns and cluster are in no bundle; worker_threads only in the CLI', () => {
    for (const list of Object.values(imports)) assert.deepEqual(list.filter((i) => ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'cluster'].includes(i.mod)), []);
    assert.deepEqual([...imports.client, ...imports.server].filter((i) => i.mod === 'worker_threads'), []);
  });

  it('no bundle evaluates strings as code (eval, new Function, dynamic require or import of a path from outside)', () => {
    for (const f of ['client', 'server', 'cli']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', `${f}.js`), 'utf8');
      assert.doesNotMatch(text, /\beval\s*\(/, `eval in dist/${f}.js`);
      assert.doesNotMatch(text, /new\s+Function\s*\(/, `new Function in dist/${f}.js`);
    }
    // our sources: every require/import names a module literally
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
    for (const f of [...walk(path.join(ROOT, 'server/src')), ...walk(path.join(ROOT, 'client/src'))]) {
      const src = fs.readFileSync(f, 'utf8');
      assert.doesNotMatch(src, /\brequire\s*\(\s*[^'"\s)]/, `dynamic require in ${f}`);
      assert.doesNotMatch(src, /\bimport\s*\(\s*[^'"\s)]/, `dynamic import in ${f}`);
      assert.doesNotMatch(src, /\b(eval|Function)\s*\(/, `eval or Function in ${f}`);
    }
  });

  it('nothing of ours calls the module-resolution helpers that use child_process', () => {
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
    for (const f of walk(path.join(ROOT, 'server/src'))) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /\bFiles\.|resolveModulePath|resolveGlobal(Node|Yarn)Path/, f);
  });

  it('the client starts only our bundled server, over IPC', () => {
    const src = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(src, /const serverModule = context\.asAbsolutePath\(path\.join\('dist', 'server\.js'\)\)/);
    assert.deepEqual(src.match(/\{ module: \w+, transport: TransportKind\.\w+/g), ['{ module: serverModule, transport: TransportKind.ipc', '{ module: serverModule, transport: TransportKind.ipc']);
    assert.doesNotMatch(src, /command:/, 'no server started as a command');
  });

  it('the manifest declares untrusted- and virtual-workspace support as it is', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const text = (s: string) => s.replace(/^%(.+)%$/, (_m, k: string) => nls[k]);
    const caps = pkg.capabilities;
    // Restricted Mode: checking runs (nothing is executed), but a workspace may not point the
    // glossaries setting at files outside it; .bilingual/glossary.* inside it is still read.
    assert.equal(caps.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(caps.untrustedWorkspaces.restrictedConfigurations, ['bilingualReview.glossaries']);
    assert.match(text(caps.untrustedWorkspaces.description), /Restricted Mode/);
    // virtual workspaces: the client selects file: and untitled: documents only, and glossaries
    // and workspace terms are read from the file system
    assert.equal(caps.virtualWorkspaces.supported, false);
    assert.match(text(caps.virtualWorkspaces.description), /file system|disk/);
    const src = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.deepEqual(src.match(/scheme: '[a-z]+'/g), ["scheme: 'file'", "scheme: 'untitled'"]);
    // no activation on workspace contents that would run anything: the language, and the
    // preview panel VS Code restores after a reload
    assert.deepEqual(pkg.activationEvents ?? [], ['onLanguage:plaintext', 'onWebviewPanel:bilingualReview.preview']);
  });
});
