// The incremental machinery must give exactly what a full re-check gives:
// random documents, random edit sequences (typing, deleting, Enter, pasting
// several lines, replacing across lines, CR/CRLF), compared with a document
// built from scratch from the same text.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildModel, DocumentSession, pairDelta, ReviewDocument, RULES, type DocumentModel, type Finding, type Order } from '../../server/src/core';
import { checkMemoHolderCount, LineRec } from '../../server/src/core/document';
import * as fs from 'node:fs';
import { SEED } from '../support/paths';
import type { DocumentRule, LineRule, PairRule } from '../../server/src/core/rule';

const EN = ['The port spent $4 billion.', 'Ferries run every 20 minutes.', 'Photo by A. Lee.', 'It rained for 3 days.', 'Names like Halden stay.'];
const ZH = ['港口花费了40亿美元。', '渡轮每20分钟一班。', '雨下了3天。', '哈尔登这样的名字保留。', '新的一行。'];
const OTHER = ['', '   ', '* * *', '<!-- note -->', '2024', '𠀀 ok', '<!-- bilingual-review-disable-next-pair -->', '<!-- bilingual-review-disable number-mismatch -->', '<!-- bilingual-review-enable -->'];

const lineArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...EN) },
  { weight: 5, arbitrary: fc.constantFrom(...ZH) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER) },
);
const eolArb = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const docArb = fc.array(fc.tuple(lineArb, eolArb), { minLength: 0, maxLength: 60 }).map((ls) => ls.map(([l, e]) => l + e).join(''));

/** An edit as fractions of the document (resolved against its current size). */
const editArb = fc.record({
  line: fc.double({ min: 0, max: 1, noNaN: true }),
  char: fc.nat(40),
  span: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3)),
  endChar: fc.nat(40),
  text: fc.oneof(
    fc.constantFrom('x', '', '\n', '\r\n', '。', '2', 'A'),
    fc.constantFrom(...EN, ...ZH).map((t) => t + '\n'),
    fc.array(fc.tuple(lineArb, eolArb), { maxLength: 4 }).map((ls) => ls.map(([l, e]) => l + e).join('')),
  ),
  checkAfter: fc.boolean(),
});

function resolve(doc: ReviewDocument, e: { line: number; char: number; span: number; endChar: number; text: string }) {
  const last = doc.lineCount - 1;
  const line = Math.min(last, Math.floor(e.line * doc.lineCount));
  const endLine = Math.min(last, line + e.span);
  const start = { line, character: Math.min(e.char, doc.lineText(line).length) };
  let end = { line: endLine, character: Math.min(e.endChar, doc.lineText(endLine).length) };
  if (endLine === line && end.character < start.character) end = { ...start };
  return { range: { start, end }, text: e.text };
}

function shape(m: DocumentModel) {
  return {
    order: m.order,
    orderSource: m.orderSource,
    pairs: m.pairs.map((p) => [p.source.line, p.target.line, p.source.text, p.target.text]),
    unpaired: m.unpaired.map((r) => [r.line, r.text]),
    pairOfLine: Array.from({ length: m.pairOfLine.length }, (_, i) => (m.pairOfLine[i] ? m.pairOfLine[i]!.source.line : -1)),
  };
}

function findingShape(fs: readonly Finding[]) {
  return fs.map((f) => JSON.stringify(f));
}

const ORDERS: (Order | 'auto')[] = ['auto', 'en-zh', 'zh-en'];

