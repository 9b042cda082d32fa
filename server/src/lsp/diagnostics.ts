// Publishing diagnostics: findings → LSP Diagnostic (code = rule id,
// codeDescription = its doc, data = what code actions need).

import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core';
import { forgetMoved, movedFrom } from '../core/moved';
import { keyedStamp } from '../core/stamp';
import { noteDocumentActivity } from './memory';
import { docUrl, type OpenDocument, type ServerState } from './state';
import { ShiftedDiagnostic, writesPieces } from './wire';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule page links, computed once per rule (pathToFileURL is slow enough to matter per diagnostic). */
const hrefs = new Map<string, { href: string }>();
function codeDescription(ruleId: string): { href: string } {
  let d = hrefs.get(ruleId);
  if (!d) hrefs.set(ruleId, (d = { href: docUrl(ruleId) }));
  return d;
}

/**
 * Diagnostics already built, by the Finding they came from. The checker hands
 * back the same Finding object for a pair, line or document finding that has
 * not changed or moved, so after a keystroke only the touched findings are
 * converted again. (Kept on the Finding as a private field, see core/stamp.ts: a
 * WeakMap's get and set for each of 11,552 findings cost more than the rest of a publish.)
 */
const built = keyedStamp<string, Diagnostic>();

/** The LSP diagnostic of a finding (cached per Finding object; never mutate the result). */
export function toDiagnosticCached(uri: string, f: Finding): Diagnostic {
  const hit = built.get(f, uri);
  if (hit) return hit;
  const diagnostic = movedDiagnostic(uri, f) ?? toDiagnostic(uri, f);
  built.set(f, uri, diagnostic);
  return diagnostic;
}

function sameColumns(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.character === b.start.character && a.end.character === b.end.character;
}

/**
 * The diagnostic of a finding that only moved (lines inserted or deleted above it: see
 * core/moved.ts), when the one it moved from has a diagnostic: over stdio a
 * ShiftedDiagnostic (lsp/wire.ts), the first plain diagnostic of the chain with this
 * finding's line numbers, written from that one's bytes with the line numbers shifted.
 */
function movedDiagnostic(uri: string, f: Finding): Diagnostic | undefined {
  const g = movedFrom(f);
  if (!g) return undefined;
  forgetMoved(f); // used once: the old finding need not stay alive
  if (!writesPieces()) return undefined; // over IPC Node serialises the message: nothing to reuse
  const od = built.get(g, uri);
  if (!od) return undefined;
  // g's diagnostic is base with g's line numbers (it passed these tests against its own predecessor)
  const o = od instanceof ShiftedDiagnostic ? od.base : od;
  if (f.message !== g.message || f.data !== g.data || f.ruleId !== g.ruleId || f.severity !== g.severity || !!f.fixes?.length !== !!g.fixes?.length) return undefined;
  // the template keeps everything but line numbers: the columns must be the same
  if (!sameColumns(f.range, g.range)) return undefined;
  const n = f.related?.length ?? 0;
  if (n !== (g.related?.length ?? 0) || n !== (o.relatedInformation?.length ?? 0)) return undefined;
  for (let i = 0; i < n; i++) {
    const r = f.related![i];
    if (r.path || r.message !== g.related![i].message || !sameColumns(r.range, g.related![i].range)) return undefined;
  }
  return new ShiftedDiagnostic(o, f, uri) as unknown as Diagnostic;
}

export function toDiagnostic(uri: string, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: codeDescription(f.ruleId),
    source: 'bilingual-review',
    message: f.message,
    data: { ruleId: f.ruleId, fixable: !!f.fixes?.length, info: f.data },
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: r.path ? pathToFileURL(r.path).toString() : uri, range: r.range },
      message: r.message,
    }));
  }
  return d;
}

/**
 * How long the checker works before the server looks at incoming messages again.
 * A keystroke re-check takes a few milliseconds and runs in one slice; opening a
 * 100,000-pair book takes about a second, and in slices a hover or a code action
 * sent meanwhile is answered within one slice instead of after the whole check.
 * (A worker thread was the alternative: it would copy the 50 MB text and every
 * finding across threads, double the memory, and hover, highlight and code
 * actions would still need the model on this thread. Slicing keeps one model,
 * and work done before an abandoned slice stays cached.)
 */
export const SLICE_MS = 15;

/** After this long a check still running is reported as busy (the status item spins). */
export const BUSY_MS = 300;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function validate(state: ServerState, doc: OpenDocument): Promise<void> {
  const version = doc.version;
  const stale = (): boolean => state.documents.get(doc.uri) !== doc || doc.version !== version;
  const config = await state.getConfig(doc.uri);
  if (stale()) return; // a newer edit will publish
  doc.session.setConfig(config);
  state.prepare(doc, config);
  const steps = doc.session.checkInSlices(SLICE_MS);
  const t0 = performance.now();
  let workMs = 0;
  let busyNoted = false;
  const run = () => {
    const t = performance.now();
    const s = steps.next();
    workMs += performance.now() - t;
    return s;
  };
  let step = run();
  while (!step.done) {
    if (!busyNoted && performance.now() - t0 > BUSY_MS) {
      busyNoted = true;
      state.runHooks(state.busy, doc);
    }
    await nextTurn(); // incoming requests and edits run here
    if (stale()) {
      steps.return(undefined);
      return;
    }
    step = run();
  }
  const result = step.value;
  if (stale()) return;
  if (!result) {
    schedule(state, doc); // the settings changed while the check was suspended: check again with them
    return;
  }
  doc.findings = result.findings;
  const diagnostics = result.findings.map((f) => toDiagnosticCached(doc.uri, f));
  await state.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  state.runHooks(state.published, doc, result, { workMs, wallMs: performance.now() - t0 });
  noteDocumentActivity(doc.session.doc.lineCount);
}

export function schedule(state: ServerState, doc: OpenDocument, delay = 0): void {
  if (doc.timer) clearTimeout(doc.timer);
  doc.timer = setTimeout(() => {
    doc.timer = undefined;
    validate(state, doc).catch((e) => state.connection.console.error(`Checking ${doc.uri} failed: ${(e as Error)?.stack ?? e}`));
  }, delay);
}
