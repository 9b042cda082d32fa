// Entry of the integration suite, loaded by VS Code as `extensionTestsPath`
// (code-server through the workbench payload, or @vscode/test-electron).
// Runs the compiled *.test.js files beside it with mocha (CommonJS, inside the
// extension host) and rejects when a test fails, so the host exits non-zero.
//   BR_E2E_GREP      only the tests whose title matches (harness self-test)
//   BR_E2E_INJECT_FAILURE=1  adds a test with a deliberately wrong expectation
// A session whose display language is Chinese runs only the *.zh.test.js files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  if (process.env.BR_E2E_GREP) mocha.grep(process.env.BR_E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && f.endsWith('.zh.test.js') === zh)
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  if (process.env.BR_E2E_INJECT_FAILURE === '1') mocha.addFile(path.join(__dirname, 'injected-failure.js'));
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const runner = mocha.run((failures) => {
      // One line the harness reads from the forwarded console (and a file when asked).
      console.log(`BR_E2E_COUNTS ${JSON.stringify(counts)}`);
      if (process.env.BR_E2E_COUNT_FILE) fs.writeFileSync(process.env.BR_E2E_COUNT_FILE, JSON.stringify(counts));
      if (failures > 0 || counts.passed === 0) reject(new Error(`${failures} of ${counts.passed + failures} integration tests failed`));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.skipped++);
  });
}
