// "Bilingual Review: Open Preview (to the Side)": a webview showing the document
// as two aligned columns, one row per pair. Editor glue only: the rows come from
// the server (bilingualReview/preview); the page (media/preview.js) draws them.
//
// - Live: an edit refreshes the preview after 150 ms of quiet, new diagnostics
//   refresh it too; each request carries a sequence number and an answer older
//   than the latest one asked for is dropped (here and in the page).
// - Scroll sync both ways without echo: the page swallows the scroll it made for
//   the editor (media/preview.js); here a reveal made for the page is remembered
//   by line, and the editor's visible-range event that lands there is swallowed.
// - Reload: the page keeps {uri, line, filter} in its webview state and the
//   serializer reopens the preview from it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { makeNonce, renderPreviewHtml, type PreviewLabels } from './html';
import { RequestSequencer, RevealGuard } from './sync';

export const PREVIEW_VIEW_TYPE = 'bilingualReview.preview';
const REQUEST = 'bilingualReview/preview';
const LANGUAGE_ID = 'bilingual';
const DEBOUNCE_MS = 150;
/** Rows per window: enough for several screens either way, small enough to render at once. */
const WINDOW_ROWS = 2000;

interface PreviewData {
  uri: string;
  version: number;
  checking: boolean;
  total: number;
  offset: number;
  rows: { line: number; cells: ({ line: number } | null)[] }[];
}

interface SavedState {
  uri?: string;
  line?: number;
  onlyFindings?: boolean;
  swapped?: boolean;
}

type FromPage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; start?: number; end?: number }
  | { type: 'revealLine'; line: number }
  | { type: 'window'; line: number }
  | { type: 'filter'; onlyFindings: boolean };

function labels(): PreviewLabels {
  return {
    title: vscode.l10n.t('Bilingual Review'),
    pairs: vscode.l10n.t('{0} pairs'),
    unpaired: vscode.l10n.t('{0} unpaired'),
    headings: vscode.l10n.t('{0} headings'),
    findings: vscode.l10n.t('{0} findings'),
    rowsWithFindings: vscode.l10n.t('{0} rows with findings'),
    onlyFindings: vscode.l10n.t('Only rows with findings'),
    noCounterpart: vscode.l10n.t('no counterpart'),
    checking: vscode.l10n.t('Checking…'),
    empty: vscode.l10n.t('No pairs in this document yet.'),
    noFindings: vscode.l10n.t('No findings.'),
    rowsAbove: vscode.l10n.t('{0} rows above: scroll up to load them'),
    rowsBelow: vscode.l10n.t('{0} rows below: scroll down to load them'),
    line: vscode.l10n.t('line {0}'),
    english: vscode.l10n.t('English'),
    chinese: vscode.l10n.t('Chinese'),
    swapColumns: vscode.l10n.t('Swap columns'),
    error: vscode.l10n.t('error'),
    warning: vscode.l10n.t('warning'),
    information: vscode.l10n.t('information'),
    hint: vscode.l10n.t('hint'),
  };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class PreviewPanel {
  private readonly seq = new RequestSequencer();
  private timer: NodeJS.Timeout | undefined;
  private last: PreviewData | undefined;
  private around = 0;
  private onlyFindings: boolean;
  /** Line the page should show after the next update (the editor scrolled outside the rows the page holds). */
  private pendingLine: number | undefined;
  /** A reveal made for the page: the editor's visible-range event that lands on its line is not sent back. */
  private readonly revealed = new RevealGuard();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly manager: PreviewManager,
    saved: SavedState,
  ) {
    this.onlyFindings = !!saved.onlyFindings;
    this.around = isNumber(saved.line) ? Math.floor(saved.line) : (this.editor()?.visibleRanges[0]?.start.line ?? 0);
    panel.title = vscode.l10n.t('Preview {0}', path.basename(uri.path));
    panel.iconPath = vscode.Uri.joinPath(manager.extensionUri, 'media', 'preview-icon.svg');
    panel.webview.options = manager.webviewOptions();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromPage) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.start(saved);
  }

  /** Sets the page's HTML (with a fresh nonce) once the first rows are known, or without them after a second. */
  private async start(saved: SavedState): Promise<void> {
    const seq = this.seq.next();
    const first = await Promise.race([this.request(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000))]);
    if (this.seq.isLatest(seq) && first) this.last = first;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.manager.extensionUri, 'media');
    webview.html = renderPreviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      nonce: makeNonce(),
      lang: vscode.env.language,
      state: {
        uri: this.uri.toString(),
        fileName: path.basename(this.uri.path),
        data: this.last ?? null,
        line: isNumber(saved.line) ? saved.line : this.editor()?.visibleRanges[0]?.start.line,
        onlyFindings: this.onlyFindings,
        swapped: !!saved.swapped,
        labels: labels(),
      },
    });
    if (!this.last) this.refresh(0);
  }

  private editor(): vscode.TextEditor | undefined {
    const key = this.uri.toString();
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  }

  private async request(): Promise<PreviewData | undefined> {
    const client = this.manager.getClient();
    if (!client) return undefined;
    try {
      const res = await client.sendRequest<PreviewData | null>(REQUEST, {
        uri: this.uri.toString(),
        around: this.around,
        limit: WINDOW_ROWS,
        onlyFindings: this.onlyFindings,
      });
      return res ?? undefined;
    } catch {
      return undefined; // the server is starting or restarting: the next edit or diagnostics refresh
    }
  }

  /** Asks for the rows after `delay` ms of quiet; an answer overtaken by a newer request is dropped. */
  refresh(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      const seq = this.seq.next();
      const data = await this.request();
      if (!data || !this.seq.isLatest(seq)) return;
      this.last = data;
      const line = this.pendingLine;
      this.pendingLine = undefined;
      void this.panel.webview.postMessage(line === undefined ? { type: 'update', seq, data } : { type: 'update', seq, data, line });
    }, delay);
  }

  /** First and last document line of the rows the page holds. */
  private windowLines(): { first: number; last: number; partial: boolean } | undefined {
    const d = this.last;
    if (!d || d.rows.length === 0) return undefined;
    const lastRow = d.rows[d.rows.length - 1];
    const lastLine = Math.max(lastRow.line, ...lastRow.cells.map((c) => c?.line ?? 0));
    return { first: d.rows[0].line, last: lastLine, partial: d.offset > 0 || d.offset + d.rows.length < d.total };
  }

  /** The editor scrolled: move the page (unless the editor scrolled because the page did). */
  onEditorScrolled(editor: vscode.TextEditor): void {
    const range = editor.visibleRanges[0];
    if (!range) return;
    const top = range.start.line;
    if (this.revealed.swallow(top)) return;
    const w = this.windowLines();
    if (w?.partial && (top < w.first || top > w.last)) {
      this.around = top;
      this.pendingLine = top;
      this.refresh(0);
      return;
    }
    void this.panel.webview.postMessage({ type: 'scrollToLine', line: top });
  }

  private async onMessage(m: FromPage): Promise<void> {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'ready':
        // The page may have been set up with older rows than the latest answer.
        // (No sequence number: the answer to a request still under way must not look stale to the page.)
        if (this.last) void this.panel.webview.postMessage({ type: 'update', data: this.last });
        break;
      case 'revealLine': {
        if (!isNumber(m.line)) return;
        this.around = Math.floor(m.line);
        const editor = this.editor();
        if (!editor) return;
        const line = Math.max(0, Math.min(editor.document.lineCount - 1, Math.floor(m.line)));
        this.revealed.mark(line);
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'reveal': {
        if (!isNumber(m.line)) return;
        const doc = await vscode.workspace.openTextDocument(this.uri);
        const line = Math.max(0, Math.min(doc.lineCount - 1, Math.floor(m.line)));
        const text = doc.lineAt(line).text;
        const start = isNumber(m.start) ? Math.max(0, Math.min(text.length, m.start)) : 0;
        const end = isNumber(m.end) ? Math.max(start, Math.min(text.length, m.end)) : text.length;
        const selection = new vscode.Selection(line, start, line, end);
        const editor = this.editor();
        const shown = await vscode.window.showTextDocument(doc, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
        shown.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        break;
      }
      case 'window':
        if (!isNumber(m.line)) return;
        this.around = Math.floor(m.line);
        this.refresh(0);
        break;
      case 'filter':
        // The page hides rows at once; a long document's window is asked again, filtered.
        this.onlyFindings = !!m.onlyFindings;
        this.refresh(0);
        break;
      default:
        break;
    }
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.seq.invalidate();
    for (const d of this.disposables) d.dispose();
    this.manager.forget(this);
  }
}

