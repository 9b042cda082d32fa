// Code actions, built from the current findings (never from stale data carried
// by a diagnostic of an older version):
//   - each finding's own quick fixes (e.g. "Insert a translation placeholder line");
//   - "Fix all <rule> problems": every fix of that rule whose edits do not overlap
//     (re-checked and repeated where they did), computed on resolve; a client that
//     cannot resolve gets it computed at once, in one pass from the current findings;
//   - "Ignore <rule> for this pair" / "Ignore <rule> in this file": a suppression
//     comment line (docs/suppressions.md), which keeps the interleaved format intact;
//   - source.fixAll.bilingual-review: every preferred (safe) fix, for "Fix All" and fix on save.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  chooseFix,
  DocumentSession,
  fixAll,
  fixAllEdits,
  ignoreForPairEdit,
  ignoreInFileEdit,
  localize,
  unitStart,
  type Bilingual,
  type Finding,
  type FixSelection,
} from '../core';
import { utf16RangeFromBytes } from './positions';
import type { OpenDocument, ServerState } from './state';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bilingual-review`;
export const CODE_ACTION_KINDS: string[] = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

const T = {
  fixAllRule: { en: 'Fix all {rule} problems in this file', zh: '修复此文件中所有 {rule} 问题' },
  fixAllSource: { en: 'Fix all auto-fixable Bilingual Review problems', zh: '修复所有可自动修复的双语审校问题' },
  ignorePair: { en: 'Ignore {rule} for this pair', zh: '在此句对中忽略 {rule}' },
  ignoreLine: { en: 'Ignore {rule} for this line', zh: '在此行忽略 {rule}' },
  ignoreFile: { en: 'Ignore {rule} in this file', zh: '在此文件中忽略 {rule}' },
} satisfies Record<string, Bilingual>;

/** What a fix-all action carries until it is resolved. */
interface FixAllData {
  uri: string;
  ruleId?: string;
  safeOnly?: boolean;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function workspaceEdit(state: ServerState, doc: OpenDocument, edits: TextEdit[]): WorkspaceEdit {
  if (state.clientCapabilities.workspace?.workspaceEdit?.documentChanges) {
    // Versioned: the editor refuses the edit if the document changed since.
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  }
  return { changes: { [doc.uri]: edits } };
}

function canResolveEdits(state: ServerState): boolean {
  return !!state.clientCapabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
}

/** Fix-all edits for the document as it is now (several passes where fixes overlapped). */
function fixAllFor(state: ServerState, doc: OpenDocument, sel: FixSelection): TextEdit[] {
  const session = doc.session;
  const text = session.doc.getText();
  let rechecks = 0;
  const recheck = (t: string) => {
    rechecks++;
    return new DocumentSession(t, { config: session.getConfig(), env: session.env, rules: session.rules }).check().findings;
  };
  const result = fixAll(text, session.check().findings, recheck, sel);
  trace(state, sel, result.fixed, result.passes, rechecks);
  return result.edits;
}

/**
 * Documents up to this many lines get the multi-pass fix-all even in an edit computed
 * with every code-action request (a client without resolve support); longer ones get one pass.
 */
export const EAGER_RECHECK_MAX_LINES = 2000;

/**
 * The fix-all edit for a client that cannot resolve code actions: it is computed with
 * every code-action request, most of which the user never applies. So it comes from
 * the findings already checked, in one pass (as vscode-eslint does for its eager
 * "fix all of this rule"), at the cost of sorting the fixes. Only when that pass left
 * fixes out because they overlapped and the document is small is it re-checked and
 * fixed again (each pass checks the whole text from scratch: seconds and gigabytes at
 * 20,000 pairs). What one pass leaves stays reported: the action fixes it next time.
 */
function eagerFixAllFor(state: ServerState, doc: OpenDocument, sel: FixSelection): TextEdit[] {
  const merged = fixAllEdits(doc.session.check().findings, sel);
  if (merged.skipped > 0 && doc.session.doc.lineCount <= EAGER_RECHECK_MAX_LINES) return fixAllFor(state, doc, sel);
  trace(state, sel, merged.applied, merged.applied > 0 ? 1 : 0, 0);
  return merged.edits;
}

/** A log line (window/logMessage, type Log) per computed fix-all edit: how much it cost. */
function trace(state: ServerState, sel: FixSelection, fixed: number, passes: number, rechecks: number): void {
  state.connection.console.log(`Fix all ${sel.ruleId ?? (sel.safeOnly ? 'safe fixes' : 'fixes')}: ${fixed} fixes in ${passes} passes, ${rechecks} re-checks of the document`);
}

function fixAllAction(state: ServerState, doc: OpenDocument, title: string, kind: string, data: FixAllData, diagnostics?: Diagnostic[]): CodeAction {
  const action: CodeAction = { title, kind, data };
  if (diagnostics?.length) action.diagnostics = diagnostics;
  if (!canResolveEdits(state)) action.edit = workspaceEdit(state, doc, eagerFixAllFor(state, doc, data));
  return action;
}

export async function codeActions(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return [];
  const { findings: current, model } = doc.session.check();
  const locale = doc.session.getConfig().locale;
  const t = (m: Bilingual, a?: Record<string, string>) => localize(locale, m, a);
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const matched: { diag: Diagnostic; finding: Finding }[] = [];
    for (const diag of params.context.diagnostics) {
      if (diag.source !== 'bilingual-review') continue;
      const asBytes = (): Range | undefined => utf16RangeFromBytes(diag.range, (l) => doc.session.doc.lineText(l));
      const finding =
        current.find((f) => f.ruleId === diag.code && sameRange(f.range, diag.range)) ??
        // Neovim 0.7 sends back byte columns (see positions.ts)
        current.find((f) => {
          const r = f.ruleId === diag.code && f.range.start.line === diag.range.start.line ? asBytes() : undefined;
          return !!r && sameRange(f.range, r);
        });
      if (finding) matched.push({ diag, finding });
    }
    // 1. the findings' own fixes
    for (const { diag, finding } of matched) {
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: fix.isPreferred, edit: workspaceEdit(state, doc, fix.edits) });
      }
      // host actions beyond the finding's own fixes (e.g. "add to the glossary")
      for (const extra of state.extraActions) actions.push(...extra(doc.uri, finding, [diag]));
    }
    // 2. fix all of this kind, when there is more than one to fix
    const rules = [...new Set(matched.map((m) => m.finding.ruleId))];
    for (const ruleId of rules) {
      if (current.filter((f) => chooseFix(f, { ruleId })).length < 2) continue;
      const diags = matched.filter((m) => m.finding.ruleId === ruleId).map((m) => m.diag);
      actions.push(fixAllAction(state, doc, t(T.fixAllRule, { rule: ruleId }), CodeActionKind.QuickFix, { uri: doc.uri, ruleId }, diags));
    }
    // 3. suppressions: for the pair, then for the file
    const pairDone = new Set<string>();
    for (const { diag, finding } of matched) {
      const key = `${finding.ruleId}@${unitStart(model, finding.range.start.line)}`;
      if (pairDone.has(key)) continue;
      pairDone.add(key);
      const edit = ignoreForPairEdit(doc.session.doc, model, finding.range.start.line, finding.ruleId);
      const title = t(model.pairOfLine[finding.range.start.line] ? T.ignorePair : T.ignoreLine, { rule: finding.ruleId });
      if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(state, doc, [edit]) });
    }
    for (const ruleId of rules) {
      const edit = ignoreInFileEdit(doc.session.doc, ruleId);
      const diags = matched.filter((m) => m.finding.ruleId === ruleId).map((m) => m.diag);
      if (edit) actions.push({ title: t(T.ignoreFile, { rule: ruleId }), kind: CodeActionKind.QuickFix, diagnostics: diags, edit: workspaceEdit(state, doc, [edit]) });
    }
  }

  // Source action: only when asked for (Source Action menu, fix on save), as ESLint does.
  if (only && wants(only, FIX_ALL_KIND) && current.some((f) => chooseFix(f, { safeOnly: true }))) {
    actions.push(fixAllAction(state, doc, t(T.fixAllSource), FIX_ALL_KIND, { uri: doc.uri, safeOnly: true }));
  }
  return actions;
}

/** codeAction/resolve: computes the edit of a fix-all action against the document as it is now. */
export async function resolveCodeAction(state: ServerState, action: CodeAction): Promise<CodeAction> {
  const data = action.data as FixAllData | undefined;
  if (action.edit || !data?.uri) return action;
  const doc = await state.session(data.uri);
  if (!doc) return action;
  action.edit = workspaceEdit(state, doc, fixAllFor(state, doc, { ruleId: data.ruleId, safeOnly: data.safeOnly }));
  return action;
}
