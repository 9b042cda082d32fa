// Checking one text for the CLI: the same call on the main thread (--jobs 1, or the
// main thread's share of a parallel run) and in a worker thread (parallel.ts).

import { DocumentSession, type DocumentModel, type Finding, type Glossary, type ReviewConfig, type Rule } from '../core';

/** What a report needs of a check: the output formats read only these fields of a finding. */
export interface CheckedFile {
  pairs: number;
  unpaired: number;
  findings: Finding[];
  /** Lines for stderr (a rule that threw), in the order they happened. */
  errors: string[];
}

export function ruleErrorLine(path: string, id: string, err: unknown): string {
  return `bilingual-review: internal error in rule ${id} on ${path}: ${(err as Error)?.message ?? err}\n`;
}

/**
 * Checks `text` with the given settings. `rules`: only these rules of the registry
 * (a share of a file split between threads); the settings stay the same, so a rule that
 * looks at another rule's setting (unpaired-line leaves untranslated's lines to it) behaves
 * as in a check with every rule. `prepare` runs once the document is paired, before the
 * rules (parallel.ts: the threads of a split file segment Chinese lines for each other).
 */
export function checkFile(
  text: string,
  path: string,
  config: ReviewConfig,
  glossary: Glossary | undefined,
  rules?: readonly Rule[],
  onError?: (line: string) => void,
  prepare?: (model: DocumentModel) => void,
): CheckedFile {
  const errors: string[] = [];
  const session = new DocumentSession(text, {
    config,
    ...(rules ? { rules } : {}),
    env: {
      path,
      services: glossary ? { glossary } : {},
      onRuleError: (id, err) => {
        const line = ruleErrorLine(path, id, err);
        if (onError) onError(line);
        else errors.push(line);
      },
    },
  });
  if (prepare) prepare(session.doc.model({ order: session.getConfig().order }));
  const result = session.check();
  return { pairs: result.model.pairs.length, unpaired: result.model.unpaired.length, findings: result.findings, errors };
}

/** A finding with only what the output formats print (cheaper to pass between threads). */
export function slim(f: Finding): Finding {
  return { ruleId: f.ruleId, severity: f.severity, range: f.range, message: f.message };
}
