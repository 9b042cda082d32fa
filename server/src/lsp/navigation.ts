// bilingualReview/counterpart: where "Go to Counterpart Line" goes. A custom
// request (docs/lsp.md), so any LSP editor can bind it to a key.

import type { Position, Range } from 'vscode-languageserver/node';
import { counterpartAt } from '../core';
import type { ServerState } from './state';

export const COUNTERPART_REQUEST = 'bilingualReview/counterpart';

export interface CounterpartParams {
  uri: string;
  position: Position;
}

export interface CounterpartResult {
  uri: string;
  /** 0-based line of the counterpart. */
  line: number;
  /** The whole counterpart line. */
  range: Range;
  /** Where to put the cursor (the matched token's counterpart, or the same relative place). */
  selection: Range;
  /** 'translation' when the cursor was on the source line, 'source' when it was on the translation. */
  role: 'translation' | 'source';
  lang: 'en' | 'zh';
}

/** null when the document is not open or the line has no counterpart (blank, comment or unpaired). */
export async function counterpart(state: ServerState, params: CounterpartParams): Promise<CounterpartResult | null> {
  if (!params || typeof params.uri !== 'string' || !params.position || typeof params.position.line !== 'number' || typeof params.position.character !== 'number') return null;
  const doc = await state.session(params.uri);
  if (!doc) return null;
  const c = counterpartAt(doc.session, params.position);
  return c ? { uri: doc.uri, ...c } : null;
}

export function installNavigation(state: ServerState): void {
  state.connection.onRequest(COUNTERPART_REQUEST, (params: CounterpartParams) => counterpart(state, params));
}
