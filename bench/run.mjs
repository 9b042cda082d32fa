// `npm run bench`: generates interleaved documents, measures the CLI, the
// language server over stdio, the package sizes, and Translate Toolkit's
// `pofilter -t numbers` on the same pairs; prints a table and writes
// bench/out/results.json.
//
//   npm run bench                    everything (takes a few minutes on 2 cores)
//   npm run bench -- --quick         1,000 and 10,000 pairs for the CLI; 20,000 for the server; no 100,000-pair peer run
//   npm run bench -- --synthetic     also run the CLI and server with a synthetic heavy pair rule (benchmark only)
//   npm run bench -- --no-peer       skip pofilter
//   npm run bench -- --no-package    skip `npm run package` (uses the current dist/)
//   npm run bench -- --server-only   only the language server measurements

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, toPo } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SYNTHETIC = args.has('--synthetic');
const PEER = !args.has('--no-peer') && !args.has('--server-only');
const SERVER_ONLY = args.has('--server-only');
const PACKAGE = !args.has('--no-package') && !SERVER_ONLY;
mkdirSync(OUT, { recursive: true });

const CLI_SIZES = args.has('--server-only') ? [] : QUICK ? [1000, 10000] : [1000, 10000, 20000, 100000];
const sizesArg = process.argv.find((a) => a.startsWith('--server-sizes='));
const SERVER_SIZES = sizesArg ? sizesArg.slice(15).split(',').map(Number) : QUICK ? [20000] : [20000, 100000];
/** Extra Node options for the server process (e.g. --cpu-prof), from BENCH_SERVER_NODE_OPTIONS. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
const PEER_SIZES = QUICK ? [1000, 10000] : [1000, 10000, 100000];

const log = (s) => process.stderr.write(s + '\n');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const now = () => performance.now();

// ---------------------------------------------------------------- build
function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version },
  load: { start: loadavg().map((x) => x.toFixed(1)).join(' ') },
  documents: {},
  cli: {},
  server: {},
  peer: {},
  sizes: {},
};

if (PACKAGE) {
  log('packaging (npm run package) …');
  run('npm', ['run', 'package', '--silent']);
} else run(process.execPath, ['esbuild.mjs', '--production']);
results.sizes.serverBytes = statSync(join(ROOT, 'dist', 'server.js')).size;
results.sizes.cliBytes = statSync(join(ROOT, 'dist', 'cli.js')).size;
const vsix = join(ROOT, 'bilingual-review.vsix');
results.sizes.vsixBytes = PACKAGE && existsSync(vsix) ? statSync(vsix).size : null;

// Measure copies, so that a rebuild of dist/ while the benchmark runs cannot change what is measured.
mkdirSync(join(OUT, 'product'), { recursive: true });
for (const f of ['server.js', 'cli.js']) copyFileSync(join(ROOT, 'dist', f), join(OUT, 'product', f));

/** Variants measured: the product, and optionally the product plus the synthetic heavy rule. */
const variants = [{ name: 'product', cli: join(OUT, 'product', 'cli.js'), server: join(OUT, 'product', 'server.js') }];
if (SYNTHETIC) {
  run(process.execPath, ['bench/build-synthetic.mjs']);
  variants.push({ name: 'synthetic', cli: join(OUT, 'synthetic', 'cli.js'), server: join(OUT, 'synthetic', 'server.js') });
}

// ---------------------------------------------------------------- documents
const docs = {};
for (const n of [...new Set([...CLI_SIZES, ...SERVER_SIZES, ...(PEER ? PEER_SIZES : [])])].sort((a, b) => a - b)) {
  const file = join(OUT, `news-${n}.en-zh.txt`);
  const po = join(OUT, `news-${n}.po`);
  const g = generate(n);
  writeFileSync(file, g.text);
  writeFileSync(po, toPo(g.pairs));
  docs[n] = { file, po, text: g.text };
  results.documents[n] = { bytes: Buffer.byteLength(g.text), lines: g.text.split('\n').length - 1, problemsPlanted: g.problems };
  log(`generated ${n} pairs: ${(Buffer.byteLength(g.text) / 1e6).toFixed(1)} MB`);
}

// ---------------------------------------------------------------- CLI
/**
 * Runs a command to completion; returns its wall-clock time and the CPU time (user +
 * system) it and its children used, read with the shell's `times`. On a shared machine
 * the CPU time is the steadier figure: waiting for a core does not count.
 */
