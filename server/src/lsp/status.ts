// bilingualReview/status: after each check the server tells the client what it
// found in the document (pairs, unpaired lines, findings by severity) and how
// long the check took, so an editor can show it (the VS Code client's language
// status item). Sent only to clients that ask for it with
// initializationOptions.statusNotification = true (docs/lsp.md); any client can
// ask for it with the bilingualReview/getStatus request.

import type { CheckResult, Severity } from '../core';
import type { CheckTiming, OpenDocument, ServerState } from './state';

export const STATUS_NOTIFICATION = 'bilingualReview/status';
/** The last status of a document, on request (for clients that poll instead). */
export const STATUS_REQUEST = 'bilingualReview/getStatus';

/** A full check that works longer than this is reported as slow. */
export const SLOW_CHECK_MS = 1000;

export interface StatusParams {
  uri: string;
  /** The document version the counts are for. */
  version: number;
  /** True while a long check runs; the counts are then those of the previous check (zero before the first). */
  busy: boolean;
  pairs: number;
  /** Lines in one language with no counterpart. */
  unpaired: number;
  findings: Record<Severity, number> & { total: number };
  /** Which language comes first in a pair, and whether the setting or the document decided. */
  order: 'en-zh' | 'zh-en';
  orderSource: 'setting' | 'detected' | 'default';
  /** Milliseconds the last check worked (summed over its slices). */
  checkMs: number;
  /** checkMs > SLOW_CHECK_MS. */
  slow: boolean;
}

/** The status of a checked document (pure: what the notification carries). */
export function statusOf(uri: string, version: number, result: CheckResult, timing: CheckTiming): StatusParams {
  const findings = { error: 0, warning: 0, information: 0, hint: 0, total: result.findings.length };
  for (const f of result.findings) findings[f.severity]++;
  const checkMs = Math.round(timing.workMs * 10) / 10;
  return {
    uri,
    version,
    busy: false,
    pairs: result.model.pairs.length,
    unpaired: result.model.unpaired.length,
    findings,
    order: result.model.order,
    orderSource: result.model.orderSource,
    checkMs,
    slow: checkMs > SLOW_CHECK_MS,
  };
}

export function installStatus(state: ServerState): void {
  const last = new WeakMap<OpenDocument, { status: StatusParams; result: CheckResult }>();
  const enabled = () => state.initializationOptions.statusNotification === true;
  state.published.push((doc, result, timing) => {
    const before = last.get(doc);
    // Re-published without a new check (settings re-read, nothing changed): the time is the real check's.
    const status = before?.result === result ? { ...before.status, version: doc.version, busy: false } : statusOf(doc.uri, doc.version, result, timing);
    last.set(doc, { status, result });
    if (enabled()) void state.connection.sendNotification(STATUS_NOTIFICATION, status);
  });
  // The same, on demand (a status line that polls): null until the document's first check is published.
  state.connection.onRequest(STATUS_REQUEST, (params: { uri?: unknown } | null) => {
    const doc = typeof params?.uri === 'string' ? state.documents.get(params.uri) : undefined;
    return (doc && last.get(doc)?.status) ?? null;
  });
  state.busy.push((doc) => {
    if (!enabled()) return;
    const prev = last.get(doc)?.status;
    const zero = { error: 0, warning: 0, information: 0, hint: 0, total: 0 };
    const status: StatusParams = prev
      ? { ...prev, version: doc.version, busy: true }
      : { uri: doc.uri, version: doc.version, busy: true, pairs: 0, unpaired: 0, findings: zero, order: 'en-zh', orderSource: 'default', checkMs: 0, slow: false };
    void state.connection.sendNotification(STATUS_NOTIFICATION, status);
  });
}
