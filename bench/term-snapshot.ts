// term-inconsistency alone: CPU time and heap held by a first check of a generated
// document, and a JSON snapshot of what the rule finds, to compare before and after
// a change of the term code:
//   npx tsx bench/term-snapshot.ts [PAIRS] [OUT.json]
// OUT.json holds the findings on the seed and on the generated document, and every
// term's result (key, display text, pairs, renderings and their uses) on the seed, a
// 3,000-pair generated document and a 3,000-pair term corpus with injected variants.
// `cmp` two snapshots: the same bytes means the same findings and the same results.
import * as fs from 'node:fs';
import { DocumentSession } from '../server/src/core';
import { RULES } from '../server/src/core/rules/registry';
import { termIndexOf } from '../server/src/core/rules/term-inconsistency';
import { generatePairs, toDocument } from '../test/support/term-corpus';
import { SEED } from '../test/support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';
import { measureCheck } from './measure-check';

const n = Number(process.argv[2] ?? 20000);
const out = process.argv[3];
const rules: Record<string, 'off'> = {};
for (const r of RULES) if (r.id !== 'term-inconsistency') rules[r.id] = 'off';
const options = { config: { order: 'auto' as const, rules, locale: 'en', options: {} } };
const session = (t: string) => new DocumentSession(t, options as ConstructorParameters<typeof DocumentSession>[1]);
const shape = (fs: readonly { range: { start: { line: number; character: number }; end: { character: number } }; message: string }[]) =>
  fs.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.message]);

const { text } = generate(n) as { text: string };
const s = session(text);
const { result: r, cpuMs: cpu, heldBytes: held } = measureCheck(s);
console.log(`term-inconsistency, ${n} pairs: CPU ${cpu.toFixed(0)} ms (${((cpu * 1000) / n).toFixed(1)} µs/pair), ${r.findings.length} findings, heap held ${(held / 2 ** 20).toFixed(0)} MB (${(held / n / 1024).toFixed(2)} KB/pair)`);

if (out) {
  const seedText = fs.readFileSync(SEED, 'utf8');
  const corpus = generatePairs(3000, 3);
  let k = 0;
  for (const l of corpus) if (l.zh.includes('正极') && k++ % 7 === 0) l.zh = l.zh.replace('正极', '阴极');
  const snap: Record<string, unknown> = { generated: shape(r.findings) };
  for (const [name, t] of [['seed', seedText], ['generated-3000', generate(3000, 5).text as string], ['corpus-3000', toDocument(corpus)]] as [string, string][]) {
    const ses = session(t);
    const findings = ses.check().findings;
    const idx = termIndexOf((ses as unknown as { docStates: Map<string, Map<string, unknown>> }).docStates.get('term-inconsistency')!);
    const terms = idx
      .allTerms()
      .map((x) => [x.key, x.display, x.pairs, x.inconsistent, x.renderings.map((y) => [y.text, y.uses.map((u) => [u.entry.zh.line, u.start, u.end, u.termStart, u.termEnd])])])
      .sort();
    snap[name] = { findings: shape(findings), terms };
  }
  fs.writeFileSync(out, JSON.stringify(snap));
}
