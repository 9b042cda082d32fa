// bilingualReview/preview: the rows of the side-by-side preview (a window of them)
// with the findings of the last complete check. The rows are built in the core
// (buildPreview); this is the LSP glue.
//
// The request never forces a check. While one is due or running it answers with
// `checking: true`: after an edit, with the (incrementally updated) pairing and no
// findings; while a newly opened document is checked for the first time, with no
// rows at all. The client asks again when the diagnostics arrive.

import type { Connection } from 'vscode-languageserver/node';
import { buildPreview, type DocumentModel, type PreviewResult } from '../core';
import type { OpenDocument, ServerState } from './state';

export const PREVIEW_REQUEST = 'bilingualReview/preview';

/** Documents whose first check has completed (after that, pairing an edited text is incremental). */
const checkedOnce = new WeakSet<OpenDocument>();
const EMPTY_MODEL: DocumentModel = { order: 'en-zh', orderSource: 'default', pairs: [], unpaired: [], pairOfLine: [] };

export interface PreviewParams {
  uri: string;
  /** Line to centre the window on (the editor's top visible line). */
  around?: number;
  /** Most rows to send (default 2000, at most 10000). */
  limit?: number;
  onlyFindings?: boolean;
}

export interface PreviewResponse extends PreviewResult {
  uri: string;
  /** The document version the rows belong to. */
  version: number;
  /** True while the findings of this version are not known yet (rows carry none). */
  checking: boolean;
}

export async function preview(state: ServerState, params: PreviewParams): Promise<PreviewResponse | null> {
  if (!params || typeof params.uri !== 'string') return null;
  const doc = await state.session(params.uri);
  if (!doc) return null;
  const session = doc.session;
  const last = session.lastResult;
  if (last) checkedOnce.add(doc);
  else if (!checkedOnce.has(doc)) {
    // The first check of this document is under way: pairing it here would do, in one
    // go, the work the check does in slices (about a second for a book). Say so; the
    // client asks again when the diagnostics arrive.
    return { uri: doc.uri, version: doc.version, checking: true, ...buildPreview(EMPTY_MODEL, []) };
  }
  // After an edit the pairing is updated around the edit only: cheap, even for a book.
  const model = last?.model ?? session.doc.model({ order: session.getConfig().order });
  const result = buildPreview(model, last?.findings ?? [], {
    around: typeof params.around === 'number' && Number.isFinite(params.around) ? params.around : 0,
    limit: typeof params.limit === 'number' && Number.isFinite(params.limit) ? params.limit : undefined,
    onlyFindings: params.onlyFindings === true,
  });
  return { uri: doc.uri, version: doc.version, checking: !last, ...result };
}

export function installPreview(connection: Connection, state: ServerState): void {
  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams) => preview(state, params));
}
