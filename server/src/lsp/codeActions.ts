// Code actions: quick fixes built from the current findings (never from stale
// data carried by a diagnostic of an older version).

import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver/node';
import type { ServerState } from './state';

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export async function codeActions(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return [];
  const current = doc.session.check().findings;
  const actions: CodeAction[] = [];
  for (const diag of params.context.diagnostics) {
    if (diag.source !== 'bilingual-review') continue;
    const finding = current.find((f) => f.ruleId === diag.code && sameRange(f.range, diag.range));
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: fix.isPreferred,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
    if (finding) for (const extra of state.extraActions) actions.push(...extra(doc.uri, finding, [diag]));
  }
  return actions;
}
