// textDocument/documentSymbol (Outline view, breadcrumbs, Go to Symbol) and
// textDocument/foldingRange: headings as sections, pairs as their children.
// The outline itself is built in the core (buildOutline).

import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { buildOutline, foldingRegions, type OutlineNode } from '../core';
import type { OpenDocument, ServerState } from './state';

/** Sections look like Markdown headings in the Outline; pairs are fields of their section. */
export const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  section: SymbolKind.String,
  pair: SymbolKind.Field,
  unpaired: SymbolKind.Key,
};

/** Outline per pairing: symbols and folding ranges (asked for together after each edit) share one build. */
const outlines = new WeakMap<object, { locale: string; nodes: OutlineNode[] }>();

function outlineOf(doc: OpenDocument): OutlineNode[] {
  const { model } = doc.session.check();
  const locale = doc.session.getConfig().locale;
  let cached = outlines.get(model);
  if (!cached || cached.locale !== locale) outlines.set(model, (cached = { locale, nodes: buildOutline(model, locale) }));
  return cached.nodes;
}

function toSymbol(n: OutlineNode): DocumentSymbol {
  return { name: n.name, detail: n.detail, kind: SYMBOL_KIND[n.kind], range: n.range, selectionRange: n.selectionRange, children: n.children.map(toSymbol) };
}

function flatten(uri: string, nodes: readonly OutlineNode[], container: string | undefined, out: SymbolInformation[]): SymbolInformation[] {
  for (const n of nodes) {
    out.push({ name: n.name, kind: SYMBOL_KIND[n.kind], location: { uri, range: n.range }, ...(container ? { containerName: container } : {}) });
    flatten(uri, n.children, n.name, out);
  }
  return out;
}

export async function documentSymbols(state: ServerState, params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return null;
  const outline = outlineOf(doc);
  if (state.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return outline.map(toSymbol);
  return flatten(doc.uri, outline, undefined, []);
}

export async function foldingRanges(state: ServerState, params: FoldingRangeParams): Promise<FoldingRange[] | null> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return null;
  const regions = foldingRegions(doc.session.doc, outlineOf(doc));
  const limit = state.clientCapabilities.textDocument?.foldingRange?.rangeLimit;
  const out = regions.map((r): FoldingRange => {
    const f: FoldingRange = { startLine: r.startLine, endLine: r.endLine };
    if (r.kind) f.kind = r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region;
    return f;
  });
  return limit !== undefined && out.length > limit ? out.slice(0, limit) : out;
}
