// The CLI's threads segment Chinese lines for each other (server/src/cli/parallel.ts): one
// writes the segmenter's words of a line as numbers (writeSegments), the thread of
// term-inconsistency builds the line's candidates from them (candidateListFromSegments)
// without calling the segmenter. That must be exactly the list candidateList gives: same
// texts, same spans, same flags, on real, generated and hostile text. Numbers that are not
// the words of the line are refused (the caller then segments it itself).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { candidateList, candidateListFromSegments, candidateTexts, writeSegments, type CandidateList } from '../../server/src/core/terms/chinese';
import { ROOT, SEED } from '../support/paths';
import { generatePairs } from '../support/term-corpus';
import { fragmentArb, params, ZH_FRAGMENTS } from '../support/hostile';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

function viaSegments(text: string): CandidateList | undefined {
  // at an offset, with garbage before and after, as in a chunk of several lines
  const out = new Int32Array(text.length + 7).fill(-5);
  const end = writeSegments(text, out, 3);
  assert.ok(end - 3 <= text.length, 'no more words than characters');
  return candidateListFromSegments(text, out, 3, end);
}

function same(text: string): void {
  const a = candidateList(text);
  const b = viaSegments(text);
  assert.ok(b, `segments refused: ${JSON.stringify(text.slice(0, 80))}`);
  assert.deepEqual(candidateTexts(b), candidateTexts(a), JSON.stringify(text.slice(0, 80)));
  assert.deepEqual([...b.data], [...a.data], JSON.stringify(text.slice(0, 80)));
  assert.equal(b.n, a.n, JSON.stringify(text.slice(0, 80)));
}

const seedLines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/);
const sampleLines = fs
  .readdirSync(path.join(ROOT, 'samples'), { recursive: true, encoding: 'utf8' })
  .map((f) => path.join(ROOT, 'samples', f))
  .filter((f) => fs.statSync(f).isFile())
  .flatMap((f) => fs.readFileSync(f, 'utf8').split(/\r?\n/));
const newsLines = (generate(400, 7) as { pairs: { zh: string; en: string }[] }).pairs.flatMap((p) => [p.zh, p.en]);
const corpusLines = generatePairs(200, 3).map((l) => l.zh);

describe('Chinese candidates from segments found by another thread', () => {
  it('equal candidateList on the seed, the samples, generated news and the term corpus (every line, English ones too)', () => {
    for (const line of [...seedLines, ...sampleLines, ...newsLines, ...corpusLines]) same(line);
  });

  it('equal candidateList on long lines (> 256 characters), surrogate pairs, emoji, odd characters', () => {
    const zh = newsLines.filter((l) => /[\u4e00-\u9fff]/.test(l));
    const lines = [
      '',
      ' ',
      '电',
      '的',
      '电池',
      zh.slice(0, 40).join(''),
      seedLines.join(''),
      '锂电池正极材料'.repeat(100) + '，' + zh[0],
      ('电池𠀀储能' + '，').repeat(120),
      '𠀀'.repeat(300),
      '电池' + '\ud840'.repeat(5) + '储能' + '\udc00' + '港务局',
      'a'.repeat(600) + '电池储能' + ' '.repeat(300) + '港务局',
      '储能电池😀😀👩‍👩‍👧‍👦正极材料🇨🇳锂电池' .repeat(30),
      '电池\u0000储能\u200b港务局\ufeff正极\u0301材料',
      '豐田汽車與比亞迪合作開發電動車電池，並於廣州設廠。',
      '兀丁丂七丄丅丆万丈三上下丌不与丏丐丑丒专且丕世丗丘丙业丛东丝丞丟丠両丢丣两严並丧丨丩个丫丬中丮丯丰丱串丳临丵丶'.repeat(8),
      'IBM和Tesla的电池储能系统2025年装机量达到120GWh，同比增长35%。',
    ];
    for (const line of lines) same(line);
  });

  it('equal candidateList on random hostile lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragmentArb, fc.constantFrom(...ZH_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 0, maxLength: 40 }), (parts) => {
        same(parts.join(''));
      }),
      params(300),
    );
  });

  it('refuses numbers that are not the words of the line', () => {
    const text = '锂电池正极材料的价格';
    const out = new Int32Array(text.length + 2);
    const end = writeSegments(text, out, 0);
    assert.ok(candidateListFromSegments(text, out, 0, end));
    // another line of another length, one word too few or too many, a range past the array
    assert.equal(candidateListFromSegments(text + '。', out, 0, end), undefined);
    assert.equal(candidateListFromSegments(text, out, 0, end - 1), undefined);
    assert.equal(candidateListFromSegments(text, out, 0, end + 1), undefined);
    assert.equal(candidateListFromSegments(text, out, 0, out.length + 1), undefined);
    // words that do not advance
    const bad = Int32Array.from([4, 4, text.length * 2]);
    assert.equal(candidateListFromSegments(text, bad, 0, 3), undefined);
    // and the list after a refusal is still right
    same(text);
  });
});
