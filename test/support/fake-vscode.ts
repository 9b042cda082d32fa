// Just enough of the `vscode` API for the preview manager's tests, recording what
// the extension does (panels, HTML, messages, reveals) and letting a test fire
// the editor's events. Installed as the module `vscode` by installFakeVscode().

import Module from 'node:module';

type Listener<T> = (e: T) => unknown;

export class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(s: string): Uri {
    const m = /^([a-z-]+):\/\/(.*)$/.exec(s);
    return new Uri(m ? m[1] : 'file', m ? m[2] : s);
  }
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
  get start() {
    return { line: this.startLine, character: this.startCharacter };
  }
}
export class Selection extends Range {}

export interface FakeWebview {
  html: string;
  options: unknown;
  cspSource: string;
  posted: any[];
  receive: Emitter<any>;
  onDidReceiveMessage: Emitter<any>['event'];
  postMessage(m: unknown): Promise<boolean>;
  asWebviewUri(u: Uri): Uri;
}

export interface FakePanel {
  viewType: string;
  title: string;
  iconPath?: unknown;
  webview: FakeWebview;
  disposed: Emitter<void>;
  onDidDispose: Emitter<void>['event'];
  reveal(): void;
  dispose(): void;
}

export function fakePanel(viewType: string): FakePanel {
  const receive = new Emitter<any>();
  const disposed = new Emitter<void>();
  const webview: FakeWebview = {
    html: '',
    options: undefined,
    cspSource: 'https://fake.vscode-cdn.test',
    posted: [],
    receive,
    onDidReceiveMessage: receive.event,
    postMessage: async (m) => {
      webview.posted.push(JSON.parse(JSON.stringify(m)));
      return true;
    },
    asWebviewUri: (u) => Uri.parse(`https://fake.vscode-cdn.test/${u.path}`),
  };
  const panel: FakePanel = {
    viewType,
    title: '',
    webview,
    disposed,
    onDidDispose: disposed.event,
    reveal: () => undefined,
    dispose: () => disposed.fire(),
  };
  return panel;
}

export interface FakeEditor {
  document: { uri: Uri; languageId: string; lineCount: number; lineAt(n: number): { text: string } };
  viewColumn: number;
  visibleRanges: Range[];
  reveals: { line: number; type: number }[];
  revealRange(r: Range, type: number): void;
}

export function fakeEditor(uri: Uri, text: string): FakeEditor {
  const lines = text.split('\n');
  const editor: FakeEditor = {
    document: { uri, languageId: 'bilingual', lineCount: lines.length, lineAt: (n) => ({ text: lines[n] ?? '' }) },
    viewColumn: 1,
    visibleRanges: [new Range(0, 0, 30, 0)],
    reveals: [],
    revealRange(r, type) {
      editor.reveals.push({ line: r.start.line, type });
    },
  };
  return editor;
}

/** The fake API and its recorders. */
export function createFakeVscode() {
  const commands = new Map<string, (...a: any[]) => unknown>();
  const serializers = new Map<string, any>();
  const panels: FakePanel[] = [];
  const events = {
    changeText: new Emitter<any>(),
    diagnostics: new Emitter<any>(),
    visibleRanges: new Emitter<any>(),
    configuration: new Emitter<any>(),
  };
  const api = {
    Uri,
    Range,
    Selection,
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    l10n: { t: (s: string, ...args: unknown[]) => s.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] === undefined ? m : String(args[Number(i)]))) },
    env: { language: 'en' },
    commands: {
      registerCommand: (id: string, fn: (...a: any[]) => unknown) => {
        commands.set(id, fn);
        return { dispose: () => commands.delete(id) };
      },
    },
    window: {
      activeTextEditor: undefined as FakeEditor | undefined,
      visibleTextEditors: [] as FakeEditor[],
      createWebviewPanel: (viewType: string, title: string, _show: unknown, options: unknown) => {
        const p = fakePanel(viewType);
        p.title = title;
        p.webview.options = options;
        panels.push(p);
        return p;
      },
      registerWebviewPanelSerializer: (viewType: string, s: unknown) => {
        serializers.set(viewType, s);
        return { dispose: () => undefined };
      },
      onDidChangeTextEditorVisibleRanges: events.visibleRanges.event,
      showInformationMessage: async () => undefined,
      showTextDocument: async (doc: any, opts: any) => {
        const e = api.window.visibleTextEditors.find((x) => x.document === doc) ?? api.window.visibleTextEditors[0];
        shown.push({ uri: doc.uri.toString(), selection: opts.selection });
        return e;
      },
    },
    workspace: {
      openTextDocument: async (uri: Uri) => {
        const e = api.window.visibleTextEditors.find((x) => x.document.uri.toString() === uri.toString());
        if (!e) throw new Error(`no such document ${uri}`);
        return e.document;
      },
      onDidChangeTextDocument: events.changeText.event,
      onDidChangeConfiguration: events.configuration.event,
    },
    languages: { onDidChangeDiagnostics: events.diagnostics.event },
  };
  const shown: { uri: string; selection: Selection }[] = [];
  return { api, commands, serializers, panels, events, shown };
}

/** Makes `require('vscode')` return `api` (for modules loaded after this call). */
export function installFakeVscode(api: unknown): () => void {
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return api;
    return original.call(this, request, ...rest);
  };
  return () => {
    M._load = original;
  };
}
