// The server's RSS holding a generated document, without the rest of the benchmark:
//   node bench/server-rss.mjs [PAIRS] [SERVER_JS] [-- NODE_OPTIONS...]
// Spawns the server over stdio, opens the document, waits for its diagnostics, types a
// few characters (each waits for its diagnostics), waits 2.5 s idle (as bench/run.mjs
// does: the server may give garbage back when idle) and prints VmRSS and VmHWM, with
// the server's CPU time (user + sys, from /proc) for the open and the edits.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const nodeArgs = dash >= 0 ? args.slice(dash + 1) : [];
const pos = dash >= 0 ? args.slice(0, dash) : args;
const n = Number(pos[0] ?? 100000);
const server = pos[1] ?? fileURLToPath(new URL('../dist/server.js', import.meta.url));
const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');
const text = generate(n).text;
const proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
let waiters = [];
conn.onNotification('textDocument/publishDiagnostics', (p) => (waiters = waiters.filter((w) => (w.pred(p) ? (w.resolve(p), false) : true))));
conn.onNotification('window/logMessage', () => {});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
conn.listen();
const waitFor = (pred) => new Promise((resolve) => waiters.push({ pred, resolve }));
const status = () => {
  const s = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN) / 1024;
  const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), cpuMs: ((Number(stat[11]) + Number(stat[12])) * 1000) / 100 };
};
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'en', capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } } } });
await conn.sendNotification('initialized', {});
const uri = 'file:///bench/doc.en-zh.txt';
const c0 = status().cpuMs;
const first = waitFor((p) => p.uri === uri);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bilingual', version: 1, text } });
const p1 = await first;
const c1 = status().cpuMs;
const lines = text.split('\n');
const line = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z]/.test(l) && lines[i + 1] && /[\u4e00-\u9fff]/.test(lines[i + 1]));
let version = 1;
for (let i = 0; i < 20; i++) {
  const v = ++version;
  const done = waitFor((p) => p.uri === uri && p.version === v);
  const change = i % 2 === 0 ? { range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'x' } : { range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: '' };
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  await done;
}
const c2 = status().cpuMs;
await new Promise((r) => setTimeout(r, 2500));
const s = status();
console.log(`${n} pairs, ${p1.diagnostics.length} diagnostics: RSS ${s.rss.toFixed(0)} MB holding it (peak ${s.hwm.toFixed(0)} MB); server CPU: open ${(c1 - c0).toFixed(0)} ms, 20 keystrokes ${(c2 - c1).toFixed(0)} ms`);
proc.kill();
process.exit(0);
