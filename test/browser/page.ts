// Runs the preview page in Debian's Chromium, headless, as VS Code's webview would
// show it: the HTML from the real template (client/src/preview/html.ts), the real
// media/preview.js and preview.css served from one origin that stands for the
// webview's cspSource, and a stub of acquireVsCodeApi that records what the page
// posts. Every other request is refused and recorded: the page must need nothing else.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_LABELS, makeNonce, renderPreviewHtml, type PreviewInitialState, type PreviewLabels } from '../../client/src/preview/html';
import { buildPreview, checkText, type PreviewOptions } from '../../server/src/core';
import { ROOT } from '../support/paths';

export const ORIGIN = 'https://webview.preview.test';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  browser: Browser;
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launch(): Promise<Harness> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-chromium-'));
  // A persistent context is the only way to give Chromium a user-data-dir of our own.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    browser: context.browser()!,
    context,
    userDataDir,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The preview's data for a text, as the server answers bilingualReview/preview. */
export function previewData(text: string, options: PreviewOptions = {}, uri = 'file:///work/article.en-zh.txt'): any {
  const result = checkText(text);
  return { uri, version: 1, checking: false, ...buildPreview(result.model, result.findings, options) };
}

export interface OpenedPage {
  page: Page;
  html: string;
  nonce: string;
  /** Requests the page made outside the three files it is allowed. */
  strayRequests: string[];
  /** Console messages and page errors. */
  console: string[];
  dialogs: string[];
  /** What the page posted through acquireVsCodeApi().postMessage. */
  posted(): Promise<any[]>;
  /** Sends a message to the page as the extension would. */
  send(message: unknown): Promise<void>;
}

/** What VS Code provides inside a webview: acquireVsCodeApi (callable once), with state kept by the host. */
const ACQUIRE_VSCODE_API_STUB = `
(function () {
  var posted = [];
  var state;
  var acquired = false;
  window.__posted = posted;
  window.__getState = function () { return state; };
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return Object.freeze({
      postMessage: function (m) { posted.push(JSON.parse(JSON.stringify(m))); },
      getState: function () { return state === undefined ? undefined : JSON.parse(JSON.stringify(state)); },
      setState: function (s) { state = JSON.parse(JSON.stringify(s)); }
    });
  };
})();`;

/** Opens the page for `data` (null: no rows yet). */
export async function openPreview(
  h: Harness,
  data: unknown,
  options: { labels?: PreviewLabels; fileName?: string; line?: number; onlyFindings?: boolean; lang?: string; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const page = await h.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  const nonce = makeNonce();
  const state: PreviewInitialState = {
    uri: 'file:///work/article.en-zh.txt',
    fileName: options.fileName ?? 'article.en-zh.txt',
    data,
    line: options.line,
    onlyFindings: options.onlyFindings,
    labels: options.labels ?? DEFAULT_LABELS,
  };
  const html = renderPreviewHtml({
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/media/preview.js`,
    styleUri: `${ORIGIN}/media/preview.css`,
    nonce,
    lang: options.lang,
    state,
  });
  const strayRequests: string[] = [];
  const consoleLog: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const files: Record<string, [string, string]> = {
      [`${ORIGIN}/index.html`]: ['', 'text/html'],
      [`${ORIGIN}/media/preview.js`]: [path.join(ROOT, 'media', 'preview.js'), 'text/javascript'],
      [`${ORIGIN}/media/preview.css`]: [path.join(ROOT, 'media', 'preview.css'), 'text/css'],
    };
    const hit = files[url];
    if (!hit) {
      strayRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const body = hit[0] ? fs.readFileSync(hit[0]) : Buffer.from(html, 'utf8');
    return route.fulfill({ status: 200, contentType: `${hit[1]}; charset=utf-8`, body });
  });
  // What VS Code provides inside a webview: acquireVsCodeApi (once), with state kept by the host.
  // (A string, not a function: the test's TypeScript transform would add helpers the page lacks.)
  await page.addInitScript({ content: ACQUIRE_VSCODE_API_STUB });
  await page.goto(`${ORIGIN}/index.html`);
  // (Polled from here: waitForFunction evaluates strings in the page, which its CSP forbids.)
  await waitFor(async () => ((await page.evaluate('window.__posted || []')) as any[]).some((m) => m.type === 'ready'), 'the page to post ready');
  return {
    page,
    html,
    nonce,
    strayRequests,
    console: consoleLog,
    dialogs,
    posted: () => page.evaluate('window.__posted'),
    send: (message) => page.evaluate((m) => (globalThis as any).postMessage(m, '*'), message),
  };
}

/** Polls `cond` every 25 ms until it holds (at most `ms`). */
export async function waitFor(cond: () => Promise<boolean>, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** VS Code's default themes, the variables the page uses (what the host sets on <html>). */
export const THEMES: Record<'light' | 'dark' | 'high-contrast', { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-editorGroup-border': '#e5e5e5',
      '--vscode-editorIndentGuide-background1': '#e8e8e8',
      '--vscode-list-hoverBackground': '#f2f2f2',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-editorLineNumber-foreground': '#6e7681',
      '--vscode-editorError-foreground': '#e51400',
      '--vscode-editorWarning-foreground': '#bf8803',
      '--vscode-editorInfo-foreground': '#1a85ff',
      '--vscode-editorHint-foreground': '#6c6c6c',
      '--vscode-badge-background': '#cccccc',
      '--vscode-badge-foreground': '#3b3b3b',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-font-family': "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
      '--vscode-font-size': '13px',
      '--vscode-editor-font-family': "'DejaVu Sans Mono', monospace",
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editorGroup-border': '#2b2b2b',
      '--vscode-editorIndentGuide-background1': '#333333',
      '--vscode-list-hoverBackground': '#2a2d2e',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-editorLineNumber-foreground': '#6e7681',
      '--vscode-editorError-foreground': '#f85149',
      '--vscode-editorWarning-foreground': '#cca700',
      '--vscode-editorInfo-foreground': '#3794ff',
      '--vscode-editorHint-foreground': '#eeeeeeb3',
      '--vscode-badge-background': '#616161',
      '--vscode-badge-foreground': '#f8f8f8',
      '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-font-family': "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
      '--vscode-font-size': '13px',
      '--vscode-editor-font-family': "'DejaVu Sans Mono', monospace",
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-focusBorder': '#f38518',
      '--vscode-editorError-foreground': '#f48771',
      '--vscode-editorWarning-foreground': '#ffd370',
      '--vscode-editorInfo-foreground': '#3794ff',
      '--vscode-badge-background': '#000000',
      '--vscode-badge-foreground': '#ffffff',
    },
  },
};

/** Applies a theme the way VS Code does: variables on <html>, a class on <body> (CSSOM, allowed by the CSP). */
export async function applyTheme(page: Page, theme: keyof typeof THEMES): Promise<void> {
  const t = THEMES[theme];
  await page.evaluate(({ bodyClass, vars }) => {
    const doc = (globalThis as any).document;
    for (const [k, v] of Object.entries(vars)) doc.documentElement.style.setProperty(k, v);
    doc.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
    doc.body.classList.add(bodyClass);
  }, t);
}
