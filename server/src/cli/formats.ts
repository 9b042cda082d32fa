// Output formats of the CLI: text (clickable path:line:col), JSON (a stable
// contract, version 1) and SARIF 2.1.0 for code-scanning tools.

import { RULES, ruleDocUrl, type Finding, type Severity } from '../core';

export interface FileReport {
  path: string;
  pairs: number;
  unpaired: number;
  findings: Finding[];
}

export function formatText(reports: FileReport[]): string {
  let out = '';
  for (const r of reports) {
    for (const f of r.findings) {
      out += `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId} ${f.message}\n`;
    }
  }
  return out;
}

export function formatJson(reports: FileReport[]): string {
  const doc = {
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      pairs: r.pairs,
      unpaired: r.unpaired,
      diagnostics: r.findings.map((f) => ({
        range: f.range,
        severity: f.severity,
        code: f.ruleId,
        message: f.message,
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], version: string, docsBase?: (id: string) => string): string {
  const helpUri = docsBase ?? ruleDocUrl;
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description.en },
    helpUri: helpUri(r.id),
    defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[r.defaultSeverity] },
    properties: { fixable: r.fixable },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const rep of reports) {
    for (const f of rep.findings) {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId) ?? -1,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(rep.path) },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bilingual-review', version, informationUri: 'https://github.com/bilingual-review/bilingual-review', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(p: string): string {
  if (p === '-') return 'stdin';
  return p
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}
