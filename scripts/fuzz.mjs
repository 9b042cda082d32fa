// Long runs of the property suites (test/unit/property/): `npm run fuzz` runs every
// property with 100,000 cases and a fresh seed, printed first so a failure can be
// replayed exactly.
//   npm run fuzz                          100,000 cases per property, random seed
//   npm run fuzz -- --runs 5000           fewer cases
//   npm run fuzz -- --seed 123456         replay a seed
//   npm run fuzz -- --grep number-mismatch  only the properties whose title matches
// FUZZ_RUNS and FUZZ_SEED in the environment work too. `npm test` runs the same
// properties with a fixed seed and a small budget.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const runs = Number(opt('--runs') ?? process.env.FUZZ_RUNS ?? 100000);
const seed = Number(opt('--seed') ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const grep = opt('--grep');
if (!Number.isInteger(runs) || runs < 1) {
  console.error('fuzz: --runs takes a positive integer');
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error('fuzz: --seed takes an integer');
  process.exit(2);
}
console.log(`fuzz: ${runs} cases per property, seed ${seed} (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`);
const mocha = ['node_modules/mocha/bin/mocha.js', '--require', 'tsx/cjs', '--timeout', '0', ...(grep ? ['--grep', grep] : []), ...args, 'test/unit/property/**/*.test.ts'];
const t0 = Date.now();
// a 1,000,000-line document checked by every rule needs about 2 GB of heap
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', ...mocha], { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) } });
console.log(`fuzz: ${r.status === 0 ? 'no failure' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(0)} s (seed ${seed}, ${runs} cases per property)`);
process.exit(r.status ?? 1);
