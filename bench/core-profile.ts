// In-process profile of one keystroke at a given size (no process or JSON-RPC
// overhead): `npx tsx bench/core-profile.ts 100000 [--synthetic]`.
// Prints the cost of each stage so optimisations can be aimed ('json' is JSON.stringify
// of the publish; 'stdio encoder' what the server writes over stdio, UTF-8 bytes included).

import { DocumentSession } from '../server/src/core';
import { RULES } from '../server/src/core/rules/registry';
import { toDiagnosticCached } from '../server/src/lsp/diagnostics';
import { messageBytes } from '../server/src/lsp/wire';
import { syntheticNumbers } from './synthetic-rule';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const n = Number(process.argv[2] ?? 100000);
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
const stages: Record<string, number[]> = { apply: [], model: [], check: [], diagnostics: [], json: [], 'stdio encoder': [] };
for (let i = 0; i < 20; i++) {
  t0 = t();
  s.applyChanges([i % 2 ? { range: { start: { line: mid, character: 10 }, end: { line: mid, character: 11 } }, text: '' } : { range: { start: { line: mid, character: 10 }, end: { line: mid, character: 10 } }, text: 'x' }]);
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
  t0 = t();
  const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///bench.en-zh.txt', version: i, diagnostics: diags } };
  const plain = JSON.stringify(msg);
  stages.json.push(t() - t0);
  // what the server writes over stdio (lsp/wire.ts): the JSON of unchanged diagnostics is reused
  t0 = t();
  const fast = messageBytes(msg);
  stages['stdio encoder'].push(t() - t0);
  if (fast.length !== Buffer.byteLength(plain)) throw new Error('the stdio encoder wrote something else');
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(Object.entries(stages).map(([k, v]) => `${k} ${med(v).toFixed(2)} ms`).join(', '));