class PreviewManager implements vscode.WebviewPanelSerializer<SavedState> {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly getClient: () => LanguageClient | undefined,
  ) {}

  webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')], enableFindWidget: true };
  }

  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri instanceof vscode.Uri ? uri : editor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a bilingual document to preview it.'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    if (doc.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The preview shows bilingual documents. Run “Check This File” first.'));
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = this.panels.get(target.toString());
    if (existing) {
      existing.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview {0}', path.basename(target.path)), { viewColumn: column, preserveFocus: toSide }, this.webviewOptions());
    this.panels.set(target.toString(), new PreviewPanel(panel, target, this, {}));
  }

  /** Reopens a preview after a reload from the state its page saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: SavedState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    try {
      await vscode.workspace.openTextDocument(uri); // the server sees the document again
    } catch {
      panel.dispose(); // the file is gone
      return;
    }
    this.panels.get(uri.toString())?.panel.dispose();
    this.panels.set(uri.toString(), new PreviewPanel(panel, uri, this, state));
  }

  forget(p: PreviewPanel): void {
    if (this.panels.get(p.uri.toString()) === p) this.panels.delete(p.uri.toString());
  }

  panelFor(uri: vscode.Uri): PreviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  refreshAll(): void {
    for (const p of this.panels.values()) p.refresh(0);
  }
}

export function registerPreview(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const manager = new PreviewManager(context.extensionUri, getClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('bilingualReview.showPreviewToSide', (uri?: vscode.Uri) => manager.show(uri, true)),
    vscode.commands.registerCommand('bilingualReview.showPreview', (uri?: vscode.Uri) => manager.show(uri, false)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) manager.panelFor(e.document.uri)?.refresh();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) manager.panelFor(uri)?.refresh();
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => manager.panelFor(e.textEditor.document.uri)?.onEditorScrolled(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bilingualReview')) manager.refreshAll();
    }),
  );
}
