// Property tests of the per-line extractors (numbers in English and Chinese, English
// words and terms, Chinese word candidates): on any text they never throw, every span
// lies inside the line on code point boundaries, and the same text gives the same result.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractEnglish } from '../../../server/src/core/quantities/en';
import { extractChinese, chineseNumeralValue } from '../../../server/src/core/quantities/zh';
import type { Quantity } from '../../../server/src/core/quantities/types';
import { englishWords, extractTerms } from '../../../server/src/core/terms/english';
import { chineseCandidates, segmentWords } from '../../../server/src/core/terms/chinese';
import { classifyLine, countScripts } from '../../../server/src/core';
import { checkSpan, fragmentArb, lineArb, noiseArb, params } from '../../support/hostile';

/** A single line: realistic, garbage, or one long line of repeated fragments. */
const textArb = fc.oneof(
  { weight: 6, arbitrary: lineArb },
  { weight: 2, arbitrary: fc.array(fragmentArb, { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: noiseArb },
);

function checkQuantity(text: string, q: Quantity, what: string): void {
  checkSpan(text, q.start, q.end, `${what} quantity ${JSON.stringify(q.text)}`);
  checkSpan(text, q.numStart, q.numEnd, `${what} numeral of ${JSON.stringify(q.text)}`);
  assert.ok(q.start <= q.numStart && q.numEnd <= q.end, `${what}: numeral ${q.numStart}..${q.numEnd} outside quantity ${q.start}..${q.end} in ${JSON.stringify(text)}`);
  assert.equal(typeof q.value, 'number');
  assert.ok(!Number.isNaN(q.value), `${what}: NaN value for ${JSON.stringify(q.text)} in ${JSON.stringify(text)}`);
  if (q.date?.relative) checkSpan(text, q.date.relative.start, q.date.relative.end, `${what} relative qualifier`);
  if (q.increaseBy) checkSpan(text, q.increaseBy.verbStart, q.increaseBy.verbEnd, `${what} increase verb`);
  for (const alt of q.alts ?? []) checkQuantity(text, alt, `${what} alt`);
  JSON.stringify(q);
}

function deterministic<T>(f: (s: string) => T, text: string): T {
  const a = f(text);
  const b = f(text);
  assert.deepEqual(JSON.stringify(b), JSON.stringify(a), `not deterministic on ${JSON.stringify(text)}`);
  return a;
}

describe('property: extractors never throw, spans inside the line, deterministic', () => {
  it('English quantities (extractEnglish)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const q of deterministic(extractEnglish, text)) checkQuantity(text, q, 'en');
      }),
      params(400),
    );
  });

  it('Chinese quantities (extractChinese)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const q of deterministic(extractChinese, text)) checkQuantity(text, q, 'zh');
      }),
      params(400),
    );
  });

  it('Chinese numerals (chineseNumeralValue) give a number for any string', () => {
    const numeral = fc.array(fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿兆廿卅点负壹贰叁肆伍陆柒捌玖拾佰仟'.split(''), 'x', '１', '5'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(numeral, textArb), (s) => {
        const v = chineseNumeralValue(s);
        assert.equal(typeof v, 'number');
        assert.equal(chineseNumeralValue(s), v);
      }),
      params(400),
    );
  });

  it('English words and terms (englishWords, extractTerms)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const w of deterministic(englishWords, text)) {
          checkSpan(text, w.start, w.end, `word ${w.text}`);
          assert.equal(text.slice(w.start, w.end), w.text);
        }
        for (const t of deterministic(extractTerms, text)) {
          checkSpan(text, t.start, t.end, `term ${t.text}`);
          assert.ok(t.key.length > 0, `empty term key in ${JSON.stringify(text)}`);
        }
      }),
      params(400),
    );
  });

  it('Chinese candidates (segmentWords, chineseCandidates)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        let covered = 0;
        for (const s of segmentWords(text)) {
          assert.equal(s.index, covered, `segments leave a gap or overlap at ${s.index} in ${JSON.stringify(text)}`);
          assert.equal(text.slice(s.index, s.index + s.segment.length), s.segment);
          covered += s.segment.length;
        }
        assert.equal(covered, text.length);
        for (const c of deterministic(chineseCandidates, text)) {
          checkSpan(text, c.start, c.end, `candidate ${c.text}`);
          assert.equal(text.slice(c.start, c.end), c.text);
        }
      }),
      params(300),
    );
  });

  it('line classification (classifyLine, countScripts)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const k = deterministic(classifyLine, text);
        assert.ok(['en', 'zh', 'blank', 'other'].includes(k));
        const c = countScripts(text);
        for (const v of Object.values(c)) assert.ok(Number.isInteger(v) && v >= 0);
      }),
      params(400),
    );
  });
});
