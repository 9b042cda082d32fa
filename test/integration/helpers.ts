// Shared helpers for the integration suite (runs inside a real VS Code
// extension host: code-server here, VS Code through @vscode/test-electron).
// Every wait is bounded and its timeout message says what it was waiting for.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEED = path.resolve(ROOT, '..', 'shared', 'seeds', '000_8a6ed06ea1bff06e.txt');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const EXTENSION_ID = 'bilingual-review.bilingual-review';

/** The workspace the runner opened (a temp folder: seed.txt and samples/, see test/e2e/harness/languagePack.ts). */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (the runner opens a temp copy of samples/)');
  return folder.uri.fsPath;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function summary(diags: readonly vscode.Diagnostic[]): string {
  return `${diags.length} diagnostics [${diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(typeof d.code === 'object' ? d.code.value : d.code)}`).join(', ')}]`;
}

/** Resolves with the diagnostics of `uri` once `ok` accepts them; driven by onDidChangeDiagnostics, bounded. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: readonly vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = (): void => {
      if (done) return;
      const diags = vscode.languages.getDiagnostics(uri);
      if (!ok(diags)) return;
      done = true;
      cleanup();
      resolve(diags);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; last: ${summary(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    function cleanup(): void {
      sub.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Polls `get` until it returns a truthy value (for state the API has no event for), bounded. */
export async function waitFor<T>(get: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * The quick fixes VS Code offers for a finding of `ruleId` on `uri`. Asked again until
 * some arrive, with the diagnostics read afresh each time: a document closed by the
 * previous test can still be closing (its diagnostics cleared a moment after this test
 * saw them), and the editor sends the server the diagnostics it holds at the time.
 */
export async function quickFixesFor(uri: vscode.Uri, ruleId: string, timeoutMs = 10000): Promise<{ diag: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === ruleId), `a ${ruleId} finding`, timeoutMs);
  let last: string[] = [];
  try {
    return await waitFor(async () => {
      const diag = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === ruleId);
      if (!diag) return undefined;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      last = actions.map((a) => a.title);
      return actions.length ? { diag, actions } : undefined;
    }, `quick fixes for ${ruleId}`, timeoutMs, 100);
  } catch (e) {
    throw new Error(`${(e as Error).message}; last titles: [${last.join(' | ')}]; diagnostics: ${summary(vscode.languages.getDiagnostics(uri))}`);
  }
}

/** Opens a file of the workspace as a bilingual document and shows it. */
export async function openBilingual(file: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  if (doc.languageId !== 'bilingual') doc = await vscode.languages.setTextDocumentLanguage(doc, 'bilingual');
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

export interface CliFinding {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** What the CLI (same core, other shell) finds in a file: the reference the editor must agree with. */
export function cliFindings(file: string): CliFinding[] {
  // process.execPath is the extension host's runtime: Node in code-server, Electron in VS Code.
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 20000,
  });
  if (!r.stdout) throw new Error(`CLI gave no output (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).files[0].diagnostics;
}

export const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code ? d.code.value : d.code);
}

/** Text of every hover at a position, markdown and plain. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Updates a bilingualReview setting in the user settings and resolves once the server re-published. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('bilingualReview').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Closes every editor, so each test starts from a clean window. The editor may keep
 * their documents open for a while and close them later (seconds, not at once): a test
 * that asks the server about a document it reopened must not trust diagnostics it read
 * once (see quickFixesFor).
 */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
