// The preview's HTML page. Pure (no vscode import) so tests render exactly what
// the extension serves. Document text never goes into markup here: the rows
// travel as JSON in a data block (every '<', '>' and '&' escaped, so no text can
// close the block) and media/preview.js builds the DOM with textContent only.
// The page allows its own stylesheet and one script carrying a fresh nonce;
// nothing else (no inline script or style, no remote resource).

import { randomBytes } from 'node:crypto';

/** Strings the page shows, localised by the extension. */
export interface PreviewLabels {
  title: string;
  pairs: string;
  unpaired: string;
  headings: string;
  findings: string;
  rowsWithFindings: string;
  onlyFindings: string;
  noCounterpart: string;
  checking: string;
  empty: string;
  noFindings: string;
  rowsAbove: string;
  rowsBelow: string;
  line: string;
  english: string;
  chinese: string;
  swapColumns: string;
  error: string;
  warning: string;
  information: string;
  hint: string;
}

export const DEFAULT_LABELS: PreviewLabels = {
  title: 'Bilingual Review',
  pairs: '{0} pairs',
  unpaired: '{0} unpaired',
  headings: '{0} headings',
  findings: '{0} findings',
  rowsWithFindings: '{0} rows with findings',
  onlyFindings: 'Only rows with findings',
  noCounterpart: 'no counterpart',
  checking: 'Checking…',
  empty: 'No pairs in this document yet.',
  noFindings: 'No findings.',
  rowsAbove: '{0} rows above: scroll up to load them',
  rowsBelow: '{0} rows below: scroll down to load them',
  line: 'line {0}',
  english: 'English',
  chinese: 'Chinese',
  swapColumns: 'Swap columns',
  error: 'error',
  warning: 'warning',
  information: 'information',
  hint: 'hint',
};

/** What the page needs to start: the document, the last rows (if any) and the labels. */
export interface PreviewInitialState {
  uri: string;
  fileName: string;
  /** The preview's rows (bilingualReview/preview's answer), or null until the first arrives. */
  data: unknown;
  /** Line to scroll to once rendered (restored state or the editor's top line). */
  line?: number;
  onlyFindings?: boolean;
  swapped?: boolean;
  labels: PreviewLabels;
}

export interface PreviewHtmlOptions {
  /** The webview's cspSource (the origin its resources are served from). */
  cspSource: string;
  /** Webview URIs of media/preview.js and media/preview.css. */
  scriptUri: string;
  styleUri: string;
  /** A fresh nonce per render (makeNonce()). */
  nonce: string;
  /** Page language (e.g. "en", "zh-cn"). */
  lang?: string;
  state: PreviewInitialState;
}

/** A fresh cryptographic nonce (128 bits, base64): one per rendered page. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON safe inside a <script type="application/json"> block: '<', '>' and '&' as
 * \u escapes (so neither "</script>" nor "<!--" can appear), and the two line
 * separators JavaScript once treated as newlines. JSON.parse restores them all.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The Content-Security-Policy of the page. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/** The whole page; call again (with a new nonce) whenever the webview's HTML is set. */
export function renderPreviewHtml(o: PreviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(o.nonce)) throw new Error('renderPreviewHtml: the nonce must be base64 of at least 12 random bytes');
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  const lang = escapeHtml(o.lang ?? 'en');
  const title = escapeHtml(`${o.state.labels.title}: ${o.state.fileName}`);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
</head>
<body>
<header id="header">
  <div class="title-line"><span id="file-name">${escapeHtml(o.state.fileName)}</span><span id="status" role="status"></span></div>
  <div class="toolbar">
    <div id="counts" aria-live="polite"></div>
    <label class="filter"><input type="checkbox" id="only-findings"${o.state.onlyFindings ? ' checked' : ''}> <span id="only-findings-label">${escapeHtml(o.state.labels.onlyFindings)}</span></label>
    <button type="button" id="swap" title="${escapeHtml(o.state.labels.swapColumns)}" aria-label="${escapeHtml(o.state.labels.swapColumns)}">⇄</button>
  </div>
  <div class="columns" id="column-heads" aria-hidden="true"><span class="gutter"></span><span class="head" id="head-0"></span><span class="head" id="head-1"></span></div>
</header>
<main id="rows" role="list"></main>
<script type="application/json" id="preview-state">${jsonForHtml(o.state)}</script>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}