function timeProcess(cmd, argv) {
  const t0 = now();
  const r = spawnSync('/bin/sh', ['-c', '"$@" >/dev/null; s=$?; times >&2; exit $s', 'sh', cmd, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  // `times`: the shell's user and system time, then its children's
  const t = [...r.stderr.toString('utf8').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60000 + Number(m[2]) * 1000);
  lastCpuMs = t.length >= 4 ? t[2] + t[3] : NaN;
  return ms;
}
let lastCpuMs = NaN;

for (const v of variants) {
  results.cli[v.name] = {};
  for (const n of CLI_SIZES) {
    const runs = n >= 100000 ? 3 : 5;
    const argv = [v.cli, 'check', docs[n].file, '--format', 'json'];
    // the first run reads the findings (and warms the file cache); the timed runs follow
    const json = JSON.parse(spawnSync(process.execPath, argv, { cwd: ROOT, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).stdout.toString('utf8')).files[0];
    const times = [];
    const cpu = [];
    for (let i = 0; i < runs; i++) (times.push(timeProcess(process.execPath, argv)), cpu.push(lastCpuMs));
    const ms = median(times);
    const cpuMs = median(cpu);
    const byRule = {};
    for (const d of json.diagnostics) byRule[d.code] = (byRule[d.code] ?? 0) + 1;
    results.cli[v.name][n] = { ms, runs: times, cpuMs, cpuRuns: cpu, pairsPerSecond: (json.pairs / ms) * 1000, cpuPairsPerSecond: (json.pairs / cpuMs) * 1000, usPerPair: (ms * 1000) / json.pairs, pairs: json.pairs, findings: json.diagnostics.length, byRule };
    log(`cli[${v.name}] ${n}: ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms), ${json.diagnostics.length} findings`);
  }
}

// ---------------------------------------------------------------- peer: pofilter -t numbers
function findPofilter() {
  const r = spawnSync('pofilter', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim() : null;
}
if (PEER) {
  let version = findPofilter();
  if (!version && process.getuid?.() === 0) {
    log('pofilter missing: installing Debian package translate-toolkit …');
    spawnSync('apt-get', ['update'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'translate-toolkit'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    version = findPofilter();
  }
  if (!version) {
    results.peer = { error: 'pofilter not found. Install Translate Toolkit: sudo apt-get install translate-toolkit (Debian/Ubuntu) or pip install translate-toolkit; then re-run.' };
    log(results.peer.error);
  } else {
    results.peer.version = version;
    for (const n of PEER_SIZES) {
      const runs = n >= 100000 ? 1 : 3;
      const outPo = join(OUT, `news-${n}.pofilter-out.po`);
      const times = [];
      const cpu = [];
      for (let i = 0; i < runs; i++) (times.push(timeProcess('pofilter', ['--progress=none', '-t', 'numbers', docs[n].po, outPo])), cpu.push(lastCpuMs));
      const flagged = (readFileSync(outPo, 'utf8').match(/^msgid /gm)?.length ?? 1) - 1;
      const ms = median(times);
      const cpuMs = median(cpu);
      results.peer[n] = { ms, runs: times, cpuMs, cpuRuns: cpu, pairsPerSecond: (n / ms) * 1000, cpuPairsPerSecond: (n / cpuMs) * 1000, flagged };
      log(`pofilter ${n}: ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms), ${flagged} flagged`);
    }
  }
}

// ---------------------------------------------------------------- server over stdio
const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');

class Client {
  constructor(serverPath) {
    this.t0 = now();
    this.proc = spawn(process.execPath, [...SERVER_NODE_ARGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', () => {});
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const t = now();
      this.latest = p;
      this.waiters = this.waiters.filter((w) => (w.pred(p) ? (w.resolve({ p, t }), false) : true));
    });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }
  async initialize() {
    const caps = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true },
        // what VS Code declares: code actions are resolved lazily (a client without resolveSupport
        // gets "fix all" edits computed with every code action request, a full re-check each time)
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown'] },
          codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    this.initMs = now() - this.t0;
    await this.conn.sendNotification('initialized', {});
    this.capabilities = caps.capabilities;
    return caps;
  }
  waitFor(pred, timeoutMs = 900000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeoutMs);
      this.waiters.push({ pred, resolve: (x) => (clearTimeout(timer), resolve(x)) });
    });
  }
  peakRssMB() {
    try {
      const s = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
      return { peak: kb('VmHWM') / 1024, current: kb('VmRSS') / 1024 };
    } catch {
      return { peak: null, current: null };
    }
  }
  async close() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {}
    await new Promise((r) => {
      if (this.proc.exitCode !== null) return r();
      const t = setTimeout(() => (this.proc.kill('SIGKILL'), r()), 3000);
      this.proc.once('exit', () => (clearTimeout(t), r()));
    });
    this.conn.dispose();
  }
}

/** A line in the middle of the document that is the English side of a pair, and a number on it. */
function middleSpot(text) {
  const lines = text.split('\n');
  for (let i = lines.length >> 1; i < lines.length - 1; i++) {
    if (/^[A-Z]/.test(lines[i]) && /[\u4e00-\u9fff]/.test(lines[i + 1])) {
      const m = /\d/.exec(lines[i]);
      return { line: i, character: m ? m.index : 0, length: lines[i].length };
    }
  }
  return { line: lines.length >> 1, character: 0, length: 0 };
}

async function timed(fn, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    await fn(i);
    xs.push(now() - t0);
  }
  return { median: median(xs), p95: pct(xs, 95), n };
}

