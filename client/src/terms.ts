// "Bilingual Review: Show Terms": lists the document's recurring terms with their
// renderings and counts (from the server's bilingualReview/terms request), and adds
// a chosen rendering to the glossary. Editor glue only.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface TermInfo {
  term: string;
  key: string;
  pairs: number;
  inconsistent: boolean;
  renderings: { text: string; count: number; lines: number[]; files: string[] }[];
  glossary?: { zh: string[]; forbidden: string[] };
}

export function registerTerms(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bilingualReview.showTerms', async () => {
      const editor = vscode.window.activeTextEditor;
      const client = getClient();
      if (!editor || !client || editor.document.languageId !== 'bilingual') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a bilingual document to see its terms.'));
        return;
      }
      const uri = editor.document.uri.toString();
      const res = await client.sendRequest<{ terms: TermInfo[]; glossary?: string } | null>('bilingualReview/terms', { uri });
      if (!res || res.terms.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No recurring terms found in this document.'));
        return;
      }
      type TermItem = vscode.QuickPickItem & { info: TermInfo };
      const items: TermItem[] = res.terms.map((t) => ({
        info: t,
        label: `${t.inconsistent ? '$(warning) ' : ''}${t.term}`,
        description: t.renderings.length ? t.renderings.map((r) => `${r.text} ×${r.count}`).join(' · ') : vscode.l10n.t('no fixed rendering found'),
        detail: [
          vscode.l10n.t('{0} pairs', t.pairs),
          t.glossary ? vscode.l10n.t('glossary: {0}', t.glossary.zh.join('、')) : undefined,
        ]
          .filter(Boolean)
          .join(' — '),
      }));
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Terms in {0}', vscode.workspace.asRelativePath(editor.document.uri)),
        placeHolder: vscode.l10n.t('Pick a term to add one of its renderings to the glossary'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) return;
      const t = picked.info;
      type RItem = vscode.QuickPickItem & { zh?: string; line?: number };
      const rItems: RItem[] = t.renderings.map((r) => ({
        zh: r.text,
        line: r.lines[0],
        label: r.text,
        description: vscode.l10n.t('{0} uses', r.count),
        detail: r.lines.length ? vscode.l10n.t('lines {0}', r.lines.slice(0, 12).map((l) => l + 1).join(', ')) : r.files.map((f) => vscode.workspace.asRelativePath(f)).join(', '),
      }));
      rItems.push({ label: vscode.l10n.t('$(edit) Type another rendering…') });
      const choice = await vscode.window.showQuickPick(rItems, { title: vscode.l10n.t('Add “{0}” to the glossary as…', t.key) });
      if (!choice) return;
      const zh = choice.zh ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Chinese rendering of “{0}”', t.key) }))?.trim();
      if (!zh) return;
      const result = await client.sendRequest<{ applied: boolean; glossary?: string; reason?: string }>('bilingualReview/addToGlossary', { uri, en: t.key, zh });
      if (result.applied) void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} → {1} to {2}', t.key, zh, result.glossary ? vscode.workspace.asRelativePath(result.glossary) : vscode.l10n.t('the glossary')));
      else void vscode.window.showWarningMessage(vscode.l10n.t('Could not add to the glossary: {0}', result.reason ?? vscode.l10n.t('the edit was not applied')));
    }),
  );
}
