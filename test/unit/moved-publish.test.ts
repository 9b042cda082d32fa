// Enter (and other edits that add or remove lines) moves every finding below it: the
// server then writes their diagnostics from the JSON of the ones they moved from, with
// the line numbers shifted (core/moved.ts, lsp/wire.ts). What it publishes must be,
// byte for byte, what a fresh check of the new text publishes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DocumentSession, type ContentChange, type Finding } from '../../server/src/core';
import { movedFrom } from '../../server/src/core/moved';
import { toDiagnostic, toDiagnosticCached } from '../../server/src/lsp/diagnostics';
import { messageBytes, wireStats } from '../../server/src/lsp/wire';
import { SEED } from '../support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

const uri = 'file:///tmp/moved.en-zh.txt';

function publish(findings: readonly Finding[], cached: boolean): Buffer {
  const diagnostics = findings.map((f) => (cached ? toDiagnosticCached(uri, f) : toDiagnostic(uri, f)));
  return Buffer.from(messageBytes({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 1, diagnostics } }));
}

function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? '';
}

describe('publishing moved findings', () => {
  const seed = fs.readFileSync(SEED, 'utf8');
  const generated = (generate(400) as { text: string }).text;
  // a document with findings of every rule that can move: pair and line rules, copies, untranslated English, unpaired lines, terms
  const mixed = [
    generated,
    'The harbour authority said the storage cost $4 billion in 2024.',
    '港务局表示，储能耗资40亿美元（2024年）.',
    '',
    'An untranslated caption',
    'Tesla said the site stores power for the city.',
    'Tesla said the site stores power for the city.',
    'The lithium plant opened in March and will supply batteries to the grid.',
    '锂工厂于三月开业，计划向 the grid in the region and the city 供电。',
    seed,
  ].join('\n');

  for (const [name, text] of [['the seed', seed], ['generated text with every kind of finding', mixed]] as const) {
    it(`after Enter, deletes and pastes of lines above findings: ${name}`, () => {
      const s = new DocumentSession(text, { config: { order: 'auto', rules: { 'cjk-latin-spacing': 'warning' }, locale: 'en', options: {} } });
      publish(s.check().findings, true);
      const lines = s.doc.lineCount;
      const at = (k: number) => Math.floor((lines * k) / 7);
      const edits: ContentChange[] = [
        { range: { start: { line: at(1), character: 0 }, end: { line: at(1), character: 0 } }, text: '\n' },
        { range: { start: { line: at(2), character: 3 }, end: { line: at(2), character: 3 } }, text: '\n' },
        { range: { start: { line: at(1), character: 0 }, end: { line: at(1) + 1, character: 0 } }, text: '' },
        { range: { start: { line: at(3), character: 0 }, end: { line: at(3), character: 0 } }, text: '\n\n\n' },
        { range: { start: { line: at(3), character: 0 }, end: { line: at(3) + 2, character: 0 } }, text: '' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
        { range: { start: { line: at(5), character: 0 }, end: { line: at(5), character: 0 } }, text: 'A new line of English.\n新的一行中文。\n' },
        { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
      ];
      let current = text;
      let moved = 0;
      const written = wireStats.fromTemplate;
      for (const e of edits) {
        s.applyChanges([e]);
        const r = s.check();
        moved += r.findings.filter((f) => movedFrom(f)).length;
        current = s.doc.getText();
        const fresh = new DocumentSession(current, { config: s.getConfig() }).check().findings;
        assert.deepEqual(r.findings, fresh, `findings after ${JSON.stringify(e)} at ${lineOf(current, e.range!.start.line)}`);
        assert.ok(publish(r.findings, true).equals(publish(fresh, false)), `published JSON after ${JSON.stringify(e)}`);
      }
      assert.ok(moved > 0, 'findings were moved');
      assert.ok(wireStats.fromTemplate > written, 'moved diagnostics were written from templates');
    });
  }

  it('moves findings of the pair and line rules, unpaired-line and untranslated', () => {
    const s = new DocumentSession(mixed);
    publish(s.check().findings, true);
    s.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const rules = new Set(s.check().findings.filter((f) => movedFrom(f)).map((f) => f.ruleId));
    for (const id of ['number-mismatch', 'date-mismatch', 'punctuation-width', 'unpaired-line', 'untranslated']) assert.ok(rules.has(id), `${id} among ${[...rules]}`);
  });
});
