// Terminology in the language server: glossary discovery and loading, glossary
// errors published as diagnostics on the glossary file, the workspace term
// index (other bilingual files read from disk, updated by delta when a file
// changes), the "add to glossary" code action, and the bilingualReview/terms request.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ReviewDocument, type Finding, type Glossary, type Pair, type ReviewConfig } from '../core';
import { termIndexOf, type WorkspaceTermsService } from '../core/rules/term-inconsistency';
import type { ExternalPair } from '../core/terms/index';
import { combineGlossaries, discoverGlossaries, forgetGlossary, GLOSSARY_NAMES, tsvLine } from '../node/glossaries';
import { schedule } from './diagnostics';
import type { OpenDocument, ServerState } from './state';

const BILINGUAL_FILE = /(\.bilingual|\.en-zh\.txt|\.zh-en\.txt)$/i;
const MAX_WORKSPACE_FILES = 2000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The other bilingual files of one workspace folder, read from disk and kept paired. */
class WorkspaceFiles {
  private files = new Map<string, { mtime: number; pairs: ExternalPair[] }>();
  private scanned = false;
  private cache = new Map<string, ExternalPair[]>();

  constructor(readonly folder: string) {}

  private scan(): void {
    this.scanned = true;
    const stack = [this.folder];
    let count = 0;
    while (stack.length && count < MAX_WORKSPACE_FILES) {
      const dir = stack.pop()!;
      let list: fs.Dirent[];
      try {
        list = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const d of list) {
        if (d.name === 'node_modules' || (d.name.startsWith('.') && d.name !== '.bilingual')) continue;
        const p = path.join(dir, d.name);
        if (d.isDirectory()) stack.push(p);
        else if (d.isFile() && BILINGUAL_FILE.test(d.name)) {
          this.read(p);
          count++;
        }
      }
    }
  }

  /** (Re)reads one file; returns whether its pairs changed. */
  read(file: string): boolean {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return this.drop(file);
    }
    const old = this.files.get(file);
    if (old && old.mtime === st.mtimeMs) return false;
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return this.drop(file); // a FIFO would block the server
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return this.drop(file);
    }
    const model = new ReviewDocument(text).model({ order: 'auto' });
    this.files.set(file, { mtime: st.mtimeMs, pairs: model.pairs.map((pair: Pair) => ({ pair, path: file })) });
    this.cache.clear();
    return true;
  }

  drop(file: string): boolean {
    const had = this.files.delete(file);
    if (had) this.cache.clear();
    return had;
  }

  contains(file: string): boolean {
    const rel = path.relative(this.folder, file);
    return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  service(exclude: string | undefined): WorkspaceTermsService {
    return {
      externalPairs: () => {
        if (!this.scanned) this.scan();
        const key = exclude ?? '';
        let list = this.cache.get(key);
        if (!list) {
          list = [];
          for (const [file, f] of this.files) if (file !== exclude) for (const x of f.pairs) list.push(x);
          this.cache.set(key, list);
        }
        return list;
      },
    };
  }
}

export class TermsFeature {
  folders: string[] = [];
  private workspaces = new Map<string, WorkspaceFiles>();
  private workspaceServices = new Map<string, WorkspaceTermsService>();
  /** Glossary files with published error diagnostics. */
  private published = new Set<string>();
  private lastPublished = new Map<string, string>();
  /** Glossary files in use per open document (for the add-to-glossary action). */
  private glossaryFiles = new Map<string, string[]>();
  supportsCreate = false;
  supportsDocumentChanges = false;

  constructor(private readonly state: ServerState) {}

  get connection(): Connection {
    return this.state.connection;
  }

  folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      const rel = path.relative(f, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /** Before a check: the document's glossary and workspace index, as services of its session. */
  prepare(doc: OpenDocument, config: ReviewConfig): void {
    const file = uriToPath(doc.uri);
    const folder = file ? this.folderOf(file) : this.folders[0];
    const dirs = [...new Set([folder, file ? path.dirname(file) : undefined].filter((d): d is string => !!d))];
    const extra = Array.isArray(config.options.glossaries) ? (config.options.glossaries as unknown[]).filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
    const base = folder ?? (file ? path.dirname(file) : process.cwd());
    const files = [...extra.map((g) => path.resolve(base, g.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~'))), ...dirs.flatMap(discoverGlossaries)];
    const { glossary, loaded } = combineGlossaries(files);
    this.glossaryFiles.set(doc.uri, loaded.map((l) => l.path));
    for (const l of loaded) this.publishErrors(l.path, l.errors);

    const services = doc.session.env.services;
    let changed = false;
    if (services.glossary !== glossary) {
      if (glossary) services.glossary = glossary;
      else delete services.glossary;
      changed = true;
    }
    const wsOn = config.options.workspaceTerms === true && !!folder;
    const ws = wsOn ? this.workspaceService(folder!, file) : undefined;
    if (services.workspaceTerms !== ws) {
      if (ws) services.workspaceTerms = ws;
      else delete services.workspaceTerms;
      changed = true;
    }
    if (changed) doc.session.invalidate();
  }

  private workspaceService(folder: string, file: string | undefined): WorkspaceTermsService {
    let w = this.workspaces.get(folder);
    if (!w) this.workspaces.set(folder, (w = new WorkspaceFiles(folder)));
    const key = `${folder}\n${file ?? ''}`;
    let s = this.workspaceServices.get(key);
    if (!s) this.workspaceServices.set(key, (s = w.service(file)));
    return s;
  }

  private publishErrors(file: string, errors: { line: number; character?: number; message: string }[]): void {
    const uri = pathToFileURL(file).toString();
    if (errors.length === 0) {
      if (this.published.delete(file)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.lastPublished.delete(file);
      return;
    }
    // publish once per change of the errors, not on every check of a document
    const key = JSON.stringify(errors);
    if (this.lastPublished.get(file) === key) return;
    this.lastPublished.set(file, key);
    this.published.add(file);
    let lines: string[] = [];
    try {
      lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
    } catch {
      // unreadable: whole-line ranges of length 0
    }
    const diagnostics: Diagnostic[] = errors.map((e) => ({
      range: { start: { line: e.line, character: e.character ?? 0 }, end: { line: e.line, character: e.character !== undefined ? e.character + 1 : (lines[e.line]?.length ?? 0) } },
      severity: DiagnosticSeverity.Error,
      source: 'bilingual-review',
      code: 'glossary',
      message: e.message,
    }));
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** A glossary or a bilingual file changed on disk: reload it and re-check open documents. */
  onWatchedFiles(params: DidChangeWatchedFilesParams): boolean {
    let changed = false;
    for (const c of params.changes) {
      const file = uriToPath(c.uri);
      if (!file) continue;
      if (GLOSSARY_NAMES.includes(path.basename(file)) || /\.(tsv|csv|tbx)$/i.test(file)) {
        forgetGlossary(file);
        this.lastPublished.delete(file);
        if (c.type === FileChangeType.Deleted && this.published.delete(file)) void this.connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
        changed = true;
      }
      if (BILINGUAL_FILE.test(file)) {
        for (const w of this.workspaces.values()) {
          if (!w.contains(file)) continue;
          if (c.type === FileChangeType.Deleted ? w.drop(file) : w.read(file)) changed = true;
        }
      }
    }
    if (changed) for (const doc of this.state.documents.values()) doc.session.invalidate();
    return changed;
  }

  register(): void {
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.bilingual/glossary.{tsv,csv,tbx}' }, { globPattern: '**/*.{tsv,csv,tbx}' }, { globPattern: '**/*.{bilingual,en-zh.txt,zh-en.txt}' }],
    });
  }

  /** Where "add to glossary" writes: the first discovered or configured .tsv, else .bilingual/glossary.tsv of the workspace folder. */
  glossaryTarget(uri: string): string | undefined {
    const used = (this.glossaryFiles.get(uri) ?? []).find((f) => /\.tsv$/i.test(f));
    if (used) return used;
    const file = uriToPath(uri);
    const folder = file ? this.folderOf(file) : this.folders[0];
    const dir = folder ?? (file ? path.dirname(file) : undefined);
    return dir ? path.join(dir, '.bilingual', 'glossary.tsv') : undefined;
  }

  /** A WorkspaceEdit that creates the glossary if needed and appends "en<TAB>zh". */
  addToGlossaryEdit(uri: string, en: string, zh: string): WorkspaceEdit | undefined {
    const target = this.glossaryTarget(uri);
    if (!target) return undefined;
    const targetUri = pathToFileURL(target).toString();
    let existing: string | undefined;
    try {
      existing = fs.readFileSync(target, 'utf8');
    } catch {
      existing = undefined;
    }
    if (existing === undefined) {
      if (!this.supportsCreate) return undefined;
      return {
        documentChanges: [
          { kind: 'create', uri: targetUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: targetUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: tsvLine(en, zh, true) }] },
        ],
      };
    }
    const lines = existing.split(/\r\n|\r|\n/);
    const last = lines.length - 1;
    const pos = { line: last, character: lines[last].length };
    const newText = (lines[last] === '' ? '' : '\n') + tsvLine(en, zh, false);
    const edit = { range: { start: pos, end: pos }, newText };
    return this.supportsDocumentChanges ? { documentChanges: [{ textDocument: { uri: targetUri, version: null }, edits: [edit] }] } : { changes: { [targetUri]: [edit] } };
  }

  codeActions(uri: string, finding: Finding, diag: CodeAction['diagnostics']): CodeAction[] {
    if (finding.ruleId !== 'term-inconsistency') return [];
    const data = finding.data as { term?: string; key?: string; rendering?: string; preferred?: string } | undefined;
    if (!data?.key || !data.preferred) return [];
    const out: CodeAction[] = [];
    for (const zh of [data.preferred, data.rendering].filter((x): x is string => !!x)) {
      const edit = this.addToGlossaryEdit(uri, data.key, zh);
      if (!edit) continue;
      out.push({ title: this.state.locale === 'zh-cn' ? `将 ${data.key} → ${zh} 加入术语表` : `Add ${data.key} → ${zh} to the glossary`, kind: CodeActionKind.QuickFix, diagnostics: diag, edit });
    }
    return out;
  }

  /** bilingualReview/terms: every recurring term of the document with its renderings and counts. */
  async terms(uri: string): Promise<TermsResponse | null> {
    const doc = await this.state.session(uri);
    if (!doc) return null;
    doc.session.check();
    const state = doc.session.ruleState('term-inconsistency');
    const idx = termIndexOf(state);
    const glossary = doc.session.env.services.glossary as Glossary | undefined;
    const terms: TermInfo[] = idx
      .allTerms()
      .filter((t) => t.pairs >= 2)
      .map((t) => {
        const entry = glossary?.lookup(t.display);
        return {
          term: t.display,
          key: t.key,
          pairs: t.pairs,
          inconsistent: t.inconsistent,
          renderings: t.renderings.map((r) => ({
            text: r.text,
            count: r.uses.length,
            lines: r.uses.filter((u) => !u.entry.path).map((u) => u.entry.zh.line),
            files: [...new Set(r.uses.filter((u) => u.entry.path).map((u) => u.entry.path!))],
          })),
          glossary: entry ? { zh: entry.zh, forbidden: entry.forbidden } : undefined,
        };
      })
      .sort((a, b) => Number(b.inconsistent) - Number(a.inconsistent) || b.pairs - a.pairs || (a.key < b.key ? -1 : 1));
    return { uri, glossary: this.glossaryTarget(uri) ? pathToFileURL(this.glossaryTarget(uri)!).toString() : undefined, terms };
  }
}

export interface TermInfo {
  term: string;
  key: string;
  pairs: number;
  inconsistent: boolean;
  renderings: { text: string; count: number; lines: number[]; files: string[] }[];
  glossary?: { zh: string[]; forbidden: string[] };
}

export interface TermsResponse {
  uri: string;
  /** Where "add to glossary" writes. */
  glossary?: string;
  terms: TermInfo[];
}

/** Wires the terminology features into the server (one call from server.ts). */
export function installTerms(state: ServerState): { initialize(params: InitializeParams): void; initialized(): void } {
  const feature = new TermsFeature(state);
  const connection = state.connection;
  let watchDynamic = false;
  state.preparers.push((doc, config) => feature.prepare(doc, config));
  state.extraActions.push((uri, finding, diagnostics) => feature.codeActions(uri, finding, diagnostics));
  connection.onDidChangeWatchedFiles((params) => {
    if (feature.onWatchedFiles(params)) for (const doc of state.documents.values()) schedule(state, doc);
  });
  connection.onRequest('bilingualReview/terms', (params: { uri: string }) => feature.terms(params.uri));
  connection.onRequest('bilingualReview/addToGlossary', async (params: { uri: string; en: string; zh: string }) => {
    const edit = feature.addToGlossaryEdit(params.uri, params.en, params.zh);
    if (!edit) return { applied: false, reason: 'no workspace folder or the client cannot create files' };
    const res = await connection.workspace.applyEdit({ label: `Add ${params.en} → ${params.zh} to the glossary`, edit });
    return { applied: res.applied, glossary: feature.glossaryTarget(params.uri) };
  });
  return {
    initialize(params) {
      const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
      const root = params.rootUri ? uriToPath(params.rootUri) : undefined;
      feature.folders = folders.length ? folders : root ? [root] : [];
      const we = params.capabilities.workspace?.workspaceEdit;
      feature.supportsDocumentChanges = !!we?.documentChanges;
      feature.supportsCreate = !!we?.documentChanges && !!we.resourceOperations?.includes('create');
      watchDynamic = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    },
    initialized() {
      if (watchDynamic) feature.register();
    },
  };
}