{
  const xs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    spawnSync(process.execPath, ['-e', '0']);
    xs.push(now() - t0);
  }
  results.nodeStartMs = median(xs);
}

async function measureServer(v) {
  const out = { coldStartMs: null, sizes: {} };
  const colds = [];
  for (let i = 0; i < 5; i++) {
    const c = new Client(v.server);
    await c.initialize();
    colds.push(c.initMs);
    await c.close();
  }
  out.coldStartMs = median(colds);
  log(`server[${v.name}] cold start ${out.coldStartMs.toFixed(0)} ms`);

  for (const n of SERVER_SIZES) {
    const c = new Client(v.server);
    const caps = (await c.initialize()).capabilities;
    const uri = pathToFileURL(docs[n].file).href;
    const text = docs[n].text;
    const r = { advertised: { hover: !!caps.hoverProvider, documentHighlight: !!caps.documentHighlightProvider, codeAction: !!caps.codeActionProvider } };
    let version = 1;
    const first = c.waitFor((p) => p.uri === uri);
    const t0 = now();
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bilingual', version, text } });
    // While the document is being read and checked, probe the server every 25 ms with a
    // request it answers at once (an unknown method: MethodNotFound) and keep the waits.
    let opened = false;
    const probes = [];
    const probing = (async () => {
      while (!opened) {
        const t = now();
        await c.conn.sendRequest('bilingualReview/benchProbe', {}).catch(() => {});
        if (!opened) probes.push({ at: t - t0, ms: now() - t });
        await new Promise((res) => setTimeout(res, 25));
      }
    })();
    const { p: firstDiag, t: t1 } = await first;
    opened = true;
    await probing;
    r.openMs = t1 - t0;
    // Waits that started after the text was read (the check itself), and over the whole open.
    r.requestWaitDuringOpenMs = { max: Math.max(0, ...probes.map((x) => x.ms)), n: probes.length };
    if (process.env.BENCH_DEBUG) log(JSON.stringify(probes));
    r.findings = firstDiag.diagnostics.length;
    const spot = middleSpot(text);

    // One character typed in the middle of a line, then deleted (each waits for its diagnostics).
    const edit = async (i) => {
      version++;
      const v2 = version;
      const done = c.waitFor((p) => p.uri === uri && p.version === v2);
      const ch = 10;
      const change = i % 2 === 0 ? { range: { start: { line: spot.line, character: ch }, end: { line: spot.line, character: ch } }, text: 'x' } : { range: { start: { line: spot.line, character: ch }, end: { line: spot.line, character: ch + 1 } }, text: '' };
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [change] });
      await done;
    };
    await edit(0);
    await edit(1); // warm-up
    log(`  open ${r.openMs.toFixed(0)} ms, ${r.findings} findings`);
    r.editMs = await timed(edit, 30);
    log(`  keystroke ${r.editMs.median.toFixed(1)} ms`);
    // Enter pressed at the end of the middle line, then undone: every later line moves.
    const enter = async (i) => {
      version++;
      const v2 = version;
      const done = c.waitFor((p) => p.uri === uri && p.version === v2);
      const change =
        i % 2 === 0
          ? { range: { start: { line: spot.line, character: spot.length }, end: { line: spot.line, character: spot.length } }, text: '\n' }
          : { range: { start: { line: spot.line, character: spot.length }, end: { line: spot.line + 1, character: 0 } }, text: '' };
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [change] });
      await done;
    };
    r.newlineMs = await timed(enter, 20);
    log(`  Enter ${r.newlineMs.median.toFixed(1)} ms`);
    // One character typed into (then deleted from) the Chinese line of the same pair: its
    // candidate renderings change, so the terms of the pair are analysed again.
    const zhEdit = async (i) => {
      version++;
      const v2 = version;
      const done = c.waitFor((p) => p.uri === uri && p.version === v2);
      const zl = spot.line + 1;
      const change = i % 2 === 0 ? { range: { start: { line: zl, character: 2 }, end: { line: zl, character: 2 } }, text: '的' } : { range: { start: { line: zl, character: 2 }, end: { line: zl, character: 3 } }, text: '' };
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [change] });
      await done;
    };
    r.zhEditMs = await timed(zhEdit, 20);
    log(`  Chinese-line keystroke ${r.zhEditMs.median.toFixed(1)} ms`);

    const pos = { line: spot.line, character: spot.character };
    const td = { uri };
    if (r.advertised.hover) r.hoverMs = await timed(() => c.conn.sendRequest('textDocument/hover', { textDocument: td, position: pos }), 50);
    if (r.advertised.documentHighlight) r.highlightMs = await timed(() => c.conn.sendRequest('textDocument/documentHighlight', { textDocument: td, position: pos }), 50);
    if (r.advertised.codeAction) {
      const diags = (c.latest?.diagnostics ?? []).filter((d) => d.range.start.line >= spot.line).slice(0, 1);
      const range = diags[0]?.range ?? { start: pos, end: pos };
      r.codeActionMs = await timed(() => c.conn.sendRequest('textDocument/codeAction', { textDocument: td, range, context: { diagnostics: diags } }), 50);
    }
    if (r.advertised.hover) {
      // A hover sent right after a keystroke, while the server re-checks.
      r.hoverDuringEditMs = await timed(async (i) => {
        version++;
        const v2 = version;
        const done = c.waitFor((p) => p.uri === uri && p.version === v2);
        const change = i % 2 === 0 ? { range: { start: { line: spot.line, character: 10 }, end: { line: spot.line, character: 10 } }, text: 'x' } : { range: { start: { line: spot.line, character: 10 }, end: { line: spot.line, character: 11 } }, text: '' };
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [change] });
        const t = now();
        await c.conn.sendRequest('textDocument/hover', { textDocument: td, position: pos });
        const ms = now() - t;
        await done;
        return ms;
      }, 10);
    }
    // RSS holding the document: after 2.5 s idle (the server may give garbage back when idle).
    await new Promise((res) => setTimeout(res, 2500));
    const rss = c.peakRssMB();
    r.peakRssMB = rss.peak;
    r.rssMB = rss.current;
    await c.close();
    out.sizes[n] = r;
    log(`server[${v.name}] ${n}: open ${r.openMs.toFixed(0)} ms, edit ${r.editMs.median.toFixed(1)} ms, newline ${r.newlineMs.median.toFixed(1)} ms, ${r.findings} findings, peak RSS ${rss.peak?.toFixed(0)} MB`);
  }
  return out;
}

