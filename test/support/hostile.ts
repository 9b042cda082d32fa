// Generators of hostile bilingual text for the property suites (test/unit/property-*.test.ts)
// and `npm run fuzz`: realistic English and Chinese fragments (numbers, units, dates,
// Chinese numerals, quotes, punctuation, terms, suppression comments) mixed with garbage
// (lone and paired surrogates, combining marks, zero-width and bidi controls, NUL and
// other control characters, full-width forms, emoji, arbitrary code points).
//
// Budget: FUZZ_RUNS (cases per property; default small so `npm test` stays fast) and
// FUZZ_SEED (default fixed, so a failure in CI reproduces). `npm run fuzz` sets both.

import fc from 'fast-check';
import { DocumentSession, Glossary, isHighSurrogate, isLowSurrogate, type Finding, type Range, type ReviewConfig, type Rule } from '../../server/src/core';

export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261201;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;

/** fast-check parameters: `runs` cases in `npm test`, FUZZ_RUNS under `npm run fuzz`. */
export function params<T>(runs: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: RUNS ?? runs, endOnFailure: true };
}

/** True under `npm run fuzz` (long runs): tests may then use bigger inputs. */
export const FUZZING = RUNS !== undefined;

// ---- fragments ----------------------------------------------------------

export const EN_FRAGMENTS = [
  'The plant cost $4.5 billion in 2023.',
  'Output tripled',
  'about 25 lb (11.3 kg)',
  'It weighs 25 lb.',
  'last year',
  'on March 3, 2021',
  'in the 1990s',
  'by 20%',
  'a 1,200 km line',
  'half a million people',
  'E.V.s',
  'lithium iron phosphate',
  'Lithium Iron Phosphate',
  'the battery cell',
  'battery cells',
  'Dr. Mei Lin of the Hoover Institution',
  '“quoted words”',
  '"straight quotes"',
  "it's",
  'two-thirds',
  '3 in 10',
  'at 9:30 a.m.',
  '5 million tonnes',
  '-40 °F',
  '100 mph',
  '0.5 kWh',
  '1e9',
  '12,34,5',
  '1.2.3',
  '$',
  '%',
  '...',
  ' — ',
  'No.',
  'US$3bn',
  'twenty-one',
  'a dozen',
  'Q3 2024',
  'from 10 to 20 GW',
  '2015-2025',
  'doubled to 4',
  'fourfold',
  '<!-- bilingual-review-disable-next-pair number-mismatch -->',
  '<!-- bilingual-review-disable -->',
  '<!-- bilingual-review-enable -->',
  '# Heading',
];

export const ZH_FRAGMENTS = [
  '工厂耗资45亿美元。',
  '产量上涨了三倍',
  '约11.3公斤',
  '重25磅。',
  '去年',
  '2021年3月3日',
  '20世纪90年代',
  '增长了百分之二十',
  '一条1200公里的线路',
  '五十万人',
  '电动汽车',
  '磷酸铁锂',
  '电芯',
  '胡佛研究所的林梅博士',
  '“引号里的词”',
  '「直角引号」',
  '『书名』',
  '《书名号》',
  '三分之二',
  '十分之三',
  '上午9点半',
  '9点30分',
  '500万吨',
  '零下40华氏度',
  '每小时100英里',
  '0.5千瓦时',
  '两千',
  '一万二千三百四十五',
  '零点五',
  '几十',
  '数百万',
  '上百',
  '１２３４',
  '３月５日',
  '１０％',
  '，',
  '。',
  '！',
  '？',
  '；',
  '：',
  '、',
  '……',
  '——',
  '二〇二四年',
  '第三季度',
  '翻了一番',
  '四倍',
  '30亿',
  '亿',
  '万',
  '廿',
  '兆',
];

