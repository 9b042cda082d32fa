// A real JSON-RPC client for the bundled server over stdio, for protocol tests
// and the benchmark. No vscode involved: this is what any LSP editor does.

import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER } from './paths';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: any[];
}

export class LspTestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private waiters: { uri: string; pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  readonly latest = new Map<string, PublishedDiagnostics>();
  readonly logs: string[] = [];
  /** Answers to workspace/configuration requests: the bilingualReview section. */
  settings: Record<string, unknown> = {};

  constructor(serverPath = SERVER, args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.latest.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  /** `textDocument` / `workspace` add client capabilities (hierarchical symbols, code action resolve …). */
  async initialize(
    options: { locale?: string; configuration?: boolean; workspaceFolders?: string[]; textDocument?: Record<string, unknown>; workspace?: Record<string, unknown>; initializationOptions?: Record<string, unknown> } = {},
  ): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'en',
      capabilities: {
        workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true }, ...options.workspace },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true }, ...options.textDocument },
      },
      workspaceFolders: options.workspaceFolders ? options.workspaceFolders.map((f) => ({ uri: fileUri(f), name: f })) : null,
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for uri that satisfy pred (bounded by timeoutMs: a bound for a hung server, generous so that a loaded CI machine opening 20,000 pairs is not a failure). */
  waitForDiagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 60000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${this.logs.join('')}`)), timeoutMs);
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'bilingual', version = 1): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* the server may already be gone */
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
