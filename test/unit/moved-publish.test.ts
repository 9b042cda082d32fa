// Enter (and other edits that add or remove lines) moves every finding below it: the
// server then writes their diagnostics from the JSON of the ones they moved from, with
// the line numbers shifted (core/moved.ts, lsp/wire.ts). What it publishes must be,
// byte for byte, what a fresh check of the new text publishes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentSession, Glossary, parseGlossary, RULES, type ContentChange, type Finding, type ReviewConfig } from '../../server/src/core';
import { movedFrom } from '../../server/src/core/moved';
import { toDiagnostic, toDiagnosticCached } from '../../server/src/lsp/diagnostics';
import { messageBytes, ShiftedDiagnostic, wireStats } from '../../server/src/lsp/wire';
import { ROOT, SEED } from '../support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

const uri = 'file:///tmp/moved.en-zh.txt';

function publish(findings: readonly Finding[], cached: boolean): Buffer {
  const diagnostics = findings.map((f) => (cached ? toDiagnosticCached(uri, f) : toDiagnostic(uri, f)));
  return Buffer.from(messageBytes({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } }));
}

/** The failing example of every rule's page, and the glossaries of the pages. */
function failingExamples(): { text: string; glossary: Glossary } {
  const texts: string[] = [];
  const tsv: string[] = [];
  for (const rule of RULES) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const m = /## Failing example[^\n]*\n[\s\S]*?```text\n([\s\S]*?)```/.exec(page);
    if (m) texts.push(m[1]);
    const g = /```glossary\n([\s\S]*?)```/.exec(page);
    if (g) tsv.push(g[1]);
  }
  return { text: texts.join('\n'), glossary: new Glossary(parseGlossary(tsv.join('\n'), 'tsv').entries) };
}

describe('publishing moved findings', () => {
  const seed = fs.readFileSync(SEED, 'utf8');
  const examples = failingExamples();
  const config: ReviewConfig = { order: 'auto', rules: Object.fromEntries(RULES.map((r) => [r.id, 'warning' as const])), locale: 'en', options: {} };
  const env = { services: { glossary: examples.glossary } };
  // findings of every rule, below and above the edits: generated text (copies, untranslated English, variant terms …), every failing example, the seed
  const mixed = [
    examples.text,
    (generate(300) as { text: string }).text,
    'The lithium plant opened in March and will supply batteries to the grid.',
    '锂工厂于三月开业，计划向 the grid in the region and the city 供电。',
    examples.text,
    seed,
  ].join('\n');
  const session = (text: string) => new DocumentSession(text, { config, env });

  it('the text has findings of every rule', () => {
    const rules = new Set(session(mixed).check().findings.map((f) => f.ruleId));
    for (const r of RULES) assert.ok(rules.has(r.id), `no ${r.id} finding`);
  });

  /** Applies the edits one by one; after each, the findings and the published JSON equal a fresh check's. */
  function agrees(text: string, edits: readonly ContentChange[]): number {
    const s = session(text);
    publish(s.check().findings, true);
    let moved = 0;
    for (const e of edits) {
      s.applyChanges([e]);
      const r = s.check();
      moved += r.findings.filter((f) => movedFrom(f)).length;
      const fresh = session(s.doc.getText()).check().findings;
      assert.deepEqual(r.findings, fresh, `findings after ${JSON.stringify(e)}`);
      assert.ok(publish(r.findings, true).equals(publish(fresh, false)), `published JSON after ${JSON.stringify(e)}`);
    }
    return moved;
  }

  it('after Enter, deleted lines and pasted lines above findings of every rule', () => {
    const lines = mixed.split('\n').length;
    const at = (k: number) => Math.floor((lines * k) / 7);
    const written = wireStats.fromTemplate;
    const moved = agrees(mixed, [
      { range: { start: { line: at(1), character: 0 }, end: { line: at(1), character: 0 } }, text: '\n' },
      { range: { start: { line: at(2), character: 3 }, end: { line: at(2), character: 3 } }, text: '\n' },
      { range: { start: { line: at(1), character: 0 }, end: { line: at(1) + 1, character: 0 } }, text: '' },
      { range: { start: { line: at(3), character: 0 }, end: { line: at(3), character: 0 } }, text: '\n\n\n' },
      { range: { start: { line: at(3), character: 0 }, end: { line: at(3) + 2, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
      { range: { start: { line: at(5), character: 0 }, end: { line: at(5), character: 0 } }, text: 'A new line of English.\n新的一行中文。\n' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
    ]);
    assert.ok(moved > 0, 'findings were moved');
    assert.ok(wireStats.fromTemplate > written, 'moved diagnostics were written from templates');
  });

  it('a moved diagnostic reads and serialises as the plain diagnostic of its finding, after one Enter and after several', () => {
    const s = session(mixed);
    publish(s.check().findings, true);
    let shifted = 0;
    for (let k = 0; k < 3; k++) {
      s.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      const findings = s.check().findings;
      const cached = findings.map((f) => toDiagnosticCached(uri, f));
      for (let i = 0; i < findings.length; i++) {
        const d = cached[i];
        if (!(d instanceof ShiftedDiagnostic)) continue;
        shifted++;
        const plain = toDiagnostic(uri, findings[i]);
        assert.equal(JSON.stringify(d), JSON.stringify(plain));
        assert.deepEqual({ range: d.range, severity: d.severity, code: d.code, codeDescription: d.codeDescription, source: d.source, message: d.message, data: d.data, relatedInformation: d.relatedInformation }, { relatedInformation: undefined, ...plain });
      }
      publish(findings, true);
    }
    assert.ok(shifted > 0, 'moved diagnostics were made');
  });

  it('moves findings of the pair and line rules, unpaired-line and untranslated', () => {
    const s = session(mixed);
    publish(s.check().findings, true);
    s.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const rules = new Set(s.check().findings.filter((f) => movedFrom(f)).map((f) => f.ruleId));
    for (const id of ['number-mismatch', 'date-mismatch', 'punctuation-width', 'cjk-latin-spacing', 'unpaired-line', 'untranslated']) assert.ok(rules.has(id), `${id} among ${[...rules]}`);
  });

  it('random Enter, line deletions and pastes anywhere: the same JSON as a fresh check', () => {
    const text = [examples.text, seed].join('\n');
    const lines = text.split('\n').length;
    const edit = fc.record({
      line: fc.integer({ min: 0, max: lines + 2 }),
      character: fc.integer({ min: 0, max: 40 }),
      kind: fc.constantFrom('enter', 'enter', 'delete', 'paste', 'char'),
      n: fc.integer({ min: 1, max: 3 }),
    }).map(({ line, character, kind, n }): ContentChange => {
      const at = { line, character };
      if (kind === 'delete') return { range: { start: { line, character: 0 }, end: { line: line + n, character: 0 } }, text: '' };
      if (kind === 'paste') return { range: { start: at, end: at }, text: 'It cost $4 billion.\n耗资40亿美元。\n'.repeat(n) };
      if (kind === 'char') return { range: { start: at, end: at }, text: '，' };
      return { range: { start: at, end: at }, text: '\n'.repeat(n) };
    });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => void agrees(text, edits)), { numRuns: 25, seed: 8 });
  });
});
