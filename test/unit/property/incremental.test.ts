// Incremental checking after hostile edits agrees with a fresh check of the new text:
// random edits (inside surrogate pairs, between CR and LF, past the end, reversed or
// negative ranges, whole-document replacements) with hostile text, every rule of the
// registry. The document's text must also equal the same edits applied to a plain string.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentSession, RULES, type ContentChange } from '../../../server/src/core';
import { anyDocArb, checkFinding, fragmentArb, GLOSSARY, lineArb, linesOf, params } from '../../support/hostile';

/** The reference: an LSP edit applied to a string, positions clamped as the core documents it. */
function applyToString(text: string, change: ContentChange): string {
  if (!change.range) return change.text;
  const lines = linesOf(text);
  const starts: number[] = [];
  const re = /\r\n|\r|\n/g;
  starts.push(0);
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  const off = (p: { line: number; character: number }): number => {
    if (p.line > lines.length - 1) return text.length;
    const line = Math.max(0, p.line);
    return starts[line] + Math.max(0, Math.min(p.character, lines[line].length));
  };
  const s = off(change.range.start);
  const e = off(change.range.end);
  if (e < s) return text; // reversed: ignored
  return text.slice(0, s) + change.text + text.slice(e);
}

const insertArb = fc.oneof(
  fc.constantFrom('', 'x', '\n', '\r', '\r\n', '\n\n', '。', '2', '\uD83D', '\uDE00', '😀', '\u0000', '\u202E', '\u200B', '\uFEFF'),
  fragmentArb,
  fc.array(fc.tuple(lineArb, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 4 }).map((ls) => ls.map(([l, e]) => l + e).join('')),
);

const editArb = fc.record({
  line: fc.integer({ min: -2, max: 40 }),
  char: fc.integer({ min: -2, max: 80 }),
  lines: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -1, max: 4 })),
  endChar: fc.integer({ min: -1, max: 80 }),
  text: insertArb,
  full: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  checkAfter: fc.boolean(),
});

describe('property: incremental checking after hostile edits equals a fresh check', () => {
  it('every rule, random edits: same text as a string edit, same findings as a new session', () => {
    fc.assert(
      fc.property(anyDocArb(16), fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('auto', 'en-zh', 'zh-en') as fc.Arbitrary<'auto' | 'en-zh' | 'zh-en'>, (text, edits, order) => {
        const errors: string[] = [];
        const env = { services: { glossary: GLOSSARY }, onRuleError: (id: string, e: unknown) => errors.push(`${id}: ${(e as Error)?.stack ?? e}`) };
        const config = { order, locale: 'en' as const, options: {}, rules: {} };
        const session = new DocumentSession(text, { config, env });
        session.check();
        let expected = text;
        for (const e of edits) {
          const change: ContentChange = e.full
            ? { text: e.text }
            : { range: { start: { line: e.line, character: e.char }, end: { line: e.line + e.lines, character: e.endChar } }, text: e.text };
          session.applyChanges([change]);
          expected = applyToString(expected, change);
          assert.equal(session.doc.getText(), expected, `text after ${JSON.stringify(change)}`);
          if (!e.checkAfter) continue;
          const inc = session.check().findings;
          const fresh = new DocumentSession(expected, { config, env }).check().findings;
          assert.deepEqual(JSON.stringify(inc), JSON.stringify(fresh), `findings after ${JSON.stringify(change)} on ${JSON.stringify(expected)}`);
          const lines = linesOf(expected);
          for (const f of inc) checkFinding(lines, f);
        }
        const inc = session.check().findings;
        const fresh = new DocumentSession(expected, { config, env }).check().findings;
        assert.deepEqual(JSON.stringify(inc), JSON.stringify(fresh));
        assert.deepEqual(errors, [], errors.join('\n'));
      }),
      params(150),
    );
  });

  it('checks interrupted by edits (sliced checking abandoned midway) end in the same findings', () => {
    fc.assert(
      fc.property(anyDocArb(20), fc.array(fc.tuple(editArb, fc.nat(3)), { minLength: 1, maxLength: 6 }), (text, edits) => {
        const session = new DocumentSession(text, { env: { services: { glossary: GLOSSARY } } });
        let expected = text;
        for (const [e, steps] of edits) {
          // start a sliced check, run a few slices (0 ms each), then edit under it
          const gen = session.checkInSlices(0);
          for (let i = 0; i < steps && !gen.next().done; i++);
          const change: ContentChange = { range: { start: { line: e.line, character: e.char }, end: { line: e.line + e.lines, character: e.endChar } }, text: e.text };
          session.applyChanges([change]);
          expected = applyToString(expected, change);
          gen.return(undefined);
        }
        assert.equal(session.doc.getText(), expected);
        assert.deepEqual(JSON.stringify(session.check().findings), JSON.stringify(new DocumentSession(expected, { env: { services: { glossary: GLOSSARY } } }).check().findings));
      }),
      params(100),
    );
  });
});
