// What holds the server's heap after a first check, in one process:
//   npx tsx bench/memory-breakdown.ts [PAIRS] [--snapshot=FILE]
// Builds a generated document the way the benchmark does, receives it the way the
// server does (a string parsed from a JSON-RPC message), checks it in slices as the
// server does (per-pair preparation included), converts the findings to Diagnostics
// and encodes a publish (lsp/wire.ts), then takes the pieces away one owner at a time
// and prints how much heap (and array-buffer memory) each release gave back after a
// full collection. The order of release decides who is charged for what two owners
// share: each row is what was held by that owner and by nothing released after it.
// --snapshot writes a heap snapshot of the full state first (before any release).

import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DocumentSession, type Finding } from '../server/src/core';
import type { LineRec } from '../server/src/core/document';
import { enKeys, zhTexts } from '../server/src/core/terms/ids';
import { toDiagnosticCached } from '../server/src/lsp/diagnostics';
import { messageBytes } from '../server/src/lsp/wire';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100000);
const snapshotTo = args.find((a) => a.startsWith('--snapshot='))?.slice(11);
const MB = 2 ** 20;

type Mem = { heap: number; ab: number; ext: number; rss: number };
function mem(): Mem {
  // (RegExp's last match keeps its subject string alive: point it at a small one)
  /x/.exec('x');
  // collections until the heap stops shrinking (after a big check the first ones leave
  // about 150 bytes a pair of garbage that a later one finds)
  let m = process.memoryUsage();
  for (let k = 0; k < 6; k++) {
    gc();
    const next = process.memoryUsage();
    const done = next.heapUsed > m.heapUsed - 2 ** 16;
    m = next;
    if (done && k > 0) break;
  }
  return { heap: m.heapUsed, ab: m.arrayBuffers, ext: m.external, rss: m.rss };
}
const rows: [string, Mem][] = [];
let last = mem();
const base = last;
const row = (name: string, sign = 1) => {
  const m = mem();
  rows.push([name, { heap: sign * (m.heap - last.heap), ab: sign * (m.ab - last.ab), ext: sign * (m.ext - last.ext), rss: sign * (m.rss - last.rss) }]);
  last = m;
};

// The text as the server gets it: JSON.parse of the didOpen message's text.
let text: string | undefined = JSON.parse(JSON.stringify({ text: (generate(n) as { text: string }).text })).text as string;
row('text (one string from the JSON-RPC message)');
const session = new DocumentSession(text, { env: { path: 'file:///bench.txt', services: {}, onRuleError: () => undefined } });
text = undefined;
row('line records (split, no analysis yet)');
const c0 = process.cpuUsage();
const steps = session.checkInSlices(15);
let step = steps.next();
while (!step.done) step = steps.next();
const cpu = process.cpuUsage(c0);
const findings: Finding[] = step.value!.findings;
step = { done: false, value: undefined };
row('first check (everything the session keeps)');
const uri = 'file:///bench.txt';
let diagnostics: object[] | undefined = findings.map((f) => toDiagnosticCached(uri, f));
let bytes: Uint8Array | undefined = messageBytes({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } });
const publishBytes = bytes.length;
bytes = undefined;
diagnostics = undefined;
row('diagnostics and their cached JSON (wire.ts)');
const full = last;
console.log(`${n} pairs, ${session.doc.lineCount} lines, ${findings.length} findings, first check CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, publish ${(publishBytes / MB).toFixed(1)} MB`);
console.log(`held: heapUsed ${((full.heap - base.heap) / MB).toFixed(1)} MB (${((full.heap - base.heap) / n / 1024).toFixed(2)} KB/pair), array buffers ${((full.ab - base.ab) / MB).toFixed(1)} MB; process: heapUsed ${(full.heap / MB).toFixed(0)} MB, external ${(full.ext / MB).toFixed(0)} MB, RSS ${(full.rss / MB).toFixed(0)} MB`);
if (snapshotTo) {
  writeHeapSnapshot(snapshotTo);
  console.log(`heap snapshot in ${snapshotTo}`);
  last = mem();
}