export const GARBAGE = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u00AD',
  '\u0301',
  'e\u0301',
  '\u0300\u0301\u0302\u0303',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFD',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uDC00\uD800',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇨🇳',
  '1️⃣',
  '𠀀',
  '𪚥',
  '𝟏𝟐𝟑',
  'ＡＢＣ',
  '１２３',
  '％',
  '＄',
  '．',
  '，',
  '\u3000',
  '\t',
  '  ',
  '\\',
  '`',
  '*',
  '_',
  '[x](y)',
  '<script>',
  '&amp;',
  '${x}',
  '{n}',
  '%s',
  '٣',
  '९',
  '١٢٣',
  'Ⅻ',
  '①',
  '½',
  '²',
  'İ',
  'ß',
  'ﬁ',
];

const CODE_POINT = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0x2fff }),
  fc.integer({ min: 0x3000, max: 0x9fff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.integer({ min: 0xe000, max: 0xffff }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
);

/** One UTF-16 unit or code point of any kind, lone surrogates included. */
const anyChar = CODE_POINT.map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c)));

/** Arbitrary text of any code points (lone surrogates included), without line breaks. */
export const noiseArb = fc
  .array(anyChar, { maxLength: 12 })
  .map((cs) => cs.join('').replace(/[\r\n]/g, ''));

/** A fragment: mostly realistic, sometimes garbage or random code points. */
export const fragmentArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...EN_FRAGMENTS) },
  { weight: 5, arbitrary: fc.constantFrom(...ZH_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...GARBAGE) },
  { weight: 1, arbitrary: noiseArb },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e12 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 2, arbitrary: fc.constant(' ') },
);

/** A line leaning English, leaning Chinese, or mixed, joined with or without spaces. */
export const lineArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EN_FRAGMENTS) }, { weight: 1, arbitrary: fragmentArb }), { maxLength: 5 }).map((a) => a.join(' ')) },
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ZH_FRAGMENTS) }, { weight: 1, arbitrary: fragmentArb }), { maxLength: 5 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(fragmentArb, { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '   ', '* * *', '<!-- note -->') },
);

export const eolArb = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r');

/** A document of up to `maxLines` lines with mixed line endings (last line with or without one). */
export function docArb(maxLines = 24): fc.Arbitrary<string> {
  return fc.array(fc.tuple(lineArb, eolArb), { maxLength: maxLines }).chain((ls) =>
    fc.boolean().map((trailing) => {
      const s = ls.map(([l, e]) => l + e).join('');
      return trailing || ls.length === 0 ? s : s.slice(0, s.length - ls[ls.length - 1][1].length);
    }),
  );
}

/**
 * Whole pairs that reach the rules' deeper paths: a term rendered in several ways
 * (term-inconsistency), right and wrong conversions, multipliers, dates.
 */
const TERM_RENDERINGS: [string, string[]][] = [
  ['cathode', ['正极', '阴极', '正电极']],
  ['anode', ['负极', '阳极']],
  ['battery cell', ['电芯', '电池单元', '电池芯']],
  ['substation', ['变电站', '变电所']],
  ['Halden Port', ['哈尔登港', '哈登港']],
];
const termPairArb = fc
  .tuple(fc.constantFrom(...TERM_RENDERINGS), fc.nat(), fc.constantFrom('The {t} was replaced.', 'Each {t} is tested twice.', 'Engineers checked the {t} again.', 'A new {t} arrived.'), fc.constantFrom('{z}被更换了。', '每个{z}测试两次。', '工程师再次检查了{z}。', '新的{z}到了。'))
  .map(([[en, zh], i, e, z]) => [e.replace('{t}', en), z.replace('{z}', zh[i % zh.length])] as [string, string]);
