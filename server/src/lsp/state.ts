// Server state shared by the LSP features: open documents, settings, locale.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import { DocumentSession, normalizeConfig, RULE_IDS, ruleDocUrl, type CheckResult, type Finding, type Locale, type ReviewConfig } from '../core';

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  session: DocumentSession;
  timer?: NodeJS.Timeout;
  /** Findings last published. */
  findings: Finding[];
}

/** Rule docs ship inside the extension; link to them on disk, so nothing needs the network. */
const docsDir = [path.resolve(__dirname, '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', '..', 'docs', 'rules')].find((d) =>
  fs.existsSync(d),
);

export function docUrl(id: string): string {
  return docsDir ? pathToFileURL(path.join(docsDir, `${id}.md`)).toString() : ruleDocUrl(id);
}

/** How long a check took: work done in its slices, and from its start to publishing (incl. requests served between slices). */
export interface CheckTiming {
  workMs: number;
  wallMs: number;
}

export class ServerState {
  readonly documents = new Map<string, OpenDocument>();
  locale: Locale = 'en';
  hasConfigurationCapability = false;
  /** What the client said it supports (Markdown hovers, hierarchical symbols, code action resolve …). */
  clientCapabilities: ClientCapabilities = {};
  globalSettings: unknown;
  private settingsCache = new Map<string, Promise<ReviewConfig>>();
  /** Hooks run before a document is checked (they set host services such as the glossary). */
  readonly preparers: ((doc: OpenDocument, config: ReviewConfig) => void)[] = [];
  /** Code actions beyond a finding's own fixes (e.g. "add to the glossary"). */
  readonly extraActions: ((uri: string, finding: Finding, diagnostics: Diagnostic[]) => CodeAction[])[] = [];
  /** Hooks run after a document's diagnostics were published (e.g. the bilingualReview/status notification). */
  readonly published: ((doc: OpenDocument, result: CheckResult, timing: CheckTiming) => void)[] = [];
  /** Hooks run once when a check has kept going for a while (a long document being opened). */
  readonly busy: ((doc: OpenDocument) => void)[] = [];
  /** initializationOptions the client sent. */
  initializationOptions: Record<string, unknown> = {};

  constructor(readonly connection: Connection) {}

  toConfig(raw: unknown): ReviewConfig {
    const { config, warnings } = normalizeConfig(raw, RULE_IDS);
    for (const w of warnings) this.connection.console.warn(w);
    if (!(raw as { locale?: unknown } | undefined)?.locale) config.locale = this.locale;
    return config;
  }

  /** Settings for a document (workspace/configuration, scoped to its URI), cached until they change. */
  getConfig(uri: string): Promise<ReviewConfig> {
    if (!this.hasConfigurationCapability) return Promise.resolve(this.toConfig(this.globalSettings));
    let p = this.settingsCache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'bilingualReview' }).then(
        (raw: unknown) => this.toConfig(raw),
        (e: unknown) => {
          this.connection.console.warn(`Could not read settings for ${uri}: ${e}. Using defaults.`);
          return this.toConfig(undefined);
        },
      );
      this.settingsCache.set(uri, p);
    }
    return p;
  }

  forgetSettings(uri?: string): void {
    if (uri) this.settingsCache.delete(uri);
    else this.settingsCache.clear();
  }

  newSession(text: string, uri: string): DocumentSession {
    return new DocumentSession(text, {
      env: {
        path: uri,
        services: {},
        onRuleError: (ruleId, error) =>
          this.connection.console.error(`Rule ${ruleId} failed on ${uri}: ${(error as Error)?.stack ?? String(error)}`),
      },
    });
  }

  /** The document's session with current settings applied. */
  async session(uri: string): Promise<OpenDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const config = await this.getConfig(uri);
    doc.session.setConfig(config);
    this.prepare(doc, config);
    return doc;
  }

  /** Runs hooks, logging (never throwing) their errors. */
  runHooks<A extends unknown[]>(hooks: readonly ((...args: A) => void)[], ...args: A): void {
    for (const h of hooks) {
      try {
        h(...args);
      } catch (e) {
        this.connection.console.error(`A hook failed: ${(e as Error)?.stack ?? e}`);
      }
    }
  }

  prepare(doc: OpenDocument, config: ReviewConfig): void {
    for (const p of this.preparers) {
      try {
        p(doc, config);
      } catch (e) {
        this.connection.console.error(`Preparing ${doc.uri} failed: ${(e as Error)?.stack ?? e}`);
      }
    }
  }
}