for (const v of variants) results.server[v.name] = await measureServer(v);

writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// ---------------------------------------------------------------- table
const f0 = (x) => (x == null || Number.isNaN(x) ? 'n/a' : Math.round(x).toLocaleString('en-US'));
const f1 = (x) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(1));
results.load.end = loadavg().map((x) => x.toFixed(1)).join(' ');
const lines = [];
const row = (...cells) => lines.push('| ' + cells.join(' | ') + ' |');
const verdict = (ok) => (ok == null ? '' : ok ? 'met' : 'NOT met');

lines.push(`Bilingual Review benchmark — ${results.date}, ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average ${results.load.start} at the start, ${results.load.end} at the end`, '');
lines.push('CLI full check (whole process, median):', '');
row('variant', 'pairs', 'MB', 'findings', 'ms', 'pairs/s', 'µs/pair', 'CPU ms', 'pairs per CPU s', 'CPU µs/pair');
row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
for (const v of variants)
  for (const n of CLI_SIZES) {
    const c = results.cli[v.name][n];
    row(v.name, f0(n), f1(results.documents[n].bytes / 1e6), f0(c.findings), f0(c.ms), f0(c.pairsPerSecond), f1(c.usPerPair), f0(c.cpuMs), f0(c.cpuPairsPerSecond), f1((c.cpuMs * 1000) / c.pairs));
  }
