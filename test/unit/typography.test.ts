// The typography and completeness rules on the seed article (issue 7's
// acceptance), their fix-all round trip, and their document-wide state kept
// right by delta across edits.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText, DocumentSession, fixAll, type Finding, type ReviewConfig } from '../../server/src/core';
import { halfWidthInChinese } from '../../server/src/core/rules/punctuation-width';
import { imbalances } from '../../server/src/core/rules/unbalanced-quotes';
import { latinRuns } from '../../server/src/core/rules/untranslated';
import { FIXTURES, ROOT, SEED } from '../support/paths';

const text = fs.readFileSync(SEED, 'utf8');
const lines = text.split('\n');
const config: ReviewConfig = { order: 'auto', rules: {}, locale: 'en', options: {} };
const of = (fs: readonly Finding[], id: string) => fs.filter((f) => f.ruleId === id);
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
const HAN = /[\u4e00-\u9fff]/;

describe('typography rules on the seed article', () => {
  const result = checkText(text, { config });
  const zhLines = new Set<number>();
  for (const p of result.model.pairs) zhLines.add(p.sourceLang === 'zh' ? p.source.line : p.target.line);
  for (const r of result.model.unpaired) if (r.kind === 'zh') zhLines.add(r.line);

  it('punctuation-width: one finding on each Chinese line with a half-width mark next to Chinese text, and nowhere else', () => {
    // An independent reading of "next to Chinese text": an ideograph or a closing/opening
    // curly quote right before or after the mark (the seed has no spaces around them).
    const expected = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => zhLines.has(i) && /[\u4e00-\u9fff“”][,:;?!()]|[,:;?!()][\u4e00-\u9fff“”]/.test(l))
      .map(({ i }) => i);
    const found = of(result.findings, 'punctuation-width');
    assert.deepEqual(
      found.map((f) => f.range.start.line),
      expected,
    );
    assert.ok(expected.length >= 40, `only ${expected.length} lines`);
    for (const f of found) {
      assert.ok(zhLines.has(f.range.start.line), `finding on a non-Chinese line ${f.range.start.line + 1}`);
      const line = lines[f.range.start.line];
      assert.ok(',:;?!()'.includes(line[f.range.start.character]), `range is not on a mark: ${line.slice(f.range.start.character, f.range.start.character + 3)}`);
      assert.equal(f.range.end.character - f.range.start.character, 1);
      assert.equal(f.severity, 'warning');
      // the message counts the marks the fix changes
      const n = f.fixes![0].edits.length;
      assert.equal(f.data?.count, n);
      if (n > 1) assert.match(f.message, new RegExp(`\\(${n} marks in this line\\)`));
      assert.ok(f.fixes![0].safe && f.fixes![0].isPreferred);
    }
    // no English line has one
    assert.ok(found.every((f) => HAN.test(lines[f.range.start.line])));
  });

  it('no untranslated, unbalanced-quotes or length-ratio finding at warning level (or at all)', () => {
    for (const id of ['untranslated', 'unbalanced-quotes', 'length-ratio']) {
      assert.deepEqual(of(result.findings, id).map((f) => `${f.range.start.line + 1} ${f.severity}: ${f.message}`), [], id);
    }
    // and the opt-in spacing rule says nothing while it is off
    assert.deepEqual(of(result.findings, 'cjk-latin-spacing'), []);
  });

  it('fix-all round trip: the re-check has no punctuation-width finding, and the text differs only in those marks', () => {
    const recheck = (t: string) => checkText(t, { config }).findings;
    const marks = of(result.findings, 'punctuation-width').reduce((n, f) => n + (f.data!.count as number), 0);
    for (const sel of [{ ruleId: 'punctuation-width' }, { safeOnly: true }]) {
      const r = fixAll(text, result.findings, recheck, sel);
      assert.equal(r.passes, 1, JSON.stringify(sel));
      assert.deepEqual(of(recheck(r.text), 'punctuation-width'), []);
      assert.equal(r.text.length, text.length);
      let changed = 0;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === r.text[i]) continue;
        changed++;
        assert.equal(r.text[i], FULL[text[i]], `offset ${i}: ${text[i]} became ${r.text[i]}`);
      }
      assert.equal(changed, marks);
      // the other rules' findings are the same after the fix (nothing else moved)
      const others = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId !== 'punctuation-width').map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`);
      assert.deepEqual(others(recheck(r.text)), others(result.findings));
    }
  });

  it('messages are bilingual', () => {
    const zh = checkText(text, { config: { ...config, locale: 'zh-cn' } });
    const f = of(zh.findings, 'punctuation-width')[0];
    assert.match(f.message, /^中文中使用了半角“,”，应为全角“，”（本行共 \d+ 处）$/);
    assert.match(f.fixes![0].title, /^本行改用全角标点（\d+ 处）$/);
  });
});

describe('typography rules: details', () => {
  it('punctuation-width replaces the spaces next to a half-width mark too, and keeps indentation', () => {
    assert.deepEqual(
      halfWidthInChinese('电池更安全 , 也更便宜').map((o) => [o.start, o.end, o.newText]),
      [[5, 8, '，']],
    );
    assert.deepEqual(halfWidthInChinese('  ,开头').map((o) => [o.start, o.end]), [[2, 3]]);
  });

  it('punctuation-width handles supplementary-plane ideographs (UTF-16 offsets)', () => {
    const line = '𠀀𠀁,𠀂';
    assert.deepEqual(halfWidthInChinese(line).map((o) => o.at), [4]);
  });

  it('unbalanced-quotes reports both marks written the wrong way round', () => {
    assert.deepEqual(imbalances('他称它为”老太太“。').map((b) => [b.mark, b.kind]), [['”', 'unopened'], ['“', 'unclosed']]);
  });

  it('untranslated: English prose, not names', () => {
    assert.equal(latinRuns('看守人说，旧灯将被送往the town museum of maritime history。').length, 1);
    assert.deepEqual(latinRuns('Burns & McDonnell, Inc.与Group14 Technologies签约。'), []);
    assert.deepEqual(latinRuns('报告引用了Foundation for Defense of Democracies的观点。'), []);
  });

  it('a copied source is reported once, by untranslated; unpaired-line keeps the source line (and both lines when untranslated is off)', () => {
    const doc = 'The yard will reopen as a park.\nThe yard will reopen as a park.\nThe cables run under the pier.\n电缆从码头下方穿过。\n';
    const where = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === 'unpaired-line' || f.ruleId === 'untranslated').map((f) => `${f.range.start.line}:${f.ruleId}`);
    assert.deepEqual(where(checkText(doc, { config }).findings), ['0:unpaired-line', '1:untranslated']);
    assert.deepEqual(where(checkText(doc, { config: { ...config, rules: { untranslated: 'off' } } }).findings), ['0:unpaired-line', '1:unpaired-line']);
  });

  it('the sample shows one of each: punctuation-width, unbalanced-quotes, untranslated and length-ratio (information)', () => {
    const sample = fs.readFileSync(path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt'), 'utf8');
    const found = checkText(sample, { config }).findings;
    for (const id of ['punctuation-width', 'unbalanced-quotes', 'untranslated', 'length-ratio']) assert.equal(of(found, id).length, 1, id);
    assert.equal(of(found, 'length-ratio')[0].severity, 'information');
  });
});

describe('document-wide typography rules stay right across edits (delta-updated state)', () => {
  const base = fs.readFileSync(path.join(FIXTURES, 'length-ratio', 'harbour.en-zh.txt'), 'utf8');
  const mine = (fs: readonly Finding[]) =>
    fs.filter((f) => f.ruleId === 'length-ratio' || f.ruleId === 'untranslated').map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} ${JSON.stringify(f.data ?? null)}`);

  it('after each of a sequence of edits, the session gives what a fresh check gives', () => {
    const s = new DocumentSession(base, { config });
    s.check();
    const docLines = () => s.doc.getText().split('\n');
    const edits: { line: number; from: number; to: number; text: string }[] = [];
    const ls = base.split('\n');
    const zhLine = ls.findIndex((l, i) => i > 10 && HAN.test(l) && !l.startsWith('<!--'));
    // truncate a translation, restore part of it, insert lines above, paste a copy of a source, delete it
    edits.push({ line: zhLine, from: 4, to: ls[zhLine].length, text: '。' });
    edits.push({ line: zhLine, from: 4, to: 5, text: '而且还有更多的内容被补了回来，' });
    edits.push({ line: 1, from: 0, to: 0, text: 'A new opening line of the harbour report for the board.\n港务局报告新的开篇。\n' });
    edits.push({ line: 3, from: 0, to: 0, text: 'The yard will reopen as a park in the summer.\nThe yard will reopen as a park in the summer.\n' });
    edits.push({ line: 4, from: 0, to: 46, text: '' });
    edits.push({ line: 8, from: 0, to: 0, text: '工程师们表示，新电池更安全，而且are cheaper to recycle than the old ones。\n' });
    for (const e of edits) {
      const cur = docLines();
      const line = Math.min(e.line, cur.length - 1);
      const to = Math.min(e.to, cur[line].length);
      s.applyChanges([{ range: { start: { line, character: Math.min(e.from, to) }, end: { line, character: to } }, text: e.text }]);
      const got = mine(s.check().findings);
      const fresh = mine(checkText(s.doc.getText(), { config }).findings);
      assert.deepEqual(got, fresh, JSON.stringify(e));
    }
    // the sequence did produce findings of both rules at some point
    assert.ok(mine(s.check().findings).length > 0);
  });

  it('length-ratio: a kept finding carries the typical ratio of the current check, not of the one that made it', () => {
    // lengthen and shorten translations one after another: the document's typical ratio
    // moves while the short pair's message (a rounded percentage) can stay the same
    const s = new DocumentSession(base, { config });
    s.check();
    let moved = false;
    let first: unknown;
    for (let i = 0, k = 0; i < base.split('\n').length && k < 12; i++) {
      const line = s.doc.getText().split('\n')[i];
      if (!HAN.test(line) || line.startsWith('<!--')) continue;
      k++;
      if (k % 2) s.applyChanges([{ range: { start: { line: i, character: 0 }, end: { line: i, character: 0 } }, text: '据悉，据悉，据悉，' }]);
      else s.applyChanges([{ range: { start: { line: i, character: 0 }, end: { line: i, character: Math.min(4, line.length) } }, text: '' }]);
      const got = mine(s.check().findings);
      assert.deepEqual(got, mine(checkText(s.doc.getText(), { config }).findings), `after editing line ${i}`);
      const typical = of(s.check().findings, 'length-ratio')[0]?.data?.typical;
      if (first === undefined) first = typical;
      else if (typical !== first) moved = true;
    }
    assert.ok(moved, 'the typical ratio moved during the edits');
  });

  it('length-ratio reuses its finding objects while nothing changes, and needs its minimum of pairs', () => {
    const s = new DocumentSession(base, { config });
    const a = of(s.check().findings, 'length-ratio');
    assert.ok(a.length >= 2);
    // an edit far from the findings: the same objects come back
    const ls = base.split('\n');
    const last = ls.length - 1;
    s.applyChanges([{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '' }]);
    s.applyChanges([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: 'T' }]);
    const b = of(s.check().findings, 'length-ratio');
    assert.equal(b.length, a.length);
    b.forEach((f, i) => assert.equal(f, a[i]));
    const small = fs.readFileSync(path.join(FIXTURES, 'length-ratio', 'small.en-zh.txt'), 'utf8');
    assert.deepEqual(of(checkText(small, { config }).findings, 'length-ratio'), []);
  });
});