const PAIR_TEMPLATES: [string, string][] = [
  ['It weighs 25 lb.', '它重25公斤。'],
  ['It weighs 25 lb.', '它重11.3公斤。'],
  ['The road is 10 miles long.', '这条路长16公里。'],
  ['The road is 10 miles long.', '这条路长10公里。'],
  ['Output tripled.', '产量上涨了三倍。'],
  ['Prices doubled last year.', '价格在前年翻了一番。'],
  ['It opened on March 3, 2021.', '它于2021年3月4日开业。'],
  ['Sales rose 20% to $5 billion.', '销售额增长20%，达到50亿美元。'],
  ['Sales rose 20% to $5 billion.', '销售额增长30%，达到5亿美元。'],
  ['About 1.2 million people live there.', '约有一百二十万人住在那里。'],
  ['It is 100 °F outside.', '外面是38摄氏度。'],
  ['The tank holds 5 gallons.', '水箱能装5升。'],
  ['In the 1990s, 3 in 10 homes had one.', '在20世纪80年代，十分之三的家庭有一个。'],
];

/** A realistic-leaning interleaved document: mostly en/zh pairs, with noise lines between. */
export function pairedDocArb(maxPairs = 12): fc.Arbitrary<string> {
  const en = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EN_FRAGMENTS) }, { weight: 1, arbitrary: fragmentArb }), { minLength: 1, maxLength: 4 }).map((a) => a.join(' '));
  const zh = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ZH_FRAGMENTS) }, { weight: 1, arbitrary: fragmentArb }), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
  const garbled = fc.tuple(fc.constantFrom(...PAIR_TEMPLATES), fragmentArb, fc.nat(60), fc.boolean()).map(([[e, z], g, at, side]) =>
    side ? [e.slice(0, at % (e.length + 1)) + g + e.slice(at % (e.length + 1)), z] : [e, z.slice(0, at % (z.length + 1)) + g + z.slice(at % (z.length + 1))],
  );
  const templ = fc.oneof(termPairArb, fc.constantFrom(...PAIR_TEMPLATES), garbled).map(([e, z]) => `${e}\n${z}\n`);
  const unit = fc.oneof({ weight: 4, arbitrary: fc.tuple(en, zh).map(([e, z]) => `${e}\n${z}\n`) }, { weight: 4, arbitrary: templ }, { weight: 1, arbitrary: lineArb.map((l) => l + '\n') }, { weight: 1, arbitrary: fc.constant('\n') });
  return fc.array(unit, { maxLength: maxPairs }).map((u) => u.join(''));
}

/** Pairs repeating a few terms, rendered one way or another (with some noise in between). */
export function termDocArb(maxPairs = 10): fc.Arbitrary<string> {
  const unit = fc.oneof({ weight: 5, arbitrary: termPairArb.map(([e, z]) => `${e}\n${z}\n`) }, { weight: 1, arbitrary: lineArb.map((l) => l + '\n') }, { weight: 1, arbitrary: fc.constant('\n') });
  return fc.array(unit, { minLength: 2, maxLength: maxPairs }).map((u) => u.join(''));
}

/** Any of the kinds of document above. */
export function anyDocArb(size = 16): fc.Arbitrary<string> {
  return fc.oneof(docArb(size), pairedDocArb(Math.ceil(size / 2)), termDocArb(Math.ceil(size / 2)));
}

// ---- invariants -----------------------------------------------------------

/** Lines as the core splits them (LF, CRLF, lone CR). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Offset `o` of `s` lies on a UTF-16 code point boundary (not between a high and a low surrogate). */
export function onBoundary(s: string, o: number): boolean {
  if (o <= 0 || o >= s.length) return true;
  return !(isHighSurrogate(s.charCodeAt(o - 1)) && isLowSurrogate(s.charCodeAt(o)));
}

/** Asserts a span [start, end) of `s` is well formed. */
export function checkSpan(s: string, start: number, end: number, what: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw new Error(`${what}: non-integer span ${start}..${end}`);
  if (start < 0 || end > s.length || start > end) throw new Error(`${what}: span ${start}..${end} outside a line of ${s.length} units`);
  if (!onBoundary(s, start) || !onBoundary(s, end)) throw new Error(`${what}: span ${start}..${end} splits a surrogate pair in ${JSON.stringify(s)}`);
}

