// Runs the integration suite (test/integration, compiled to out/integration)
// inside code-server: once in English, once with the display language zh-cn.
// Writes {passed, failed, skipped} to COUNT_FILE. Run by test/e2e/run.mjs:
//   node --import tsx test/e2e/integration.ts

import * as fs from 'node:fs';
import { runIntegrationSuite } from './harness/codeServer';

async function main(): Promise<number> {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const sessions: { name: string; locale?: string }[] = [{ name: 'English' }, { name: 'Chinese (--locale zh-cn)', locale: 'zh-cn' }];
  for (const s of sessions) {
    const t0 = Date.now();
    console.log(`\n--- integration suite in code-server, ${s.name}`);
    const r = await runIntegrationSuite({ locale: s.locale });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (!r.counts) {
      console.log(`--- ${s.name}: no results (exit ${r.exitCode}) after ${secs}s: counted as a failure\n${r.log.slice(-4000)}`);
      total.failed++;
      continue;
    }
    total.passed += r.counts.passed;
    total.failed += r.counts.failed;
    total.skipped += r.counts.skipped;
    if (r.exitCode !== 0 && r.counts.failed === 0) total.failed++;
    console.log(`--- ${s.name}: ${r.counts.passed} passed, ${r.counts.failed} failed (exit ${r.exitCode}, ${secs}s)`);
  }
  if (process.env.COUNT_FILE) fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify(total));
  return total.failed + total.skipped > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
