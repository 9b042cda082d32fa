// The VS Code client: editor glue only. It starts the language server, offers
// to check plain-text files that look interleaved, and registers commands.
// All checking happens in the server (and its core).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { looksInterleaved } from './detect';
import { registerTerms } from './terms';
import { registerPreview } from './preview/manager';
import { registerNavigation } from './navigation';
import { StatusItem } from './status';

let client: LanguageClient | undefined;
let status: StatusItem | undefined;
const LANGUAGE_ID = 'bilingual';

/** What activate() returns: read-only views for end-to-end tests and other extensions. */
export interface BilingualReviewApi {
  /** What the language status item (bilingualReview.status) shows now. */
  status(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity; busy: boolean } | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<BilingualReviewApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'bilingualReview' },
    initializationOptions: { locale: vscode.env.language, statusNotification: true },
  };
  status = new StatusItem(() => client);
  clientOptions.errorHandler = status.errorHandler();
  client = new LanguageClient('bilingualReview', 'Bilingual Review', serverOptions, clientOptions);
  status.attach(client);
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand('bilingualReview.checkThisFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file to check it with Bilingual Review.'));
        return;
      }
      if (editor.document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => void offerToCheck(doc, context)),
  );
  registerTerms(context, () => client);
  registerPreview(context, () => client);
  registerNavigation(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('bilingualReview.restartServer', async () => {
      if (!client) return;
      if (client.isRunning()) await client.restart();
      else {
        status?.setPhase('starting');
        await client.start();
      }
    }),
    vscode.commands.registerCommand('bilingualReview.showOutput', () => client?.outputChannel.show(true)),
  );
  for (const doc of vscode.workspace.textDocuments) void offerToCheck(doc, context);

  try {
    await client.start();
  } catch (e) {
    // The client has logged why; the status item says the server is down, and the commands still answer.
    status.setPhase('crashed');
    void vscode.window.showErrorMessage(vscode.l10n.t('The Bilingual Review server could not start: {0}', (e as Error)?.message ?? String(e)));
  }
  return { status: () => status?.current };
}

const offered = new Set<string>();

/** Offers (once per file and session) to switch an interleaved plain-text file to the bilingual language. */
async function offerToCheck(doc: vscode.TextDocument, context: vscode.ExtensionContext): Promise<void> {
  if (doc.languageId !== 'plaintext' || doc.uri.scheme === 'output') return;
  if (!vscode.workspace.getConfiguration('bilingualReview', doc.uri).get<boolean>('autoDetect', true)) return;
  const key = doc.uri.toString();
  if (offered.has(key) || context.workspaceState.get<string[]>('declined', []).includes(key)) return;
  if (!looksInterleaved(doc.getText(new vscode.Range(0, 0, 400, 0)))) return;
  offered.add(key);
  const check = vscode.l10n.t('Check');
  const never = vscode.l10n.t('Not for this file');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} looks like an interleaved English–Chinese translation. Check it with Bilingual Review?', path.basename(doc.uri.path)),
    check,
    never,
  );
  if (answer === check) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  else if (answer === never) await context.workspaceState.update('declined', [...context.workspaceState.get<string[]>('declined', []), key]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
