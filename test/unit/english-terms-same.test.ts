// The English term extraction (terms/english.ts: words found by hand, a bounded table of
// what each distinct word decides) must give exactly what the regular-expression version
// gave (test/support/english-terms-reference.ts): words, term lists (keys, spans, kinds,
// flags) on the seed, the samples, generated text and hostile lines.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { englishWords, extractTerms, termKeys, termList } from '../../server/src/core/terms/english';
import * as ref from '../support/english-terms-reference';
import { EN_FRAGMENTS, params } from '../support/hostile';
import { SEED } from '../support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

function same(line: string): void {
  assert.deepEqual(englishWords(line), ref.englishWords(line), line);
  for (const keep of [false, true]) {
    const a = termList(line, keep);
    const b = ref.termList(line, keep);
    assert.deepEqual(termKeys(a), termKeys(b), line);
    assert.deepEqual(Array.from(a.data), Array.from(b.data), line);
  }
  assert.deepEqual(extractTerms(line), ref.extractTerms(line), line);
}

const samples = path.join(__dirname, '..', '..', 'samples');

describe('English term extraction equals the regular-expression version', () => {
  it('on the seed and the samples, line by line', () => {
    const files = [SEED, ...fs.readdirSync(samples).map((f) => path.join(samples, f)).filter((f) => fs.statSync(f).isFile())];
    for (const f of files) for (const line of fs.readFileSync(f, 'utf8').split('\n')) same(line);
  });

  it('on generated documents', () => {
    for (const seed of [1, 5, 9]) for (const line of (generate(2000, seed) as { text: string }).text.split('\n')) same(line);
  });

  it('on hand-made edge cases (acronyms with dots, possessives, apostrophes, digits, underscores)', () => {
    for (const line of [
      'E.V.s and U.S. cars', 'The U.S.A.s_ fleet', 'U.S.s3 A.B.', 'A.B.C.D.s’ share', 'the E.V.’s range', 'Tesla’s and GM’s EVs',
      'LFPs LFP lfp NMCs', "don't won’t O'Neil O’Brien’s", '2GW 3Ah x2y B2B', 'Dr. Samm Gillard said.', '“Batteries are cheap,” she said.',
      'Institute of Technology', 'Mr. Gillard of the Harbour Authority', 'lithium-ion battery cells', 'a  double  space', '', ' ', 'A', 'Ab.', 'A.', 'A.B', 'a.b.c.',
      'news NEWS News Times times', 'Mr Gillard', 'ÉLAN café naïve résumé', 'ＡＢＣ full width', 'x\u0000y\u200bz', '\ud83d\ude00 emoji Batteries',
    ]) same(line);
  });

  it('on hostile lines', () => {
    const fragment = fc.constantFrom(...EN_FRAGMENTS);
    const noise = fc.string({ unit: 'binary', maxLength: 8 });
    const line = fc.array(fc.oneof(fragment, noise, fc.constantFrom(' ', '. ', "'", '’', 'A.', 's', '-', '_', '“', '”')), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(line, (l) => same(l)), params(400));
  });

  it('after the word table has been emptied (more distinct words than it holds)', () => {
    const words: string[] = [];
    for (let i = 0; i < 40000; i++) words.push('Zq' + i.toString(36) + 'ers');
    for (let i = 0; i < words.length; i += 20) same(words.slice(i, i + 20).join(' ') + ' the batteries of Samm Gillard.');
  });
});
