// Runs every test stage and ends with the line "N passed, N failed".
//   node test/run-all.mjs               all stages
//   node test/run-all.mjs --only unit   one stage (unit | browser | e2e); setup runs before browser/e2e
// Each stage is a separate process; a stage that crashes before reporting
// counts as one failure, so a broken harness can never pass silently.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const tmp = mkdtempSync(join(tmpdir(), 'br-test-'));

const mocha = ['node_modules/mocha/bin/mocha.js', '--require', 'tsx/cjs', '--reporter', 'test/support/count-reporter.cjs', '--timeout', '20000'];

/** Stages in order; each returns its command. */
const stages = [
  { name: 'build', cmd: ['node', 'esbuild.mjs'], counts: false },
  { name: 'typecheck', cmd: ['node', 'node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], counts: false },
  { name: 'unit', cmd: ['node', ...mocha, 'test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/protocol/**/*.test.ts'] },
];
// Later stages need real programs (Chromium, Neovim, code-server): test/e2e/setup.sh
// installs them idempotently (apt-get, npm, cached in the ignored .vscode-test/).
const e2eStages = [
  ...(existsSync(join(root, 'test/e2e/setup.sh')) ? [{ name: 'setup', cmd: ['bash', 'test/e2e/setup.sh'], counts: false }] : []),
  ...(existsSync(join(root, 'test/browser')) ? [{ name: 'browser', cmd: ['node', ...mocha, 'test/browser/**/*.test.ts'] }] : []),
  ...(existsSync(join(root, 'test/e2e/run.mjs')) ? [{ name: 'e2e', cmd: ['node', 'test/e2e/run.mjs'] }] : []),
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of [...stages, ...e2eStages]) {
  if (only && stage.counts !== false && stage.name !== only && !(only === 'e2e' && stage.name.startsWith('e2e'))) continue;
  if (only === 'unit' && stage.name === 'setup') continue;
  const countFile = join(tmp, `${stage.name}.json`);
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(stage.cmd[0], stage.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, COUNT_FILE: countFile } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (stage.counts === false) {
    if (r.status !== 0) {
      console.log(`=== ${stage.name} failed (exit ${r.status}) after ${secs}s`);
      failed++;
      break;
    }
    console.log(`=== ${stage.name} ok (${secs}s)`);
    continue;
  }
  if (existsSync(countFile)) {
    const c = JSON.parse(readFileSync(countFile, 'utf8'));
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
    console.log(`=== ${stage.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''} (${secs}s)`);
    if (r.status !== 0 && c.failed === 0) {
      console.log(`=== ${stage.name} exited ${r.status} without a failing test: counted as a failure`);
      failed++;
    }
  } else {
    console.log(`=== ${stage.name} produced no results (exit ${r.status}): counted as a failure`);
    failed++;
  }
}
rmSync(tmp, { recursive: true, force: true });
// Skipped tests are not coverage: they fail the run.
failed += skipped;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