describe('typography rules: random edits give what a fresh check gives', () => {
  // Long enough lines for length-ratio, with copies, half translations, prose left in Chinese and bad marks.
  const EN = [
    'The harbour board met on Monday to discuss the cost of the new sea wall.',
    'Engineers say the wall must rise by two metres to hold back winter storms.',
    'The fishing fleet has shrunk to a dozen boats over the past twenty years.',
    'A new cold store beside the market will keep the fish fresh for longer.',
  ];
  const ZH = [
    '港务局周一开会讨论新海堤的造价。',
    '工程师表示,海堤至少要加高两米才能抵御冬季风暴。',
    '过去二十年里，渔船队已缩减到十几条船。',
    '市场旁新建的冷库能让渔获保鲜更久。',
    '港务局表示。',
    '看守人说，旧灯将被送往the town museum of maritime history。',
    '冷库（位于市场旁将于明年启用。',
  ];
  const OTHER = ['', 'The board met. 港务局的成员们在周一开会讨论了新海堤的造价问题。', '<!-- note -->'];
  const lineArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EN) }, { weight: 5, arbitrary: fc.constantFrom(...ZH) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER) });
  const docArb = fc.array(fc.tuple(fc.constantFrom(...EN), fc.constantFrom(...ZH)), { minLength: 14, maxLength: 30 }).chain((pairs) =>
    fc.array(lineArb, { maxLength: 6 }).map((extra) => {
      const ls = pairs.flat();
      extra.forEach((l, i) => ls.splice((i * 7) % (ls.length + 1), 0, l));
      return ls.join('\n') + '\n';
    }),
  );
  const editArb = fc.record({
    line: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert-line', 'delete-line', 'duplicate-line', 'truncate', 'type'),
    text: lineArb,
  });
  const RULE_IDS = ['punctuation-width', 'unbalanced-quotes', 'untranslated', 'length-ratio', 'unpaired-line'];
  const shape = (fs: readonly Finding[]) => fs.filter((f) => RULE_IDS.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.message}`);

  it('after random edits', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (text, edits) => {
        const s = new DocumentSession(text, { config });
        s.check();
        for (const e of edits) {
          const n = s.doc.lineCount;
          const line = Math.min(n - 1, Math.floor(e.line * n));
          const cur = s.doc.lineText(line);
          const at = (l: number, c: number) => ({ line: l, character: c });
          const change =
            e.kind === 'insert-line'
              ? { range: { start: at(line, 0), end: at(line, 0) }, text: e.text + '\n' }
              : e.kind === 'delete-line'
                ? { range: { start: at(line, 0), end: line + 1 < n ? at(line + 1, 0) : at(line, cur.length) }, text: '' }
                : e.kind === 'duplicate-line'
                  ? { range: { start: at(line, 0), end: at(line, 0) }, text: cur + '\n' }
                  : e.kind === 'truncate'
                    ? { range: { start: at(line, Math.min(3, cur.length)), end: at(line, cur.length) }, text: '。' }
                    : { range: { start: at(line, Math.min(2, cur.length)), end: at(line, Math.min(2, cur.length)) }, text: ',' };
          s.applyChanges([change]);
          assert.deepEqual(shape(s.check().findings), shape(checkText(s.doc.getText(), { config }).findings));
        }
      }),
      { numRuns: 60 },
    );
  });
});
