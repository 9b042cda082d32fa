// Publishing diagnostics: findings → LSP Diagnostic (code = rule id,
// codeDescription = its doc, data = what code actions need).

import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core';
import { docUrl, type OpenDocument, type ServerState } from './state';

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
 * converted again.
 */
const built = new WeakMap<Finding, { uri: string; diagnostic: Diagnostic }>();

/** The LSP diagnostic of a finding (cached per Finding object; never mutate the result). */
export function toDiagnosticCached(uri: string, f: Finding): Diagnostic {
  const hit = built.get(f);
  if (hit && hit.uri === uri) return hit.diagnostic;
  const diagnostic = toDiagnostic(uri, f);
  built.set(f, { uri, diagnostic });
  return diagnostic;
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

export async function validate(state: ServerState, doc: OpenDocument): Promise<void> {
  const version = doc.version;
  const config = await state.getConfig(doc.uri);
  if (state.documents.get(doc.uri) !== doc || doc.version !== version) return; // a newer edit will publish
  doc.session.setConfig(config);
  const result = doc.session.check();
  doc.findings = result.findings;
  const diagnostics = result.findings.map((f) => toDiagnosticCached(doc.uri, f));
  await state.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
}

export function schedule(state: ServerState, doc: OpenDocument, delay = 0): void {
  if (doc.timer) clearTimeout(doc.timer);
  doc.timer = setTimeout(() => {
    doc.timer = undefined;
    validate(state, doc).catch((e) => state.connection.console.error(`Checking ${doc.uri} failed: ${(e as Error)?.stack ?? e}`));
  }, delay);
}
