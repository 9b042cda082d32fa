// In-process profile of one keystroke at a given size (no process or JSON-RPC
// overhead): `npx tsx bench/core-profile.ts 100000 [--synthetic] [--enter]`.
// --enter presses Enter at the end of the middle line and undoes it (every later line
// moves, as in the benchmark's Enter row) instead of typing a character.
// --profile=FILE writes a .cpuprofile of the edits alone (`node bench/profile-summary.mjs FILE`).
// Prints the cost of each stage so optimisations can be aimed ('json' is JSON.stringify
// of the publish; 'stdio encoder' what the server writes over stdio, UTF-8 bytes included).

import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { DocumentSession } from '../server/src/core';
import { RULES } from '../server/src/core/rules/registry';
import { toDiagnosticCached } from '../server/src/lsp/diagnostics';
import { messageBytes } from '../server/src/lsp/wire';
import { syntheticNumbers } from './synthetic-rule';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const n = Number(process.argv[2] ?? 100000);
const enter = process.argv.includes('--enter');
const profileTo = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
const inspector = new Session();
const post = (method: string, params?: object) => new Promise<unknown>((res, rej) => inspector.post(method, params, (e, r) => (e ? rej(e) : res(r))));
const rules = process.argv.includes('--synthetic') ? [...RULES, syntheticNumbers] : RULES;
const { text } = generate(n) as { text: string };
const t = () => performance.now();

let t0 = t();
const s = new DocumentSession(text, { rules });
const tParse = t() - t0;
t0 = t();
let r = s.check();
const tFirst = t() - t0;
console.log(`${n} pairs: parse ${tParse.toFixed(0)} ms, first check ${tFirst.toFixed(0)} ms, ${r.findings.length} findings`);

const mid = s.doc.lines.findIndex((l, i) => i > s.doc.lineCount / 2 && l.kind === 'en');
const stages: Record<string, number[]> = { apply: [], model: [], check: [], diagnostics: [], json: [], 'stdio encoder': [], 'CPU total': [] };
const endOf = s.doc.lines[mid].text.length;
const change = (i: number) =>
  enter
    ? i % 2
      ? { range: { start: { line: mid, character: endOf }, end: { line: mid + 1, character: 0 } }, text: '' }
      : { range: { start: { line: mid, character: endOf }, end: { line: mid, character: endOf } }, text: '\n' }
    : i % 2
      ? { range: { start: { line: mid, character: 10 }, end: { line: mid, character: 11 } }, text: '' }
      : { range: { start: { line: mid, character: 10 }, end: { line: mid, character: 10 } }, text: 'x' };
void (async () => {
if (profileTo) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
for (let i = 0; i < 20; i++) {
  const cpu0 = process.cpuUsage();
  t0 = t();
  s.applyChanges([change(i)]);
  stages.apply.push(t() - t0);
  t0 = t();
  s.doc.model({ order: s.getConfig().order });
  stages.model.push(t() - t0);
  t0 = t();
  r = s.check();
  stages.check.push(t() - t0);
  t0 = t();
  const diags = r.findings.map((f) => toDiagnosticCached('file:///bench.en-zh.txt', f));
  stages.diagnostics.push(t() - t0);
  const cpuJson0 = process.cpuUsage();
  t0 = t();
  const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///bench.en-zh.txt', version: i, diagnostics: diags } };
  const plain = JSON.stringify(msg);
  stages.json.push(t() - t0);
  const cpuJson = process.cpuUsage(cpuJson0);
  // what the server writes over stdio (lsp/wire.ts): the JSON of unchanged diagnostics is reused
  t0 = t();
  const fast = messageBytes(msg);
  stages['stdio encoder'].push(t() - t0);
  if (fast.length !== Buffer.byteLength(plain)) throw new Error('the stdio encoder wrote something else');
  const cpu = process.cpuUsage(cpu0);
  // CPU of what the server does (everything but the plain JSON.stringify, which it skips)
  stages['CPU total'].push((cpu.user + cpu.system - cpuJson.user - cpuJson.system) / 1000);
}
if (profileTo) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(profileTo, JSON.stringify(profile));
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(`${enter ? 'Enter' : 'keystroke'}: ` + Object.entries(stages).map(([k, v]) => `${k} ${med(v).toFixed(2)} ms`).join(', '));
})();