describe('incremental model and findings', () => {
  it('the pairing after random edits equals a fresh pairing of the same text', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.constantFrom(...ORDERS), (text, edits, order) => {
        const doc = new ReviewDocument(text);
        doc.model({ order });
        for (const e of edits) {
          doc.applyChanges([resolve(doc, e)]);
          if (e.checkAfter) {
            const fresh = new ReviewDocument(doc.getText());
            assert.deepEqual(shape(doc.model({ order })), shape(buildModel(fresh.lines, { order })));
          }
        }
        const fresh = new ReviewDocument(doc.getText());
        assert.deepEqual(shape(doc.model({ order })), shape(buildModel(fresh.lines, { order })));
      }),
      { numRuns: 400 },
    );
  });

  it('several changes in one notification are paired as one window', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 2, maxLength: 5 }), (text, edits) => {
        const doc = new ReviewDocument(text);
        doc.model({ order: 'auto' });
        const scratch = new ReviewDocument(text);
        // resolve each change against the text as it is when that change applies (LSP semantics)
        const changes = edits.map((e) => {
          const c = resolve(scratch, e);
          scratch.applyChanges([c]);
          return c;
        });
        doc.applyChanges(changes);
        assert.equal(doc.getText(), scratch.getText());
        assert.deepEqual(shape(doc.model({ order: 'auto' })), shape(buildModel(new ReviewDocument(scratch.getText()).lines, { order: 'auto' })));
      }),
      { numRuns: 200 },
    );
  });

  it('findings after random edits equal a full check of the same text (cached findings moved with their lines)', () => {
    // A pair rule whose findings sit on both sides, with a related span and a fix.
    const probe: PairRule = {
      id: 'probe',
      scope: 'pair',
      defaultSeverity: 'information',
      fixable: true,
      description: { en: 'test', zh: '测试' },
      checkPair({ source, target }) {
        if (!/\d/.test(source.text + target.text)) return [];
        return [
          {
            span: { side: 'source', start: 0, end: 1 },
            message: `digits in ${source.text.length}`,
            related: [{ span: { side: 'target', start: 0, end: 1 }, message: 'counterpart' }],
            fixes: [{ title: 'fix', edits: [{ side: 'target', start: 0, end: 0, newText: '!' }] }],
          },
          { span: { side: 'target', start: 1, end: 2 }, message: 'second', data: { n: 1 } },
        ];
      },
    };
    const lineProbe: LineRule = {
      id: 'line-probe',
      scope: 'line',
      langs: ['zh', 'en'],
      defaultSeverity: 'hint',
      fixable: false,
      description: { en: 'test', zh: '测试' },
      checkLine({ rec }) {
        const i = rec.text.search(/[。0-9]/);
        return i < 0 ? [] : [{ span: { side: 'source', start: i, end: i + 1 }, message: `at ${i}` }];
      },
    };
    const rules = [probe, lineProbe, ...RULES];
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (text, edits) => {
        const s = new DocumentSession(text, { rules });
        s.check();
        for (const e of edits) {
          s.applyChanges([resolve(s.doc, e)]);
          if (e.checkAfter) assert.deepEqual(findingShape(s.check().findings), findingShape(new DocumentSession(s.doc.getText(), { rules }).check().findings));
        }
        assert.deepEqual(findingShape(s.check().findings), findingShape(new DocumentSession(s.doc.getText(), { rules }).check().findings));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the model arrays of an earlier check untouched (a caller may still hold it)', () => {
    const doc = new ReviewDocument('One 1.\n一1。\nTwo 2.\n二2。\nThree 3.\n三3。\n');
    const before = doc.model({ order: 'auto' });
    const snapshot = shape(before);
    doc.applyChanges([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Inserted.\n' }]);
    const after = doc.model({ order: 'auto' });
    assert.notEqual(after, before);
    assert.deepEqual(shape(before).pairs.map((p) => p[2]), snapshot.pairs.map((p) => p[2]));
    assert.equal(after.unpaired.length, 1);
    assert.equal(after.unpaired[0].text, 'Inserted.');
  });

  it('a large document re-pairs only near the edit (pairs far away keep their objects)', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Line ${i} about batteries.\n第${i}行关于电池。`).join('\n');
    const doc = new ReviewDocument(text);
    const before = doc.model({ order: 'auto' });
    doc.applyChanges([{ range: { start: { line: 5000, character: 3 }, end: { line: 5000, character: 3 } }, text: 'x' }]);
    const after = doc.model({ order: 'auto' });
    assert.equal(after.pairs.length, 3000);
    let same = 0;
    for (let i = 0; i < 3000; i++) if (after.pairs[i] === before.pairs[i]) same++;
    assert.equal(same, 2999);
    assert.equal(after.pairs[2500].source.text, 'Linxe 2500 about batteries.');
  });
});

describe('sliced checking', () => {
  const text = Array.from({ length: 1000 }, (_, i) => `Pair ${i} costs $${i} million.\n第${i}对花费${i}00万美元。`).join('\n') + '\nA caption.';
  const counting = (): PairRule & { calls: number } => ({
    id: 'probe',
    scope: 'pair',
    defaultSeverity: 'warning',
    fixable: false,
    description: { en: 'test', zh: '测试' },
    calls: 0,
    checkPair(this: { calls: number }, { target }) {
      this.calls++;
      return target.text.includes('7') ? [{ span: { side: 'target', start: 0, end: 1 }, message: 'seven' }] : [];
    },
  });

  it('yields between slices and ends with the same findings as check()', () => {
    const probe = counting();
    const s = new DocumentSession(text, { rules: [probe, ...RULES] });
    const steps = s.checkInSlices(0);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    assert.ok(yields >= 10, `expected the check to be cut into slices, got ${yields} yields`);
    assert.equal(probe.calls, 1000);
    const expected = new DocumentSession(text, { rules: [counting(), ...RULES] }).check().findings;
    assert.deepEqual(step.value!.findings.map((f) => JSON.stringify(f)), expected.map((f) => JSON.stringify(f)));
    assert.equal(s.check(), step.value, 'the finished sliced check is the current result');
  });

  it("prepares each pair for document rules in the slices, before checkDocument, and only the re-paired pairs after an edit", () => {
    const prepared: string[] = [];
    let yieldsWhilePreparing = 0;
    let checkedWith = -1;
    const docProbe: DocumentRule = {
      id: 'doc-probe',
      scope: 'document',
      defaultSeverity: 'information',
      fixable: false,
      description: { en: 'test', zh: '测试' },
      preparePair({ source }) {
        prepared.push(source.text);
      },
      checkDocument({ model }) {
        checkedWith = prepared.length;
        return model.pairs.length ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `${model.pairs.length} pairs` }] : [];
      },
    };
    const s = new DocumentSession(text, { rules: [docProbe, ...RULES] });
    const steps = s.checkInSlices(0);
    let step = steps.next();
    while (!step.done) {
      if (prepared.length > 0 && prepared.length < 1000) yieldsWhilePreparing++;
      step = steps.next();
    }
    assert.equal(prepared.length, 1000);
    assert.equal(checkedWith, 1000, 'every pair prepared before checkDocument');
    assert.ok(yieldsWhilePreparing >= 10, `expected the preparation to be cut into slices, got ${yieldsWhilePreparing} yields`);
    const expected = new DocumentSession(text, { rules: [docProbe, ...RULES] }).check().findings;
    assert.deepEqual(step.value!.findings.map((f) => JSON.stringify(f)), expected.map((f) => JSON.stringify(f)));
    // a keystroke in one pair: only that pair is prepared again
    prepared.length = 0;
    s.applyChanges([{ range: { start: { line: 500, character: 0 }, end: { line: 500, character: 0 } }, text: 'x' }]);
    const again = s.checkInSlices(0);
    while (!again.next().done);
    assert.deepEqual(prepared, [s.doc.lineText(500)]);
  });

  it('gives up when the document changes while suspended, and the next check reuses the work done', () => {
    const probe = counting();
    const s = new DocumentSession(text, { rules: [probe, ...RULES] });
    const steps = s.checkInSlices(0);
    for (let i = 0; i < 5; i++) assert.equal(steps.next().done, false);
    const done = probe.calls;
    assert.ok(done > 0 && done < 1000);
    s.applyChanges([{ range: { start: { line: 1998, character: 0 }, end: { line: 1998, character: 0 } }, text: 'x' }]);
    const r = steps.next();
    assert.equal(r.done, true);
    assert.equal(r.value, undefined);
    const after = s.check();
    assert.equal(after.stats.pairsChecked, 1000 - done, 'pairs checked before the edit are not checked again');
    assert.deepEqual(after.findings.map((f) => JSON.stringify(f)), new DocumentSession(s.doc.getText(), { rules: [counting(), ...RULES] }).check().findings.map((f) => JSON.stringify(f)));
  });

  it('gives up when the settings change while suspended', () => {
    const s = new DocumentSession(text, { rules: [counting(), ...RULES] });
    const steps = s.checkInSlices(0);
    steps.next();
    s.setConfig({ order: 'en-zh', rules: {}, locale: 'zh-cn', options: {} });
    let r = steps.next();
    while (!r.done) r = steps.next();
    assert.equal(r.value, undefined);
    assert.match(s.check().findings.find((f) => f.ruleId === 'unpaired-line')!.message, /英文行/);
  });
});

describe('pairs found clean (cached without an entry of their own)', () => {
  it('are checked again when the settings change', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const pairIds = RULES.filter((r) => r.scope === 'pair').map((r) => r.id);
    // one pair rule on (the others off), so that pairs are checked and most found clean
    const off = { order: 'auto' as const, rules: Object.fromEntries(pairIds.slice(1).map((id) => [id, 'off' as const])), locale: 'en' as const, options: {} };
    const on = { order: 'auto' as const, rules: {}, locale: 'en' as const, options: {} };
    const s = new DocumentSession(seed, { config: off });
    assert.equal(s.check().findings.filter((f) => pairIds.slice(1).includes(f.ruleId)).length, 0);
    s.setConfig(on);
    const fresh = new DocumentSession(seed, { config: on }).check().findings;
    assert.ok(fresh.some((f) => pairIds.slice(1).includes(f.ruleId)));
    assert.deepEqual(findingShape(s.check().findings), findingShape(fresh));
    s.setConfig(off);
    assert.deepEqual(findingShape(s.check().findings), findingShape(new DocumentSession(seed, { config: off }).check().findings));
  });
});

describe('findings spliced into the last list after a keystroke', () => {
  it('equal a fresh check, keystroke after keystroke, on the seed (every rule on)', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const text = [seed, '<!-- bilingual-review-disable number-mismatch -->', seed, '<!-- bilingual-review-enable -->', seed].join('\n');
    const rules = Object.fromEntries(RULES.map((r) => [r.id, 'warning' as const]));
    const config = { order: 'auto' as const, rules, locale: 'en' as const, options: {} };
    const s = new DocumentSession(text, { config });
    s.check();
    const rand = fc.sample(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200), fc.constantFrom('x', '9', ',', '“', '（', '', '', '3.5')), { numRuns: 24, seed: 8 });
    for (const [where, ch, t] of rand) {
      const line = Math.floor(where * s.doc.lineCount);
      const len = s.doc.lineText(line).length;
      const at = Math.min(ch, len);
      s.applyChanges([{ range: { start: { line, character: at }, end: { line, character: t || at >= len ? at : at + 1 } }, text: t }]);
      assert.deepEqual(findingShape(s.check().findings), findingShape(new DocumentSession(s.doc.getText(), { config }).check().findings), `after an edit of line ${line}`);
    }
  });
});

describe("memos of lifetime 'check'", () => {
  it('live until the check that computed them is done; lifetime line memos stay', () => {
    const rec = new LineRec('It cost $4 billion.', '\n');
    let calls = 0;
    const count = (t: string) => (calls++, t.length);
    assert.equal(rec.memo('probe.check', count, 'check'), 19);
    assert.equal(rec.memo('probe.check', count, 'check'), 19);
    assert.equal(rec.memo('probe.line', count), 19);
    assert.equal(calls, 2);
    assert.ok(checkMemoHolderCount() >= 1);
    new DocumentSession('One 1.\n一1。\n').check();
    assert.equal(checkMemoHolderCount(), 0, 'a completed check drops them');
    assert.equal(rec.memo('probe.line', count), 19);
    assert.equal(calls, 2, 'a line memo survives the check');
    assert.equal(rec.memo('probe.check', count, 'check'), 19);
    assert.equal(calls, 3, 'a check memo is computed again');
  });

  it('are dropped after every check and between slices, and an edit re-checks with them computed afresh (same findings)', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Pair ${i} costs $${i} million, "quoted (half.\n第${i}对花费${i % 7 ? i : i + 1}00万美元,“引号。`).join('\n');
    const s = new DocumentSession(text);
    const steps = s.checkInSlices(0);
    let step = steps.next();
    let maxHeld = 0;
    while (!step.done) {
      maxHeld = Math.max(maxHeld, checkMemoHolderCount());
      step = steps.next();
    }
    assert.equal(checkMemoHolderCount(), 0);
    assert.ok(maxHeld <= 4096 * 2 + 64, `held ${maxHeld} records between slices`);
    for (const [line, ch, t] of [[2000, 5, '9'], [2001, 3, ''], [10, 0, 'x']] as const) {
      s.applyChanges([{ range: { start: { line, character: ch }, end: { line, character: ch + (t ? 0 : 1) } }, text: t }]);
      const got = s.check().findings;
      assert.equal(checkMemoHolderCount(), 0);
      assert.deepEqual(findingShape(got), findingShape(new DocumentSession(s.doc.getText()).check().findings));
    }
  });
});