/** Asserts a document range is inside the document (lines) and on code point boundaries. */
export function checkRange(lines: readonly string[], r: Range, what: string): void {
  const { start, end } = r;
  if (start.line < 0 || end.line >= lines.length || start.line > end.line) throw new Error(`${what}: lines ${start.line}..${end.line} outside a document of ${lines.length} lines`);
  if (start.line === end.line && start.character > end.character) throw new Error(`${what}: reversed range ${JSON.stringify(r)}`);
  for (const [p, name] of [
    [start, 'start'],
    [end, 'end'],
  ] as const) {
    const s = lines[p.line];
    if (!Number.isInteger(p.character) || p.character < 0 || p.character > s.length) throw new Error(`${what}: ${name} ${JSON.stringify(p)} outside line ${p.line} (${s.length} units)`);
    if (!onBoundary(s, p.character)) throw new Error(`${what}: ${name} ${JSON.stringify(p)} splits a surrogate pair in ${JSON.stringify(s)}`);
  }
}

/** Asserts every range of a finding (its own, related, fix edits) is well formed. */
export function checkFinding(lines: readonly string[], f: Finding): void {
  const id = `${f.ruleId} ${JSON.stringify(f.message)}`;
  checkRange(lines, f.range, id);
  if (typeof f.message !== 'string' || f.message.length === 0) throw new Error(`${id}: empty message`);
  for (const r of f.related ?? []) if (!r.path) checkRange(lines, r.range, `${id} related`);
  for (const fix of f.fixes ?? []) for (const e of fix.edits) {
    checkRange(lines, e.range, `${id} fix "${fix.title}"`);
    if (typeof e.newText !== 'string') throw new Error(`${id}: fix without text`);
  }
  JSON.stringify(f.data); // must be serialisable (it goes over LSP)
}

/** Offset in `text` of a position (lines split like the core). */
export function offsetAt(text: string, line: number, character: number): number {
  const re = /\r\n|\r|\n/g;
  let off = 0;
  for (let l = 0; l < line; l++) {
    const m = re.exec(text);
    if (!m) return text.length;
    off = m.index + m[0].length;
  }
  return off + character;
}

// ---- running rules ---------------------------------------------------------

/** A glossary with ordinary and hostile entries, so glossary-term reaches its matching code. */
export const GLOSSARY = new Glossary([
  { en: 'battery cell', zh: ['电芯'], forbidden: ['电池单元'] },
  { en: 'lithium iron phosphate', zh: ['磷酸铁锂'], forbidden: ['LFP'] },
  { en: 'electric vehicle', zh: ['电动汽车'], forbidden: ['电车'] },
  { en: 'Hoover Institution', zh: ['胡佛研究所'], forbidden: [] },
  { en: 'plant', zh: ['工厂', '电厂'], forbidden: ['植物'] },
  { en: '😀 smile', zh: ['\uD800'], forbidden: [''] },
  { en: 'x', zh: [''], forbidden: ['', '\u0000'] },
  { en: '', zh: ['空'], forbidden: [] },
]);

export interface RuleRun {
  findings: Finding[];
  errors: string[];
  session: DocumentSession;
}

export function configFor(rule: Rule, extra: Partial<ReviewConfig> = {}): ReviewConfig {
  return { order: 'auto', locale: 'en', options: {}, ...extra, rules: { [rule.id]: 'warning' } };
}

/** Checks `text` with one rule (so a failure names it), recording rule errors. */
export function runRule(rule: Rule, text: string, config: ReviewConfig = configFor(rule)): RuleRun {
  const errors: string[] = [];
  const session = new DocumentSession(text, {
    rules: [rule],
    config,
    env: { services: { glossary: GLOSSARY }, onRuleError: (id, e) => errors.push(`${id}: ${(e as Error)?.stack ?? e}`) },
  });
  return { findings: session.check().findings, errors, session };
}

