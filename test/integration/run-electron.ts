// `npm run test:vscode`: the same integration suite in desktop VS Code through
// @vscode/test-electron, in English and in Chinese (--locale zh-cn).
// test-electron downloads VS Code (into .vscode-test/) where that works: a
// laptop, a public CI. Offline, give an installed VS Code instead:
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode
// VSCODE_VERSION picks the downloaded version (default: stable).
// On Linux without a display, run it under xvfb-run.

import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillWorkspace, registerLanguagePack } from '../e2e/harness/languagePack';

const ROOT = path.resolve(__dirname, '..', '..');

async function session(locale: string | undefined): Promise<{ passed: number; failed: number; skipped: number }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-electron-'));
  try {
    const workspace = path.join(tmp, 'workspace');
    const userData = path.join(tmp, 'user-data');
    const extensions = path.join(tmp, 'extensions');
    fs.mkdirSync(workspace);
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.mkdirSync(extensions);
    fillWorkspace(workspace);
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'security.workspace.trust.enabled': false }));
    if (locale) registerLanguagePack(userData, locale);
    const countFile = path.join(tmp, 'counts.json');
    const args = [workspace, `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'];
    if (locale) args.push('--locale', locale);
    let failedRun = false;
    try {
      await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
        version: process.env.VSCODE_VERSION || undefined,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(ROOT, 'out', 'integration', 'index.js'),
        launchArgs: args,
        extensionTestsEnv: { BR_E2E_COUNT_FILE: countFile },
      });
    } catch (e) {
      console.error(`VS Code run failed: ${(e as Error).message}`);
      failedRun = true;
    }
    const counts = fs.existsSync(countFile) ? JSON.parse(fs.readFileSync(countFile, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
    if (failedRun && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  for (const step of [['esbuild.mjs'], ['test/integration/build.mjs']]) {
    const r = spawnSync(process.execPath, step, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`node ${step.join(' ')} exited ${r.status}`);
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const locale of [undefined, 'zh-cn']) {
    console.log(`\n--- integration suite in VS Code${locale ? ` --locale ${locale}` : ''}`);
    const c = await session(locale);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  if (process.env.COUNT_FILE) fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify(total));
  console.log(`\n${total.passed} passed, ${total.failed + total.skipped} failed`);
  process.exit(total.failed + total.skipped > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
