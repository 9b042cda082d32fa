// The language status item (the "{}" area of the status bar for bilingual
// documents): the server's state (starting / restarting / stopped / crashed),
// and for the active document its pairs, unpaired lines and findings, from the
// server's bilingualReview/status notification. Clicking it opens the Problems
// panel (the list of record), or restarts a stopped server. Editor glue only:
// the wording is in statusText.ts.

import * as vscode from 'vscode';
import { CloseAction, State, type ErrorHandler, type LanguageClient } from 'vscode-languageclient/node';
import { statusView, type DocStatus, type ServerPhase } from './statusText';

export const STATUS_ITEM_ID = 'bilingualReview.status';
export const STATUS_NOTIFICATION = 'bilingualReview/status';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, DocStatus>();
  private phase: ServerPhase = 'starting';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.item = vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, { language: 'bilingual' });
    this.item.name = vscode.l10n.t('Bilingual Review');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.byUri.delete(d.uri.toString());
      }),
    );
    this.render();
  }

  /** Wire to a client before it starts: its state and the status notification. */
  attach(client: LanguageClient): void {
    this.disposables.push(
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Starting) this.setPhase(this.phase === 'restarting' ? 'restarting' : 'starting');
        else if (newState === State.Running) this.setPhase('running');
        else if (newState === State.StartFailed) this.setPhase('crashed');
        else if (newState === State.Stopped) this.setPhase(this.phase === 'crashed' ? 'crashed' : 'stopped');
      }),
      client.onNotification(STATUS_NOTIFICATION, (s: DocStatus) => {
        if (!s || typeof s.uri !== 'string') return;
        this.byUri.set(s.uri, s);
        if (s.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.render();
      }),
    );
  }

  /**
   * The client's error handler: the default one (restart up to 4 times in 3 minutes),
   * noting whether the server is being restarted or given up on.
   */
  errorHandler(): ErrorHandler {
    let fallback: ErrorHandler | undefined;
    const base = (): ErrorHandler => (fallback ??= this.getClient()!.createDefaultErrorHandler());
    return {
      error: (error, message, count) => base().error(error, message, count),
      closed: async () => {
        const result = await base().closed();
        this.byUri.clear();
        this.setPhase(result.action === CloseAction.Restart ? 'restarting' : 'crashed');
        return result;
      },
    };
  }

  setPhase(phase: ServerPhase): void {
    this.phase = phase;
    if (phase !== 'running') this.byUri.clear();
    this.render();
  }

  /** For tests and commands: what the item shows now. */
  get current(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity; busy: boolean } {
    return { text: this.item.text, detail: this.item.detail, severity: this.item.severity, busy: this.item.busy };
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && editor.document.languageId === 'bilingual' ? this.byUri.get(editor.document.uri.toString()) : undefined;
    const view = statusView(vscode.l10n.t, this.phase, doc);
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
    this.item.accessibilityInformation = { label: `${vscode.l10n.t('Bilingual Review')}: ${view.text}. ${view.detail}` };
    switch (view.action) {
      case 'problems':
        this.item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
        break;
      case 'restart':
        this.item.command = { title: vscode.l10n.t('Restart Server'), command: 'bilingualReview.restartServer' };
        break;
      case 'output':
        this.item.command = { title: vscode.l10n.t('Show Output'), command: 'bilingualReview.showOutput' };
        break;
      default:
        this.item.command = undefined;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
