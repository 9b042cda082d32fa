// Property tests over every rule of the registry (RULES), so rules added later are
// covered without touching this file: on hostile documents a rule never throws, every
// range it reports (finding, related, fix edit) lies inside the document on code point
// boundaries, the same text gives the same findings, and findings do not move when
// the document changes elsewhere. Hover/inspect and the outline are held to the same.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildOutline, DocumentSession, foldingRegions, inspectAt, RULES, type Finding, type ReviewConfig } from '../../../server/src/core';
import { anyDocArb, checkFinding, checkRange, configFor, linesOf, pairedDocArb, params, runRule, type RuleRun } from '../../support/hostile';

const configArb = fc.record({
  order: fc.constantFrom('auto', 'en-zh', 'zh-en') as fc.Arbitrary<ReviewConfig['order']>,
  locale: fc.constantFrom('en', 'zh-cn') as fc.Arbitrary<ReviewConfig['locale']>,
  options: fc.record({ showCorrectConversions: fc.boolean(), conversionTolerance: fc.constantFrom(0, 0.02, 0.1, 0.49) }),
});

/** Findings with line numbers shifted, and digits in messages blurred (a message may cite a line). */
function shape(fs: readonly Finding[], shift = 0, keep: (f: Finding) => boolean = () => true): string[] {
  const mv = (r: Finding['range']) => ({ start: { line: r.start.line + shift, character: r.start.character }, end: { line: r.end.line + shift, character: r.end.character } });
  return fs.filter(keep).map((f) =>
    JSON.stringify({
      ruleId: f.ruleId,
      severity: f.severity,
      range: mv(f.range),
      message: f.message.replace(/[0-9]+/g, '#'),
      related: f.related?.map((r) => ({ range: r.path ? r.range : mv(r.range), path: r.path })),
      fixes: f.fixes?.map((x) => ({ title: x.title.replace(/[0-9]+/g, '#'), edits: x.edits.map((e) => ({ range: mv(e.range), newText: e.newText })) })),
    }),
  );
}

function noErrors(run: RuleRun): void {
  assert.deepEqual(run.errors, [], run.errors.join('\n'));
}

const SEPARATOR = { 'en-zh': 'Separator line.\n分隔行。\n', 'zh-en': '分隔行。\nSeparator line.\n' } as const;

describe('property: every rule of the registry on hostile documents', () => {
  it('covers the whole registry', () => {
    assert.ok(RULES.length >= 7);
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('never throws; every range inside the document, on code point boundaries; deterministic', () => {
        fc.assert(
          fc.property(anyDocArb(16), configArb, (text, cfg) => {
            const config = configFor(rule, cfg);
            const a = runRule(rule, text, config);
            noErrors(a);
            const lines = linesOf(text);
            for (const f of a.findings) {
              assert.equal(f.ruleId, rule.id);
              checkFinding(lines, f);
            }
            const b = runRule(rule, text, config);
            assert.deepEqual(shape(b.findings), shape(a.findings));
            assert.deepEqual(JSON.stringify(b.findings), JSON.stringify(a.findings));
          }),
          params(120),
        );
      });

      it('findings move with blank lines inserted above and stay otherwise the same', () => {
        fc.assert(
          fc.property(anyDocArb(14), fc.integer({ min: 1, max: 3 }), fc.constantFrom('\n', '\r\n'), (text, k, eol) => {
            const a = runRule(rule, text);
            const b = runRule(rule, eol.repeat(k) + text);
            noErrors(a);
            noErrors(b);
            assert.deepEqual(shape(b.findings), shape(a.findings, k));
          }),
          params(80),
        );
      });

      if (rule.scope !== 'document') {
        it('findings of a part do not change when another part of the document changes', () => {
          const part = pairedDocArb(6).map((t) => t.replace(/^.*bilingual-review-.*$/gm, ''));
          fc.assert(
            fc.property(part, part, part, fc.constantFrom('en-zh', 'zh-en') as fc.Arbitrary<'en-zh' | 'zh-en'>, (a, a2, b, order) => {
              const sep = SEPARATOR[order];
              const config = configFor(rule, { order });
              const one = runRule(rule, a + sep + b, config);
              const two = runRule(rule, a2 + sep + b, config);
              noErrors(one);
              noErrors(two);
              const la = linesOf(a + sep).length - 1;
              const la2 = linesOf(a2 + sep).length - 1;
              // the part after the separator, whatever precedes it
              assert.deepEqual(shape(two.findings, 0, (f) => f.range.start.line >= la2), shape(one.findings, la2 - la, (f) => f.range.start.line >= la));
              // the part before it, whatever follows
              const three = runRule(rule, a + sep + a2, config);
              noErrors(three);
              assert.deepEqual(shape(three.findings, 0, (f) => f.range.start.line < la - 2), shape(one.findings, 0, (f) => f.range.start.line < la - 2));
            }),
            params(60),
          );
        });
      }

      it('hover (inspectAt) anywhere: no rule error, ranges inside the document', () => {
        fc.assert(
          fc.property(anyDocArb(12), fc.array(fc.tuple(fc.nat(20), fc.nat(200)), { minLength: 1, maxLength: 6 }), (text, spots) => {
            const run = runRule(rule, text);
            const lines = linesOf(text);
            for (const [l, c] of spots) {
              const line = l % lines.length;
              const r = inspectAt(run.session, { line, character: c });
              if (!r) continue;
              checkRange(lines, r.range, `inspect range at ${line}:${c}`);
              for (const h of r.highlights) checkRange(lines, h.range, `highlight at ${line}:${c}`);
              for (const s of r.sections) assert.equal(typeof s.markdown, 'string');
            }
            noErrors(run);
          }),
          params(60),
        );
      });
    });
  }

  it('outline and folding on hostile documents: no throw, ranges inside the document', () => {
    fc.assert(
      fc.property(anyDocArb(24), fc.constantFrom('en', 'zh-cn') as fc.Arbitrary<'en' | 'zh-cn'>, (text, locale) => {
        const session = new DocumentSession(text);
        const { model } = session.check();
        const lines = linesOf(text);
        const outline = buildOutline(model, locale);
        const walk = (nodes: typeof outline) => {
          for (const n of nodes) {
            checkRange(lines, n.range, `outline ${n.kind}`);
            checkRange(lines, n.selectionRange, `outline selection ${n.kind}`);
            walk(n.children);
          }
        };
        walk(outline);
        for (const f of foldingRegions(session.doc, outline)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length, JSON.stringify(f));
      }),
      params(200),
    );
  });
});
