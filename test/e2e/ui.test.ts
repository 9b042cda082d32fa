// UI check: the packaged .vsix installed into code-server, driven through the
// workbench as a person would (quick open, the offer to check, squiggles, the
// Problems panel, a hover, the preview beside the editor). Screenshots go to
// test-results/ (the README's pictures in docs/images/ are chosen from them).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cleanup, launchBrowser, makeWorkspace, RESULTS, ROOT, startCodeServer, workbenchUrl, type CodeServer, type Page } from './harness/codeServer';

// Browser-side callbacks of page.waitForFunction see the page's DOM.
declare const document: { querySelector(s: string): { classList: { contains(c: string): boolean }; getAttribute(n: string): string | null } | null };

const VSIX = path.join(ROOT, 'bilingual-review.vsix');
// theme labels in the picker (their settings ids are 'Default Dark Modern' etc.)
const DARK = 'Dark Modern';
const LIGHT = 'Light Modern';

let packaged: number | undefined;
/** `npm run package`, once per test process (never a .vsix left from an older build). */
function ensureVsix(): number {
  if (packaged === undefined) {
    const t0 = Date.now();
    const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, `npm run package: ${r.stdout}\n${r.stderr}`);
    assert.ok(fs.existsSync(VSIX));
    packaged = Date.now() - t0;
  }
  return packaged;
}

/** A command's title as the palette shows it (manifest %key% resolved from package.nls.json). */
function commandTitle(id: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === id);
  assert.ok(cmd, `package.json contributes the command ${id}`);
  const nlsFile = path.join(ROOT, 'package.nls.json');
  const nls: Record<string, string> = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
  const resolve = (s: string): string => s.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? s);
  return `${cmd.category ? `${resolve(cmd.category)}: ` : ''}${resolve(cmd.title)}`;
}

/** Log files under dir whose path matches re (the extension host's, the client's output channel). */
function findLogs(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name) && p.endsWith('.log')) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file });
  return file;
}

