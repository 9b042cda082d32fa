// Navigation and fixing commands for bilingual documents (editor glue):
//   Go to Counterpart Line   — the other line of the pair (bilingualReview/counterpart);
//   Next / Previous Finding  — this extension's diagnostics in the active editor, wrapping;
//   Fix All                  — the source.fixAll.bilingual-review action (safe fixes only).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { compareSpans, stepFinding } from './findingNav';

const LANGUAGE_ID = 'bilingual';
/** The `source` of this extension's diagnostics (server/src/lsp/diagnostics.ts). */
export const DIAGNOSTIC_SOURCE = 'bilingual-review';
/** The server's fix-all code action kind (server/src/lsp/codeActions.ts). */
export const FIX_ALL_KIND = 'source.fixAll.bilingual-review';

interface CounterpartResult {
  uri: string;
  line: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  selection: { start: { line: number; character: number }; end: { line: number; character: number } };
  role: 'translation' | 'source';
}

function bilingualEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a bilingual document to use this command.'));
  return undefined;
}

function flash(message: string): void {
  vscode.window.setStatusBarMessage(message, 4000);
}

/** Our diagnostics in the document, in document order. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .sort((a, b) => compareSpans(a.range, b.range));
}

export function registerNavigation(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  /** The finding visited last, so findings sharing one range are all visited. */
  let lastVisit: { uri: string; version: number; index: number } | undefined;

  const goToFinding = (direction: 'next' | 'previous') => {
    const editor = bilingualEditor();
    if (!editor) return;
    const uri = editor.document.uri;
    const list = ourDiagnostics(uri);
    const last = lastVisit && lastVisit.uri === uri.toString() && lastVisit.version === editor.document.version ? lastVisit.index : undefined;
    const step = stepFinding(list.map((d) => d.range), editor.selection, direction, last);
    if (!step) {
      flash(vscode.l10n.t('No Bilingual Review findings in this file.'));
      return;
    }
    const d = list[step.index];
    lastVisit = { uri: uri.toString(), version: editor.document.version, index: step.index };
    // Cursor at the start of the finding (where its hover is), the finding selected.
    editor.selection = new vscode.Selection(d.range.end, d.range.start);
    editor.revealRange(d.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const where = vscode.l10n.t('Finding {0} of {1}', step.index + 1, list.length);
    flash(step.wrapped ? `${where} · ${direction === 'next' ? vscode.l10n.t('wrapped to the first') : vscode.l10n.t('wrapped to the last')}` : where);
    void vscode.commands.executeCommand('editor.action.showHover');
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('bilingualReview.goToCounterpart', async () => {
      const editor = bilingualEditor();
      const client = getClient();
      if (!editor || !client) return;
      const position = editor.selection.active;
      const res = await client.sendRequest<CounterpartResult | null>('bilingualReview/counterpart', {
        uri: editor.document.uri.toString(),
        position: { line: position.line, character: position.character },
      });
      if (vscode.window.activeTextEditor !== editor) return; // the user moved on
      if (!res) {
        flash(vscode.l10n.t('Line {0} has no counterpart in the other language.', position.line + 1));
        return;
      }
      const start = new vscode.Position(res.selection.start.line, res.selection.start.character);
      const end = new vscode.Position(res.selection.end.line, res.selection.end.character);
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(res.range.start.line, res.range.start.character, res.range.end.line, res.range.end.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('bilingualReview.nextFinding', () => goToFinding('next')),
    vscode.commands.registerCommand('bilingualReview.previousFinding', () => goToFinding('previous')),
    vscode.commands.registerCommand('bilingualReview.fixAll', async () => {
      const editor = bilingualEditor();
      if (!editor) return;
      const doc = editor.document;
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 1)) ?? [];
      const action = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
      if (!action?.edit) {
        const left = ourDiagnostics(doc.uri).length;
        void vscode.window.showInformationMessage(
          left ? vscode.l10n.t('Nothing to fix automatically: the findings left ({0}) need a reviewer’s judgement; see their quick fixes.', left) : vscode.l10n.t('No Bilingual Review findings in this file.'),
        );
        return;
      }
      if (!(await vscode.workspace.applyEdit(action.edit))) void vscode.window.showWarningMessage(vscode.l10n.t('The fixes were not applied: the document changed meanwhile. Try again.'));
    }),
  );
}