const largest = CLI_SIZES.at(-1);
if (largest) lines.push('', `Findings by rule at ${f0(largest)} pairs: ${Object.entries(results.cli.product[largest].byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${f0(v)}`).join(', ')}`);
if (PEER && !results.peer.error) {
  lines.push('', `Peer: ${results.peer.version}, pofilter -t numbers on the same pairs as PO:`, '');
  row('pairs', 'ms', 'pairs/s', 'µs/pair', 'CPU ms', 'flagged', 'our pairs/s ÷ pofilter pairs/s (wall clock)', '(CPU time)');
  row('---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  for (const n of PEER_SIZES) {
    const p = results.peer[n];
    const ours = results.cli.product[n];
    const ratios = variants.filter((v) => results.cli[v.name][n]).map((v) => `${(results.cli[v.name][n].pairsPerSecond / p.pairsPerSecond).toFixed(2)}× (${v.name})`);
    const cpuRatios = variants.filter((v) => results.cli[v.name][n]).map((v) => `${(results.cli[v.name][n].cpuPairsPerSecond / p.cpuPairsPerSecond).toFixed(2)}× (${v.name})`);
    row(f0(n), f0(p.ms), f0(p.pairsPerSecond), f1((p.ms * 1000) / n), f0(p.cpuMs), f0(p.flagged), ours ? ratios.join(', ') : 'n/a', ours ? cpuRatios.join(', ') : 'n/a');
  }
} else if (PEER) lines.push('', `Peer: ${results.peer.error}`);

lines.push('', 'Language server over stdio (ms; median / p95):', '');
row('variant', 'pairs', 'findings', 'didOpen → diagnostics', 'longest request wait during open', 'keystroke → diagnostics (English line)', 'keystroke → diagnostics (Chinese line)', 'Enter → diagnostics', 'hover', 'highlight', 'code action', 'hover while re-checking', 'RSS MB (peak)');
row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
const mp = (m) => (m ? `${f1(m.median)} / ${f1(m.p95)}` : 'n/a');
for (const v of variants)
  for (const n of SERVER_SIZES) {
    const s = results.server[v.name].sizes[n];
    row(v.name, f0(n), f0(s.findings), f0(s.openMs), `${f0(s.requestWaitDuringOpenMs.max)} (${s.requestWaitDuringOpenMs.n} probes)`, mp(s.editMs), mp(s.zhEditMs), mp(s.newlineMs), mp(s.hoverMs), mp(s.highlightMs), mp(s.codeActionMs), mp(s.hoverDuringEditMs), `${f0(s.rssMB)} (${f0(s.peakRssMB)})`);
  }
lines.push('', `Server cold start (spawn → initialize response, median of 5): ${variants.map((v) => `${f0(results.server[v.name].coldStartMs)} ms (${v.name})`).join(', ')}`);
lines.push(`Bundled server ${f0(results.sizes.serverBytes / 1024)} KB, CLI ${f0(results.sizes.cliBytes / 1024)} KB, .vsix ${results.sizes.vsixBytes ? f0(results.sizes.vsixBytes / 1024) + ' KB' : 'n/a (--no-package)'}`);

// Targets
const P = results.cli.product;
const S = results.server.product;
const big = P[100000];
const peerSizes = PEER && !results.peer.error ? PEER_SIZES.filter((n) => P[n] && results.peer[n]) : [];
const peerAt = peerSizes.at(-1);
const peerRatio = peerAt ? P[peerAt].pairsPerSecond / results.peer[peerAt].pairsPerSecond : null;
const synthRatio = peerAt && SYNTHETIC ? results.cli.synthetic[peerAt].pairsPerSecond / results.peer[peerAt].pairsPerSecond : null;
const lastServer = S.sizes[SERVER_SIZES.at(-1)];
const targets = [
  [
    `CLI ≥ 10× pofilter -t numbers pairs/s (${peerAt ? f0(peerAt) : '—'} pairs)`,
    peerRatio == null ? 'n/a' : `${peerRatio.toFixed(2)}× (CPU time: ${(P[peerAt].cpuPairsPerSecond / results.peer[peerAt].cpuPairsPerSecond).toFixed(2)}×)${synthRatio == null ? '' : ` (synthetic ${synthRatio.toFixed(1)}×)`}`,
    peerRatio == null ? null : peerRatio >= 10,
  ],
  // the issue puts pofilter at about 17,000 pairs/s on this machine: 10× that is 170,000 pairs/s
  ['CLI ≥ 170,000 pairs/s (10× the issue\'s 17,000 pairs/s for pofilter), 100,000 pairs', big ? `${f0(big.pairsPerSecond)} pairs/s${SYNTHETIC ? ` (synthetic ${f0(results.cli.synthetic[100000].pairsPerSecond)})` : ''}` : 'n/a', big ? big.pairsPerSecond >= 170000 : null],
  ['CLI 100,000 pairs ≤ 3 s', big ? `${f0(big.ms)} ms (CPU ${f0(big.cpuMs)} ms)${SYNTHETIC ? ` (synthetic ${f0(results.cli.synthetic[100000].ms)} ms)` : ''}` : 'n/a', big ? big.ms <= 3000 : null],
  ['keystroke → diagnostics ≤ 30 ms at 20,000 pairs', S.sizes[20000] ? `${f1(S.sizes[20000].editMs.median)} ms${SYNTHETIC ? ` (synthetic ${f1(results.server.synthetic.sizes[20000].editMs.median)} ms)` : ''}` : 'n/a', S.sizes[20000] ? S.sizes[20000].editMs.median <= 30 : null],
  [
    'keystroke in a Chinese line → diagnostics (same targets: 30 ms at 20,000, 100 ms at 100,000 pairs)',
    SERVER_SIZES.map((n) => `${f1(S.sizes[n].zhEditMs.median)} ms at ${f0(n)}`).join(', '),
    SERVER_SIZES.every((n) => S.sizes[n].zhEditMs.median <= (n <= 20000 ? 30 : 100)),
  ],
  ['keystroke → diagnostics ≤ 100 ms at 100,000 pairs', S.sizes[100000] ? `${f1(S.sizes[100000].editMs.median)} ms${SYNTHETIC ? ` (synthetic ${f1(results.server.synthetic.sizes[100000].editMs.median)} ms)` : ''}` : 'n/a', S.sizes[100000] ? S.sizes[100000].editMs.median <= 100 : null],
  [
    'Enter in the middle (every later line moves) → diagnostics (same targets: 30 ms at 20,000, 100 ms at 100,000 pairs)',
    SERVER_SIZES.map((n) => `${f1(S.sizes[n].newlineMs.median)} ms at ${f0(n)}`).join(', '),
    SERVER_SIZES.every((n) => S.sizes[n].newlineMs.median <= (n <= 20000 ? 30 : 100)),
  ],
  ['hover ≤ 5 ms', lastServer?.hoverMs ? `${f1(lastServer.hoverMs.median)} ms` : 'n/a (the server does not offer hover yet)', lastServer?.hoverMs ? lastServer.hoverMs.median <= 5 : null],
  ['server cold start ≤ 150 ms', `${f0(S.coldStartMs)} ms (bare \`node -e 0\`: ${f0(results.nodeStartMs)} ms)`, S.coldStartMs <= 150],
  ['server RSS ≤ 300 MB with 100,000 pairs open', S.sizes[100000] ? `${f0(S.sizes[100000].rssMB)} MB holding it, ${f0(S.sizes[100000].peakRssMB)} MB peak` : 'n/a', S.sizes[100000] ? S.sizes[100000].rssMB <= 300 : null],
  ['.vsix ≤ 1 MB', results.sizes.vsixBytes ? `${f0(results.sizes.vsixBytes / 1024)} KB` : 'n/a', results.sizes.vsixBytes ? results.sizes.vsixBytes <= 1 << 20 : null],
];
results.targets = targets.map(([target, value, ok]) => ({ target, value, met: ok }));
lines.push('', 'Targets (product rules):', '');
row('target', 'measured', '');
row('---', '---:', '---');
for (const [t, val, ok] of targets) row(t, val, verdict(ok));
if (SYNTHETIC) lines.push('', 'The "synthetic" variant adds a benchmark-only heavy pair rule (bench/synthetic-rule.ts: number extraction and comparison on every pair, thousands of findings); it is never shipped.');

writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(OUT, 'results.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