// Releases, one owner at a time (reported as what each gave back).
let lines: LineRec[] = session.doc.lines;
const priv = session as unknown as { docStates: Map<string, Map<string, unknown>>; docOuts: Map<string, unknown>; docFindingCache: WeakMap<object, unknown>; assembled: unknown; last: unknown };
const memoKeys = new Map<string, number>();
const short = (k: string) => k.replace(/:.*/, ':…');
for (const rec of lines) for (const k of rec.memoKeys?.() ?? (rec as unknown as { memoMap?: Map<string, unknown> }).memoMap?.keys() ?? []) memoKeys.set(short(k), (memoKeys.get(short(k)) ?? 0) + 1);
console.log('memos kept per line:', [...memoKeys].map(([k, c]) => `${k} ×${c}`).join(', '));
type Slots = { memoKey0?: string; memoValue0?: unknown; memoKey1?: string; memoValue1?: unknown; memoMap?: Map<string, unknown> };
/** Drops the memos whose key matches (their slots stay, empty). */
const dropMemo = (match: (key: string) => boolean) => {
  for (const rec of lines) {
    const r = rec as unknown as Slots;
    if (r.memoKey0 !== undefined && match(r.memoKey0)) r.memoValue0 = undefined;
    if (r.memoKey1 !== undefined && match(r.memoKey1)) r.memoValue1 = undefined;
    if (r.memoMap) for (const k of [...r.memoMap.keys()]) if (match(k)) r.memoMap.delete(k);
  }
};
// (at this point about 800 bytes a pair are freed even when nothing is released: measured
// at 20,000 pairs with this row first and nothing before it, and releasing the findings
// alone then freed nothing; garbage this script's own frame still held, not an owner)
row('(garbage freed at this point whatever is released: not an owner)', -1);
findings.length = 0;
row('results: the findings (and their diagnostics)', -1);
priv.last = undefined;
row('results: the last CheckResult', -1);
priv.assembled = undefined;
row('results: the assembled lists', -1);
priv.docOuts.clear();
priv.docFindingCache = new WeakMap();
row('results: document rules outputs', -1);
for (const rec of lines) {
  rec.pairSlot = undefined;
  rec.lineSlot = undefined;
}
row('results cache: per pair / line entries', -1);
const docRuleIds = [...priv.docStates.keys()];
for (const id of docRuleIds.filter((x) => x !== 'term-inconsistency')) priv.docStates.delete(id);
row(`other document rules' state (${docRuleIds.filter((x) => x !== 'term-inconsistency').join(', ')})`, -1);
priv.docStates.delete('term-inconsistency');
row('term index (TermIndex: entries, pair lists, counts, results)', -1);
for (const key of ['terms.zh', 'terms.en']) {
  dropMemo((k) => k === key);
  row(`memo ${key} (${key === 'terms.zh' ? 'CandidateList: ids + spans' : 'TermList: spans and key ids'})`, -1);
}
zhTexts.clear();
enKeys.clear();
row('term text numbers (terms/ids.ts: Chinese candidate texts, English keys)', -1);
for (const key of memoKeys.keys()) {
  if (key.startsWith('terms.')) continue;
  dropMemo((k) => short(k) === key);
  row(`memo ${key}`, -1);
}
for (const rec of lines) {
  const r = rec as unknown as Slots;
  r.memoKey0 = r.memoKey1 = undefined;
  r.memoMap = undefined;
}
row('the memo Maps of the lines (slots emptied)', -1);
const sDoc = session.doc as unknown as { modelCache: unknown };
sDoc.modelCache = undefined;
row('model (Pair objects, pairs / unpaired / pairOfLine arrays)', -1);
let lineTexts: string[] | undefined = lines.map((r: LineRec) => r.text);
(session.doc as unknown as { lines: LineRec[] }).lines = [];
lines = [];
row('LineRec objects and the lines array', -1);
lineTexts = undefined;
row('the text (line strings, and what they are sliced from)', -1);
void lineTexts;

const w = Math.max(...rows.map(([k]) => k.length));
console.log(`${'owner'.padEnd(w)}  heap MB  bytes/pair  array buffers MB`);
for (const [k, m] of rows) console.log(`${k.padEnd(w)}  ${(m.heap / MB).toFixed(1).padStart(7)}  ${(m.heap / n).toFixed(0).padStart(10)}  ${(m.ab / MB).toFixed(1).padStart(8)}`);
