// The e2e stage of npm test: real editors.
//   1. the integration suite (test/integration) inside code-server, in English
//      and in Chinese (test/e2e/integration.ts);
//   2. mocha over test/e2e/**/*.test.ts: Neovim as a second LSP client, the UI
//      check (Playwright on the installed .vsix, screenshots in test-results/)
//      and the harness self-test (a deliberately wrong expectation must fail).
// Needs test/e2e/setup.sh to have run (run-all's "setup" stage does it).
// Writes the summed {passed, failed, skipped} to COUNT_FILE like every stage.
//   BR_E2E_ONLY=integration|mocha   run one part
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'br-e2e-'));
const only = process.env.BR_E2E_ONLY;

function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', timeout: 120000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

const parts = [
  { name: 'integration (code-server)', cmd: ['node', '--import', 'tsx', 'test/e2e/integration.ts'], limitMs: 15 * 60000, key: 'integration' },
  {
    name: 'Neovim, UI check, harness',
    key: 'mocha',
    cmd: ['node', 'node_modules/mocha/bin/mocha.js', '--require', 'tsx/cjs', '--reporter', 'test/support/count-reporter.cjs', '--timeout', '120000', 'test/e2e/**/*.test.ts'],
    limitMs: 15 * 60000,
  },
].filter((p) => !only || p.key === only);

const total = { passed: 0, failed: 0, skipped: 0 };
try {
  if (!existsSync(join(root, '.vscode-test', 'paths.json'))) throw new Error('.vscode-test/paths.json is missing: run bash test/e2e/setup.sh');
  if (!existsSync(join(root, 'dist', 'server.js'))) step('node', ['esbuild.mjs']);
  step('node', ['test/integration/build.mjs']);
  for (const part of parts) {
    const countFile = join(tmp, `${part.key}.json`);
    const t0 = Date.now();
    console.log(`\n== e2e: ${part.name}`);
    const r = spawnSync(part.cmd[0], part.cmd.slice(1), {
      cwd: root,
      stdio: 'inherit',
      timeout: part.limitMs,
      killSignal: 'SIGTERM',
      env: { ...process.env, COUNT_FILE: countFile },
    });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (existsSync(countFile)) {
      const c = JSON.parse(readFileSync(countFile, 'utf8'));
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      if (r.status !== 0 && c.failed === 0) total.failed++;
      console.log(`== e2e: ${part.name}: ${c.passed} passed, ${c.failed} failed (${secs}s)`);
    } else {
      total.failed++;
      console.log(`== e2e: ${part.name} produced no results (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}) after ${secs}s: counted as a failure`);
    }
  }
} catch (e) {
  console.error(`e2e: ${e.message}`);
  total.failed++;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (process.env.COUNT_FILE) writeFileSync(process.env.COUNT_FILE, JSON.stringify(total));
process.exit(total.failed + total.skipped > 0 ? 1 : 0);
