// Enter through the real server over stdio, and what each one is made of:
//   node bench/enter-latency.mjs [PAIRS] [ENTERS] [SERVER_JS] [KEYSTROKES]
// Opens a generated document, types KEYSTROKES characters (32, as bench/run.mjs does before
// its Enters), then presses Enter at the end of the middle English line and undoes it,
// ENTERS times (each waits for the publish of its version). Per Enter: the whole wait
// (as the benchmark measures it), the server's part (from reading didChange to writing the
// publish), the rest (the pipe, and the client's JSON.parse of about 5 MB), the server's CPU
// (from /proc, all its threads, 10 ms ticks) and its GC pauses (bench/gc-observer.cjs,
// preloaded: written to stderr). Prints each Enter, then medians and p95 as bench/run.mjs
// computes them (with 20 Enters its p95 is the slowest: usually the first ones, whose code
// is not optimised yet).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const [n = 100000, count = 20, server = fileURLToPath(new URL('../dist/server.js', import.meta.url)), keys = 32] = process.argv.slice(2);
const text = generate(Number(n)).text;
const proc = spawn(process.execPath, ['--require', fileURLToPath(new URL('./gc-observer.cjs', import.meta.url)), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
const gcs = [];
const ins = [];
const outs = [];
let err = '';
proc.stderr.on('data', (d) => {
  err += d;
  for (let i; (i = err.indexOf('\n')) >= 0; ) {
    const l = err.slice(0, i).split(' ');
    err = err.slice(i + 1);
    if (l[0] === '@gc') gcs.push({ kind: l[1], at: +l[2], ms: +l[3] });
    else if (l[0] === '@in') ins.push(+l[1]);
    else if (l[0] === '@out') outs.push(+l[1]);
    else process.stderr.write(l.join(' ') + '\n');
  }
});
const now = () => performance.timeOrigin + performance.now();
const send = (o) => {
  const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...o }));
  proc.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
  proc.stdin.write(b);
};
let chunks = [];
let have = 0;
let need = -1;
let waiter;
const pending = new Map();
proc.stdout.on('data', (d) => {
  chunks.push(d);
  have += d.length;
  if (need > 0 && have < need) return;
  let buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  chunks = [buf];
  need = -1;
  for (;;) {
    const h = buf.indexOf('\r\n\r\n');
    if (h < 0) break;
    const len = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, h).toString())[1]);
    if (buf.length < h + 4 + len) {
      need = h + 4 + len;
      break;
    }
    const body = buf.subarray(h + 4, h + 4 + len);
    buf = buf.subarray(h + 4 + len);
    chunks = [buf];
    have = buf.length;
    const arrived = now();
    const msg = JSON.parse(body);
    const parsed = now();
    if (msg.method === 'textDocument/publishDiagnostics') {
      if (waiter && waiter.version === msg.params.version) (waiter.resolve({ arrived, parseMs: parsed - arrived, bytes: len }), (waiter = undefined));
    } else if (msg.id !== undefined && msg.method) send({ id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null });
    else if (msg.id !== undefined && pending.has(msg.id)) (pending.get(msg.id)(msg.result), pending.delete(msg.id));
  }
});
let id = 0;
const request = (method, params) => new Promise((resolve) => (pending.set(++id, resolve), send({ id, method, params })));
const cpuMs = () => {
  const st = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(st[11]) + Number(st[12])) * 10;
};
await request('initialize', { processId: process.pid, rootUri: null, locale: 'en', capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } } } });
send({ method: 'initialized', params: {} });
const uri = 'file:///bench/doc.en-zh.txt';
let version = 1;
const published = (v) => new Promise((resolve) => (waiter = { version: v, resolve }));
let w = published(1);
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'bilingual', version, text } } });
await w;
const lines = text.split('\n');
let line = lines.length >> 1;
while (line < lines.length - 1 && !(/^[A-Z]/.test(lines[line]) && /[\u4e00-\u9fff]/.test(lines[line + 1]))) line++;
const end = lines[line].length;
const edit = async (change) => {
  const v = ++version;
  const c0 = cpuMs();
  w = published(v);
  const t0 = now();
  send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [change] } });
  const r = await w;
  const t1 = now();
  const tin = ins.find((x) => x >= t0 - 1);
  const tout = outs.find((x) => x >= t0);
  const gc = gcs.filter((x) => x.at >= t0 - 1 && x.at <= t1);
  return { ms: t1 - t0, serverMs: tout - tin, restMs: t1 - tout, parseMs: r.parseMs, bytes: r.bytes, cpuMs: cpuMs() - c0, gc };
};
const pos = (l, c) => ({ line: l, character: c });
for (let i = 0; i < Number(keys); i++) await edit(i % 2 ? { range: { start: pos(line, 10), end: pos(line, 11) }, text: '' } : { range: { start: pos(line, 10), end: pos(line, 10) }, text: 'x' });
const rows = [];
for (let i = 0; i < Number(count); i++) rows.push(await edit(i % 2 ? { range: { start: pos(line, end), end: pos(line + 1, 0) }, text: '' } : { range: { start: pos(line, end), end: pos(line, end) }, text: '\n' }));
await new Promise((r) => setTimeout(r, 100));
for (const [i, r] of rows.entries())
  console.log(`Enter ${String(i).padStart(2)}: ${r.ms.toFixed(1)} ms = server ${r.serverMs.toFixed(1)} + pipe and client ${r.restMs.toFixed(1)} (JSON.parse ${r.parseMs.toFixed(1)}); server CPU ${r.cpuMs} ms; GC ${r.gc.map((g) => `${g.kind} ${g.ms.toFixed(1)}`).join(', ') || '-'}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
const stat = (k) => `${median(rows.map((r) => r[k])).toFixed(1)} / ${p95(rows.map((r) => r[k])).toFixed(1)}`;
const gcMs = rows.map((r) => r.gc.reduce((a, g) => a + g.ms, 0));
console.log(`${n} pairs, ${rows[0].bytes} bytes a publish; median / p95: Enter ${stat('ms')} ms, server ${stat('serverMs')}, pipe and client ${stat('restMs')}, server CPU ${stat('cpuMs')}, GC pauses ${median(gcMs).toFixed(1)} / ${p95(gcMs).toFixed(1)}; ${rows.reduce((a, r) => a + r.gc.filter((g) => g.kind === 'major').length, 0)} major GCs`);
proc.kill();
process.exit(0);
