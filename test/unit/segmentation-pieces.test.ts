// Chinese candidates are found by handing each line to Intl.Segmenter in pieces cut
// after punctuation (at most 256 characters). They must be exactly those of the
// earlier way, which segmented every stretch between two punctuation marks on its
// own (kept here as the reference), on real and generated text and on long lines.
// Candidates are built from the Han words and their adjacency only (anything else
// is a break), so the same Han words at the same offsets give the same candidates.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { chineseCandidates, segmentWords, type ZhCandidate } from '../../server/src/core/terms/chinese';
import { SEED } from '../support/paths';
import { generatePairs } from '../support/term-corpus';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

const seg = new Intl.Segmenter('zh', { granularity: 'word' });
const BREAK = /[\s，。；：！？、,.;:!?()（）“”"'‘’《》「」【】\[\]]/g;

/** The reference: every stretch between break characters segmented alone (long stretches in 256-character chunks). */
function* referenceSegments(text: string): Generator<{ segment: string; index: number; isWordLike: boolean }> {
  let from = 0;
  const emit = function* (start: number, end: number) {
    for (let a = start; a < end; ) {
      let b = Math.min(end, a + 256);
      if (b < end && b > a && text.charCodeAt(b - 1) >= 0xd800 && text.charCodeAt(b - 1) <= 0xdbff) b--;
      for (const s of seg.segment(text.slice(a, b))) yield { segment: s.segment, index: a + s.index, isWordLike: !!s.isWordLike };
      a = b;
    }
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    yield* emit(from, m.index);
    yield { segment: m[0], index: m.index, isWordLike: false };
    from = m.index + m[0].length;
  }
  yield* emit(from, text.length);
}

const hanWords = (it: Iterable<{ segment: string; index: number; isWordLike: boolean }>) =>
  [...it].filter((s) => s.isWordLike && /^[\u3400-\u9fff]+$/.test(s.segment)).map((s) => `${s.index}:${s.segment}`);
const show = (cs: ZhCandidate[]) => cs.map((c) => `${c.start}-${c.end}:${c.text}:${c.word ? 'w' : 'j'}`);

const seedLines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/).filter((l) => /[\u4e00-\u9fff]/.test(l));
const newsLines = (generate(300) as { pairs: { zh: string }[] }).pairs.map((p) => p.zh);
const corpusLines = generatePairs(200, 3).map((l) => l.zh);

describe('Chinese segmentation in pieces', () => {
  it('gives the same Han words and candidates as segmenting between punctuation (seed, news, term corpus)', () => {
    for (const line of [...seedLines, ...newsLines, ...corpusLines]) {
      assert.deepEqual(hanWords(segmentWords(line)), hanWords(referenceSegments(line)), line);
    }
  });

  it('the same on long lines: many sentences joined, long runs without punctuation, surrogate pairs', () => {
    const long = [
      newsLines.slice(0, 40).join(''),
      seedLines.join(''),
      '锂电池正极材料'.repeat(100) + '，' + newsLines[0],
      ('电池𠀀储能' + '，').repeat(120),
      'a'.repeat(600) + '电池储能' + ' '.repeat(300) + '港务局',
    ];
    for (const line of long) {
      assert.deepEqual(hanWords(segmentWords(line)), hanWords(referenceSegments(line)));
      for (const s of segmentWords(line)) assert.equal(line.slice(s.index, s.index + s.segment.length), s.segment);
    }
  });

  it('random lines built from news fragments and punctuation give the same candidates as the reference', () => {
    const fragments = [...new Set(newsLines.flatMap((l) => l.split(/[，。]/)).filter(Boolean))].slice(0, 200);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom('，', '。', '', ' ', '、', '𠀀')), { minLength: 1, maxLength: 60 }), (parts) => {
        const line = parts.map(([a, b]) => a + b).join('');
        assert.deepEqual(hanWords(segmentWords(line)), hanWords(referenceSegments(line)));
        const cs = chineseCandidates(line);
        for (const c of cs) assert.equal(line.slice(c.start, c.end), c.text);
      }),
      { numRuns: 200 },
    );
  });
});
