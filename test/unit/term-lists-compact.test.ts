// The per-line term data kept with every line record of a book is stored compactly
// (terms/pool.ts, terms/chinese.ts): the lists must read back exactly what the plain
// form held, in both forms of a CandidateList's spans, kept or not.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CANDIDATE_TUNING, candidateCount, candidateEnd, candidateIsWord, candidateList, candidateIds, candidateStart, candidateTexts, chineseCandidates } from '../../server/src/core/terms/chinese';
import { extractTerms, termKeys, termList, termsOf } from '../../server/src/core/terms/english';
import { pooledInt32 } from '../../server/src/core/terms/pool';
import * as ref from '../support/english-terms-reference';
import { LineRec, ReviewDocument } from '../../server/src/core/document';
import { SEED } from '../support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

const lines = (): string[] => [...fs.readFileSync(SEED, 'utf8').split('\n'), ...(generate(300, 9) as { text: string }).text.split('\n')];

describe('compact term lists', () => {
  it('a CandidateList reads the same in its one-number and two-number forms, kept or not', () => {
    const saved = CANDIDATE_TUNING.packedStart;
    try {
      for (const line of lines()) {
        const kept = candidateList(line);
        const own = candidateList(line, false);
        CANDIDATE_TUNING.packedStart = 3; // most lines take the two-number form
        const wide = candidateList(line);
        const wideObjects = chineseCandidates(line);
        CANDIDATE_TUNING.packedStart = saved;
        assert.deepEqual(wideObjects, chineseCandidates(line));
        for (const l of [kept, own, wide]) {
          assert.deepEqual(candidateTexts(l), candidateTexts(kept));
          assert.deepEqual(candidateIds(l), candidateIds(kept));
          for (let i = 0; i < candidateCount(l); i++) {
            const c = wideObjects[i];
            assert.deepEqual([candidateStart(l, i), candidateEnd(l, i), candidateIsWord(l, i)], [c.start, c.end, c.word]);
            assert.equal(line.slice(c.start, c.end), c.text);
          }
        }
      }
    } finally {
      CANDIDATE_TUNING.packedStart = saved;
    }
  });

  it('a kept TermList holds what a list of its own holds', () => {
    for (const line of lines()) {
      const kept = termList(line);
      const own = termList(line, false);
      assert.deepEqual(termKeys(kept), termKeys(own));
      assert.deepEqual([...kept.data], [...own.data]);
      assert.deepEqual(termsOf(kept, line), extractTerms(line));
    }
  });

  it('pooled arrays are independent copies, long ones get a buffer of their own', () => {
    const a = pooledInt32([1, 2, 3]);
    const b = pooledInt32([4, 5]);
    assert.deepEqual([...a, ...b], [1, 2, 3, 4, 5]);
    b[0] = 9;
    assert.deepEqual([...a], [1, 2, 3]);
    const long = Array.from({ length: 5000 }, (_, i) => i);
    assert.deepEqual([...pooledInt32(long)], long);
    assert.equal(pooledInt32([]).length, 0);
    // many lists: they cross chunk boundaries intact
    const lists = Array.from({ length: 3000 }, (_, i) => Array.from({ length: (i % 37) + 1 }, (_, k) => i * 100 + k));
    const pooled = lists.map(pooledInt32);
    for (let i = 0; i < lists.length; i++) assert.deepEqual([...pooled[i]], lists[i]);
  });
});

describe('line records kept compactly', () => {
  it('lines prepared for the server hold the same text in strings of their own', () => {
    const text = fs.readFileSync(SEED, 'utf8') + '\r\nA short line\rLast line without an end, long enough to be copied';
    const doc = new ReviewDocument(text);
    const before = doc.lines.map((r) => r.text);
    const steps = doc.prepareInSlices(() => true);
    while (!steps.next().done);
    assert.deepEqual(
      doc.lines.map((r) => r.text),
      before,
    );
    assert.equal(doc.getText(), text);
  });

  it('16-bit numbers for the lists of short lines, 32-bit ones (the same reading) for long lines', () => {
    const zh = fs.readFileSync(SEED, 'utf8').split('\n').filter((l) => /[\u4e00-\u9fff]{20}/.test(l));
    const en = fs.readFileSync(SEED, 'utf8').split('\n').filter((l) => /^[A-Z][a-z]+ [a-z]+ .{40}/.test(l));
    assert.ok(zh.length > 3 && en.length > 3);
    const shortZh = candidateList(zh[0]);
    assert.ok(shortZh.data instanceof Uint16Array);
    const shortEn = termList(en[0]);
    assert.ok(shortEn.data instanceof Uint16Array);
    // a Chinese line past 2,048 characters (packed spans past 16 bits), an English one past 4,096
    const longZh = zh.join('');
    const longEn = en.join(' ');
    assert.ok(longZh.length > 2048 && longEn.length > 4096);
    for (const keep of [true, false]) {
      const l = candidateList(longZh, keep);
      assert.ok(l.data instanceof Int32Array);
      const objects = chineseCandidates(longZh);
      assert.equal(candidateCount(l), objects.length);
      assert.ok(candidateStart(l, objects.length - 1) > 2048);
      for (let i = 0; i < objects.length; i++) {
        const c = objects[i];
        assert.deepEqual([candidateStart(l, i), candidateEnd(l, i), candidateIsWord(l, i)], [c.start, c.end, c.word]);
        assert.equal(longZh.slice(c.start, c.end), c.text);
      }
      const t = termList(longEn, keep);
      assert.ok(t.data instanceof Int32Array);
      assert.deepEqual(termsOf(t, longEn), ref.extractTerms(longEn));
      assert.ok(termsOf(t, longEn).some((x) => x.start > 4096));
    }
  });

  it('memos: two in fields, more in a map, undefined values kept, each computed once', () => {
    const rec = new LineRec('some text', '\n');
    let calls = 0;
    const keys = ['a', 'b', 'c', 'd'];
    for (let round = 0; round < 2; round++)
      for (const k of keys) assert.equal(rec.memo(k, (t) => (calls++, k === 'c' ? undefined : `${k}:${t}`)), k === 'c' ? undefined : `${k}:some text`);
    assert.equal(calls, 4);
    assert.deepEqual(rec.memoKeys(), keys);
    // a memo computed while another is being computed on the same record
    const r2 = new LineRec('x', '');
    assert.equal(r2.memo('outer', () => r2.memo('inner', () => 1) + 1), 2);
    assert.equal(r2.memo('inner', () => 99), 1);
    assert.equal(r2.memo('outer', () => 99), 2);
  });
});