describe('UI check: the .vsix in code-server through Playwright', function () {
  this.timeout(120000);
  const cleanup = new Cleanup();
  let cs: CodeServer;
  let page: Page;
  let workspace: string;

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`>${title}`);
    const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await item.waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.press('Enter');
  }

  /** Picks a colour theme the way a user does (Ctrl+K Ctrl+T, the theme picker). */
  async function setTheme(theme: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Modern' }).first().waitFor({ state: 'visible' });
    await page.keyboard.type(theme);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.waitForFunction((dark) => document.querySelector('.monaco-workbench')?.classList.contains(dark ? 'vs-dark' : 'vs') ?? false, theme === DARK, { timeout: 15000 });
  }

  before(async () => {
    console.log(`    (vsix packaged in ${(ensureVsix() / 1000).toFixed(1)} s)`);
    workspace = makeWorkspace(cleanup);
    cs = await startCodeServer(cleanup, {
      vsix: [VSIX],
      smokeTestDriver: false, // it would hide the notification toasts
      settings: { 'workbench.colorTheme': `Default ${DARK}`, 'editor.fontSize': 15, 'window.zoomLevel': 0, 'workbench.activityBar.location': 'default', 'breadcrumbs.enabled': false,
        // wrapping and no ambiguous-character boxes come from the extension's [bilingual] defaults
        'editor.stickyScroll.enabled': false },
    });
    const browser = await launchBrowser(cleanup);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15000);
    await page.goto(workbenchUrl(cs, workspace), { timeout: 30000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
      console.log(`    screenshot of the failure: test-results/${await shot(page, name).then((f) => path.basename(f))}`);
      for (const log of findLogs(cs.userDataDir, /exthost|Bilingual/i)) console.log(`    --- ${path.basename(log)}\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
    }
  });

  after(() => cleanup.run());

  it('installs the .vsix with --install-extension', () => {
    const installed = fs.readdirSync(cs.extensionsDir).filter((d) => d.startsWith('bilingual-review.bilingual-review-'));
    assert.equal(installed.length, 1, fs.readdirSync(cs.extensionsDir).join(', '));
    assert.ok(fs.existsSync(path.join(cs.extensionsDir, installed[0], 'dist', 'server.js')));
  });

  it('quick-opens the seed and checks it from the offer', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.txt' }).waitFor({ state: 'visible', timeout: 20000 });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('seed.txt');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'seed.txt' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
    const toast = page.locator('.notification-toast', { hasText: 'looks like an interleaved English–Chinese translation' });
    await toast.waitFor({ state: 'visible', timeout: 20000 });
    await toast.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 20000 });
    assert.ok((await page.locator('.monaco-editor .squiggly-warning').count()) >= 1);
  });

  it('lists the seed findings in the Problems panel and the status bar (as many as the CLI finds)', async () => {
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', path.join(workspace, 'seed.txt')], { encoding: 'utf8', timeout: 20000 });
    const found: { severity: string; message: string }[] = JSON.parse(cli.stdout).files[0].diagnostics;
    const warnings = found.filter((d) => d.severity === 'warning').length;
    assert.ok(warnings >= 13, `the CLI finds ${warnings} warnings`);
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    const problems = page.locator('#status\\.problems');
    await page.waitForFunction((n) => (document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '').includes(`Warnings: ${n}`), warnings, { timeout: 15000 });
    assert.match((await problems.getAttribute('aria-label')) ?? '', new RegExp(`Warnings: ${warnings}\\b`));
    // The panel's count is every finding but hints; its rows (virtualised: the first
    // screenful) are the file, then findings whose messages are the CLI's.
    const shown = found.filter((d) => d.severity !== 'hint').length;
    await panel.locator('.monaco-list-row', { hasText: 'seed.txt' }).first().waitFor({ state: 'visible' });
    const all = await panel.locator('.monaco-list-row').allInnerTexts();
    assert.ok(all.some((r) => r.trim() === `seed.txt\n${shown}`), `the file row with ${shown} findings: ${JSON.stringify(all.slice(0, 2))}`);
    // finding rows (not the file row nor the related-information rows "seed.txt[Ln …]: …")
    const rows = all.filter((r) => !r.startsWith('seed.txt')).map((r) => r.split('\n')[0]);
    assert.ok(rows.length >= 5, `at least 5 finding rows visible: ${rows.length}`);
    const messages = new Set(found.map((d) => d.message));
    for (const r of rows) assert.ok(messages.has(r), `a Problems row the CLI does not report: ${r}`);
  });

  it('shows the document counts in the language status item', async () => {
    await page.locator('#status\\.languageStatus').click();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '51 pairs' }).first();
    await hover.waitFor({ state: 'visible', timeout: 10000 });
    const text = await hover.innerText();
    assert.match(text, /51 pairs · 7 unpaired · \d+ findings/);
    assert.match(text, /English first/);
    await page.keyboard.press('Escape');
  });

  it('shows the finding and the counterpart in a hover', async () => {
    // Put the cursor on 上涨了三倍 (Find selects it) and ask for the hover by keyboard.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+F');
    const find = page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ state: 'visible' });
    await find.fill('上涨了三倍');
    await page.locator('.find-widget .matchesCount', { hasText: /of 1\b/ }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'multiplier-ambiguity' }).first();
    await hover.waitFor({ state: 'visible', timeout: 10000 });
    // complete: the finding, what the rule knows about the token, the counterpart line, the quick fixes
    const complete = async (): Promise<string> => {
      await page.waitForFunction(() => {
        const h = [...(document as unknown as { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }).querySelectorAll('.monaco-hover:not(.hidden)')].map((e) => e.textContent ?? '').join('');
        return h.includes('tripled ↔') && h.includes('Source') && !h.includes('Checking for quick fixes');
      }, undefined, { timeout: 10000 });
      return hover.innerText();
    };
    const text = await complete();
    assert.match(text, /上涨了三倍/);
    assert.match(text, /tripled/);
    assert.match(text, /English · line 83/);
    await shot(page, 'editor-diagnostics-hover-dark.png');
    await setTheme(LIGHT);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.waitFor({ state: 'visible', timeout: 10000 });
    await complete();
    await shot(page, 'editor-diagnostics-hover-light.png');
    await page.keyboard.press('Escape');
  });

  it('opens the preview beside the editor: 58 rows (51 pairs + 7 unpaired)', async () => {
    await page.keyboard.press('Control+J'); // close the panel and the side bar: more room
    await page.keyboard.press('Control+B');
    await runCommand(commandTitle('bilingualReview.showPreviewToSide'));
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const rows = frame.locator('.row');
    await rows.first().waitFor({ state: 'visible', timeout: 20000 });
    await page.waitForFunction(() => true);
    assert.equal(await rows.count(), 58);
    assert.equal(await frame.locator('.row.unpaired').count(), 7);
    const themed = async (kind: string): Promise<void> => {
      // the webview re-themes after the workbench: wait for its body class
      await frame.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: 10000 });
      await page.waitForTimeout(300);
    };
    await themed('vscode-light');
    await shot(page, 'editor-preview-light.png');
    await setTheme(DARK);
    await themed('vscode-dark');
    await shot(page, 'editor-preview-dark.png');
  });
});

describe('UI check in Chinese (--locale zh-cn): the .vsix speaks Chinese', function () {
  this.timeout(120000);
  const cleanup = new Cleanup();
  let page: Page;

  before(async () => {
    ensureVsix();
    const workspace = makeWorkspace(cleanup);
    const cs = await startCodeServer(cleanup, {
      vsix: [VSIX],
      locale: 'zh-cn',
      smokeTestDriver: false,
      settings: { 'workbench.colorTheme': `Default ${DARK}`, 'editor.fontSize': 15, 'editor.stickyScroll.enabled': false, 'breadcrumbs.enabled': false },
    });
    const browser = await launchBrowser(cleanup);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15000);
    await page.goto(workbenchUrl(cs, path.join(workspace, 'samples')), { timeout: 30000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await shot(page, 'failed-zh-cn.png').catch(() => undefined);
  });

  after(() => cleanup.run());

  it('shows the findings in Chinese in the Problems panel', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'harbour-solar' }).waitFor({ state: 'visible', timeout: 20000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('harbour-solar');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'harbour-solar' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 20000 });
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row', { hasText: '中文行没有对应的英文原文' }).first().waitFor({ state: 'visible' });
    await shot(page, 'editor-problems-zh-cn.png');
  });

  it('lists the commands under their Chinese names (package.nls.zh-cn.json)', async () => {
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'bilingualReview.showTerms');
    const key = (s: string): string => s.replace(/^%(.+)%$/, '$1');
    const title = `${nls[key(cmd.category)]}: ${nls[key(cmd.title)]}`;
    assert.match(title, /[\u4e00-\u9fff]/);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${nls[key(cmd.category)]}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
    await shot(page, 'command-palette-zh-cn.png');
    await page.keyboard.press('Escape');
  });
});

// npm run package left a minified dist/: put the development build back.
after(() => {
  if (packaged !== undefined) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, timeout: 60000 });
});
