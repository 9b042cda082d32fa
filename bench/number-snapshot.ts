// The four number rules alone (number-mismatch, unit-conversion, date-mismatch,
// multiplier-ambiguity): CPU time and heap held by a first check of a generated
// document, and a JSON snapshot of what they find, to compare before and after a
// change of the quantity code:
//   npx tsx bench/number-snapshot.ts [PAIRS] [OUT.json]
// OUT.json holds, for the seed, every samples/* file, every test fixture, generated
// documents of several seeds and sizes, and the generated document measured: every
// finding of the number rules (rule, severity, range, message, related, fixes with
// titles and edits, data), and the extracted quantities of every line (extractEnglish /
// extractChinese, the extractors' public output). Small documents also get the hover of
// every quantity. It adds the extraction of 20,000 hostile lines (the property suites'
// generators, fixed seed) read as English and as Chinese. Objects are written with
// sorted keys, so a change in the order fields are set is not a difference.
// `cmp` two snapshots: the same bytes means the same findings and the same quantities.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentSession, inspectAt } from '../server/src/core';
import { RULES } from '../server/src/core/rules/registry';
import { extractEnglish } from '../server/src/core/quantities/en';
import { extractChinese } from '../server/src/core/quantities/zh';
import { ROOT, SEED, FIXTURES } from '../test/support/paths';
import { fragmentArb, lineArb, noiseArb } from '../test/support/hostile';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';
import { measureCheck } from './measure-check';

const NUMBERS = ['number-mismatch', 'unit-conversion', 'date-mismatch', 'multiplier-ambiguity'];
const n = Number(process.argv[2] ?? 20000);
const out = process.argv[3];
const rules: Record<string, 'off'> = {};
for (const r of RULES) if (!NUMBERS.includes(r.id)) rules[r.id] = 'off';
const session = (t: string, order: 'auto' | 'en-zh' | 'zh-en' = 'auto') =>
  new DocumentSession(t, { config: { order, rules, locale: 'en', options: {} } } as ConstructorParameters<typeof DocumentSession>[1]);

const { text } = generate(n) as { text: string };
const s = session(text);
const { result: r, cpuMs: cpu, heldBytes: held } = measureCheck(s);
console.log(
  `number rules, ${n} pairs: CPU ${cpu.toFixed(0)} ms (${((cpu * 1000) / n).toFixed(1)} µs/pair), ${r.findings.length} findings, heap held ${(held / 2 ** 20).toFixed(0)} MB (${(held / n / 1024).toFixed(2)} KB/pair)`,
);

/** JSON with sorted keys (and undefined fields dropped, as JSON.stringify does). */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o[k] = canon(x);
    }
    return o;
  }
  return v;
}

function quantities(t: string): unknown[] {
  const lines = t.split(/\r\n|\r|\n/);
  return lines.map((l) => [extractEnglish(l), extractChinese(l)]);
}

if (out) {
  const docs: [string, string, 'auto' | 'en-zh' | 'zh-en'][] = [['seed', fs.readFileSync(SEED, 'utf8'), 'auto']];
  const samples = path.join(ROOT, 'samples');
  for (const f of fs.readdirSync(samples).filter((x) => x.endsWith('.txt')).sort()) docs.push([`samples/${f}`, fs.readFileSync(path.join(samples, f), 'utf8'), 'auto']);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
  for (const f of walk(FIXTURES).sort()) {
    const rel = path.relative(ROOT, f);
    docs.push([rel, fs.readFileSync(f, 'utf8'), f.includes('.zh-en.') ? 'zh-en' : f.includes('.en-zh.') ? 'en-zh' : 'auto']);
  }
  for (const [size, seed] of [[200, 1], [1000, 2], [3000, 5], [5000, 11]]) docs.push([`generated-${size}-${seed}`, generate(size, seed).text as string, 'auto']);

  const snap: Record<string, unknown> = { measured: { findings: r.findings, quantities: quantities(text) } };
  for (const [name, t, order] of docs) {
    const ses = session(t, order);
    const findings = ses.check().findings;
    const entry: Record<string, unknown> = { findings, quantities: quantities(t) };
    if (t.length < 200_000) {
      // hovers: at the start and the middle of every quantity of every line
      const hovers: unknown[] = [];
      ses.doc.lines.forEach((rec, line) => {
        for (const q of [...extractEnglish(rec.text), ...extractChinese(rec.text)]) {
          for (const character of [q.start, (q.start + q.end) >> 1]) {
            const h = inspectAt(ses, { line, character });
            hovers.push([line, character, h ? h.sections.filter((x) => x.ruleId && NUMBERS.includes(x.ruleId)).map((x) => x.markdown) : null, h?.highlights]);
          }
        }
      });
      entry.hovers = hovers;
    }
    snap[name] = entry;
  }

  const textArb = fc.oneof(
    { weight: 6, arbitrary: lineArb },
    { weight: 2, arbitrary: fc.array(fragmentArb, { maxLength: 30 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: noiseArb },
  );
  snap.hostile = fc.sample(textArb, { seed: 20261201, numRuns: 20000 }).map((l) => [l, extractEnglish(l), extractChinese(l)]);
  fs.writeFileSync(out, JSON.stringify(canon(snap)));
  console.log(`wrote ${out}`);
}
