// Benchmark of the number rules: builds a document of ~100,000 pairs by
// repeating the pairs of a bilingual file and times a full check with every
// rule against a check with unpaired-line only (the difference is the cost of
// the other rules), best of three. Usage:
//   node scripts/bench-numbers.mjs [FILE]     (default: samples/harbour-solar.en-zh.txt)
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const file = resolve(process.argv[2] ?? join(root, 'samples/harbour-solar.en-zh.txt'));
const dir = mkdtempSync(join(tmpdir(), 'br-bench-'));
const entry = `
import * as fs from 'node:fs';
import { checkText } from ${JSON.stringify(join(root, 'server/src/core'))};
import { RULES } from ${JSON.stringify(join(root, 'server/src/core/rules/registry'))};
const src = fs.readFileSync(${JSON.stringify(file)}, 'utf8').split(/\\r?\\n/).filter((l) => l.trim());
const lines = [];
for (let i = 0; lines.length < 200000; i++) lines.push(src[i % src.length]);
const text = lines.join('\\n');
const time = (rules) => {
  let best = Infinity, r;
  for (let k = 0; k < 3; k++) { const t0 = performance.now(); r = checkText(text, { rules }); best = Math.min(best, performance.now() - t0); }
  return { ms: Math.round(best), pairs: r.model.pairs.length, findings: r.findings.length };
};
const base = time(RULES.filter((r) => r.id === 'unpaired-line'));
const all = time(RULES);
console.log(\`\${all.pairs} pairs: all rules \${all.ms} ms (\${all.findings} findings), unpaired-line only \${base.ms} ms, the other rules \${all.ms - base.ms} ms\`);
`;
const entryFile = join(dir, 'entry.mjs');
writeFileSync(entryFile, entry);
await build({ entryPoints: [entryFile], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'bench.mjs'), logLevel: 'warning' });
await import(pathToFileURL(join(dir, 'bench.mjs')).href);
rmSync(dir, { recursive: true, force: true });
