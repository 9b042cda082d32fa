// What the language status item says. Pure: takes the translation function
// (vscode.l10n.t in the extension) so it is unit-tested without VS Code; every
// string is a literal message of t, so test/unit/l10n.test.ts finds them.

import type { StatusParams } from '../../server/src/lsp/status';

/** What the server sends in bilingualReview/status: the server's own type, so the two cannot drift (a type only: nothing of the server is bundled). */
export type DocStatus = StatusParams;

/** The language server's state as the client sees it. */
export type ServerPhase = 'starting' | 'running' | 'restarting' | 'stopped' | 'crashed';

export type Translate = (message: string, ...args: (string | number)[]) => string;

export type StatusSeverity = 'information' | 'warning' | 'error';

export interface StatusView {
  text: string;
  detail: string;
  severity: StatusSeverity;
  busy: boolean;
  /** What clicking the item does. */
  action: 'problems' | 'restart' | 'output' | 'none';
}

function pairs(t: Translate, n: number): string {
  return n === 1 ? t('1 pair') : t('{0} pairs', n);
}

function unpaired(t: Translate, n: number): string {
  return t('{0} unpaired', n);
}

function findings(t: Translate, n: number): string {
  if (n === 0) return t('no findings');
  return n === 1 ? t('1 finding') : t('{0} findings', n);
}

function bySeverity(t: Translate, f: DocStatus['findings']): string {
  const parts: string[] = [];
  if (f.error) parts.push(f.error === 1 ? t('1 error') : t('{0} errors', f.error));
  if (f.warning) parts.push(f.warning === 1 ? t('1 warning') : t('{0} warnings', f.warning));
  if (f.information) parts.push(t('{0} information', f.information));
  if (f.hint) parts.push(f.hint === 1 ? t('1 hint') : t('{0} hints', f.hint));
  return parts.join(t(', '));
}

function order(t: Translate, s: DocStatus): string {
  const first = s.order === 'en-zh' ? t('English first') : t('Chinese first');
  if (s.orderSource === 'detected') return t('{0} (detected)', first);
  if (s.orderSource === 'setting') return t('{0} (setting)', first);
  return t('{0} (default)', first);
}

/** A duration for people: "12 ms", "1.4 s". */
export function duration(t: Translate, ms: number): string {
  if (ms < 1) return t('under 1 ms');
  return ms < 1000 ? t('{0} ms', Math.round(ms)) : t('{0} s', (ms / 1000).toFixed(1));
}

/** The item for the server phase and, while it runs, the active document's status. */
export function statusView(t: Translate, phase: ServerPhase, doc: DocStatus | undefined): StatusView {
  switch (phase) {
    case 'starting':
      return { text: t('Starting…'), detail: t('The Bilingual Review server is starting.'), severity: 'information', busy: true, action: 'output' };
    case 'restarting':
      return { text: t('Restarting…'), detail: t('The server stopped unexpectedly and is being restarted.'), severity: 'warning', busy: true, action: 'output' };
    case 'stopped':
      return { text: t('Stopped'), detail: t('The Bilingual Review server is not running. Click to start it again.'), severity: 'warning', busy: false, action: 'restart' };
    case 'crashed':
      return { text: t('Crashed'), detail: t('The Bilingual Review server crashed and will not be restarted automatically. Click for its output; run “Bilingual Review: Restart Server” to start it again.'), severity: 'error', busy: false, action: 'output' };
  }
  if (!doc) return { text: t('Checking…'), detail: t('Waiting for the first check of this document.'), severity: 'information', busy: true, action: 'none' };
  const text = [pairs(t, doc.pairs), unpaired(t, doc.unpaired), findings(t, doc.findings.total)].join(' · ');
  const details = [doc.findings.total ? bySeverity(t, doc.findings) : '', order(t, doc)].filter(Boolean);
  if (doc.busy) return { text, detail: [t('Checking…'), ...details].join(' · '), severity: 'information', busy: true, action: 'problems' };
  if (doc.slow) {
    details.push(t('the last check took {0}: long documents are checked in the background, edits only re-check what changed', duration(t, doc.checkMs)));
    return { text, detail: details.join(' · '), severity: 'warning', busy: false, action: 'problems' };
  }
  details.push(t('checked in {0}', duration(t, doc.checkMs)));
  return { text, detail: details.join(' · '), severity: 'information', busy: false, action: 'problems' };
}
