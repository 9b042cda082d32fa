// textDocument/documentHighlight: the cursor on a number or a term highlights
// it (Text) and its counterpart in the other line of the pair (Read), from the
// rules' inspect() spans.

import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver/node';
import { inspectAt } from '../core';
import type { ServerState } from './state';

export async function documentHighlights(state: ServerState, params: DocumentHighlightParams): Promise<DocumentHighlight[] | null> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return null;
  const result = inspectAt(doc.session, params.position);
  if (!result || result.highlights.length === 0) return null; // null lets an editor fall back to word highlighting
  const seen = new Set<string>();
  const out: DocumentHighlight[] = [];
  for (const h of result.highlights) {
    const key = `${h.range.start.line}:${h.range.start.character}:${h.range.end.line}:${h.range.end.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ range: h.range, kind: h.role === 'self' ? DocumentHighlightKind.Text : DocumentHighlightKind.Read });
  }
  return out;
}
