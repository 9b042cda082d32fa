// Measures term-inconsistency on a large generated document: the first check,
// and a keystroke (one character typed into one pair) afterwards.
//   npx tsx bench/terms.ts [pairs] [--baseline]
import { DocumentSession } from '../server/src/core';
import { termIndexOf } from '../server/src/core/rules/term-inconsistency';
import { generatePairs, toDocument } from '../test/support/term-corpus';

const pairs = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 100000);
const text = toDocument(generatePairs(pairs, 11));
const off = process.argv.includes('--baseline'); // the same run with term-inconsistency off, to see what the rule adds
const config = { order: 'auto' as const, rules: { 'unpaired-line': 'off' as const, ...(off ? { 'term-inconsistency': 'off' as const } : {}) }, locale: 'en' as const, options: {} };
const s = new DocumentSession(text, { config });
let t0 = performance.now();
let r = s.check();
const first = performance.now() - t0;
const idx = termIndexOf(s.ruleState('term-inconsistency'));
console.log(`${pairs} pairs, ${s.doc.lineCount} lines: first check ${first.toFixed(0)} ms, ${r.findings.length} findings, ${idx.termPairs.size} terms`);
const times: number[] = [];
for (let k = 0; k < 20; k++) {
  const line = 3 * Math.floor(((k + 1) * pairs) / 21) + 1; // a Chinese line spread through the document
  t0 = performance.now();
  s.applyChanges([{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: '的' }]);
  r = s.check();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`keystroke + re-check: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms (delta ${JSON.stringify(idx.lastDelta)})`);
