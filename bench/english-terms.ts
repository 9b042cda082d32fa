// CPU of English term extraction alone: termList over the English lines of a
// generated document (each line once, as the term rule's first check does):
//   npx tsx bench/english-terms.ts [PAIRS] [RUNS]
// Profile it bundled (tsx keeps function names with a wrapper that costs time in every
// closure termList makes, which the real build does not):
//   npx esbuild bench/english-terms.ts --bundle --platform=node --outfile=/tmp/et.js
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/et.js 100000 3 && node bench/profile-summary.mjs /tmp/prof/*.cpuprofile
import { termCount, termList } from '../server/src/core/terms/english';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const n = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 3);
const lines = (generate(n) as { pairs: { en: string }[] }).pairs.map((p) => p.en);
const ms: number[] = [];
let terms = 0;
for (let r = 0; r < runs; r++) {
  const t0 = process.cpuUsage();
  terms = 0;
  for (const l of lines) terms += termCount(termList(l, false));
  const d = process.cpuUsage(t0);
  ms.push((d.user + d.system) / 1000);
}
const sorted = [...ms].sort((a, b) => a - b);
console.log(`termList over ${lines.length} English lines: ${terms} terms; CPU ms per run ${ms.map((x) => x.toFixed(0)).join(', ')}; median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms (${((sorted[Math.floor(runs / 2)] * 1000) / lines.length).toFixed(1)} µs/line)`);
