// The language server: a thin LSP shell over the checker core.
// Run standalone with `node dist/server.js --stdio`; the VS Code client uses IPC.

import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
} from 'vscode-languageserver/node';
import { normalizeLocale } from './core';
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction } from './lsp/codeActions';
import { documentHighlights } from './lsp/highlight';
import { hover } from './lsp/hover';
import { documentSymbols, foldingRanges } from './lsp/symbols';
import { schedule } from './lsp/diagnostics';
import { ServerState, type OpenDocument } from './lsp/state';
import { installTerms } from './lsp/terms';
import { installPreview } from './lsp/preview';
import { installNavigation } from './lsp/navigation';
import { installStatus } from './lsp/status';
import { consoleToClient, stdioWriter } from './lsp/wire';

declare const __VERSION__: string;

// Over stdio the server writes with its own encoder (publishes reuse the JSON of unchanged diagnostics).
const stdio = process.argv.includes('--stdio');
// (stdin is passed as the stream, as --stdio would: the library then exits when it ends; its typings want a pair of streams or of reader and writer)
const connection = stdio ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, stdioWriter(process.stdout)) : createConnection(ProposedFeatures.all);
if (stdio) consoleToClient(connection.console);
const state = new ServerState(connection);
const terms = installTerms(state);
installNavigation(state);
installStatus(state);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  state.locale = normalizeLocale(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
  state.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  if (params.initializationOptions && typeof params.initializationOptions === 'object') state.initializationOptions = params.initializationOptions as Record<string, unknown>;
  terms.initialize(params);
  state.clientCapabilities = params.capabilities;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      hoverProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: { label: 'Bilingual Review' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'bilingual-review', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
  };
});

connection.onInitialized(() => {
  if (state.hasConfigurationCapability) {
    // A client may refuse dynamic registration; that must not take the server down.
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'bilingualReview' }).catch(() => undefined);
  }
  terms.initialized();
});

connection.onDidChangeConfiguration((change) => {
  state.forgetSettings();
  if (!state.hasConfigurationCapability) state.globalSettings = (change.settings as { bilingualReview?: unknown } | undefined)?.bilingualReview;
  for (const doc of state.documents.values()) schedule(state, doc);
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  const doc: OpenDocument = {
    uri: textDocument.uri,
    languageId: textDocument.languageId,
    version: textDocument.version,
    session: state.newSession(textDocument.text, textDocument.uri),
    findings: [],
  };
  state.documents.set(doc.uri, doc);
  schedule(state, doc);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const doc = state.documents.get(textDocument.uri);
  if (!doc) return;
  doc.session.applyChanges(contentChanges);
  doc.version = textDocument.version;
  schedule(state, doc);
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  const doc = state.documents.get(textDocument.uri);
  if (doc?.timer) clearTimeout(doc.timer);
  state.documents.delete(textDocument.uri);
  state.forgetSettings(textDocument.uri);
  void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.onCodeAction((params) => codeActions(state, params));
connection.onCodeActionResolve((action) => resolveCodeAction(state, action));
connection.onHover((params) => hover(state, params));
connection.onDocumentHighlight((params) => documentHighlights(state, params));
connection.onDocumentSymbol((params) => documentSymbols(state, params));
connection.onFoldingRanges((params) => foldingRanges(state, params));
installPreview(connection, state);

connection.listen();