describe('pairDelta (for document rules with delta-updated indexes)', () => {
  it('an index kept from deltas equals one built from the current pairs, after random edits', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (text, edits) => {
        const doc = new ReviewDocument(text);
        const state = new Map<string, unknown>();
        const index = new Map<string, number>();
        const key = (p: { source: { text: string }; target: { text: string } }) => `${p.source.text}\u0000${p.target.text}`;
        const sync = () => {
          const model = doc.model({ order: 'auto' });
          const d = pairDelta(state, model);
          if (d.full) index.clear();
          for (const p of d.removed) {
            const n = (index.get(key(p)) ?? 0) - 1;
            if (n > 0) index.set(key(p), n);
            else index.delete(key(p));
          }
          for (const p of d.added) index.set(key(p), (index.get(key(p)) ?? 0) + 1);
          const expected = new Map<string, number>();
          for (const p of model.pairs) expected.set(key(p), (expected.get(key(p)) ?? 0) + 1);
          assert.deepEqual([...index].sort(), [...expected].sort());
        };
        sync();
        for (const e of edits) {
          doc.applyChanges([resolve(doc, e)]);
          if (e.checkAfter) sync();
        }
        sync();
      }),
      { numRuns: 300 },
    );
  });

  it('reports only the re-paired pairs after a keystroke', () => {
    const text = Array.from({ length: 500 }, (_, i) => `Line ${i}.\n第${i}行。`).join('\n');
    const doc = new ReviewDocument(text);
    const state = new Map<string, unknown>();
    assert.equal(pairDelta(state, doc.model({ order: 'auto' })).full, true);
    doc.applyChanges([{ range: { start: { line: 400, character: 2 }, end: { line: 400, character: 2 } }, text: 'x' }]);
    const d = pairDelta(state, doc.model({ order: 'auto' }));
    assert.equal(d.full, false);
    assert.deepEqual(d.removed.map((p) => p.source.text), ['Line 200.']);
    assert.deepEqual(d.added.map((p) => p.source.text), ['Lixne 200.']);
    const again = pairDelta(state, doc.model({ order: 'auto' }));
    assert.deepEqual([again.full, again.added.length, again.removed.length], [false, 0, 0]);
  });
});
