// The number rules on the seed article, hovers (inspect), property tests
// (another accepted form of the same value never creates a finding) and
// robustness (huge or malformed input never throws).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { checkText, defaultConfig, localize, ReviewDocument, pairInput, type Finding } from '../../server/src/core';
import type { PairRule, RuleContext } from '../../server/src/core/rule';
import { extractEnglish } from '../../server/src/core/quantities/en';
import { extractChinese, chineseNumeralValue } from '../../server/src/core/quantities/zh';
import { withCommas, zhNumeral } from '../../server/src/core/quantities/format';
import { convert } from '../../server/src/core/quantities/units';
import { numberMismatch } from '../../server/src/core/rules/number-mismatch';
import { unitConversion } from '../../server/src/core/rules/unit-conversion';
import { dateMismatch } from '../../server/src/core/rules/date-mismatch';
import { multiplierAmbiguity } from '../../server/src/core/rules/multiplier-ambiguity';
import { SEED } from '../support/paths';

const NUMERIC = new Set(['number-mismatch', 'unit-conversion', 'date-mismatch', 'multiplier-ambiguity']);
const en_zh = { order: 'en-zh' as const, rules: {}, locale: 'en' as const, options: {} };

function numeric(text: string, options: Record<string, unknown> = {}): Finding[] {
  return checkText(text, { config: { ...en_zh, options } }).findings.filter((f) => NUMERIC.has(f.ruleId));
}

function ctx(options: Record<string, unknown> = {}): RuleContext {
  const config = { ...defaultConfig(), options };
  return {
    locale: 'en',
    config,
    env: { services: {} },
    t: (m, a) => localize('en', m, a),
    option: <T>(name: string, fallback: T): T => (name in options ? (options[name] as T) : fallback),
  };
}

function firstPair(text: string) {
  const doc = new ReviewDocument(text);
  const model = doc.model({ order: 'en-zh' });
  return pairInput(model.pairs[0]);
}

describe('number rules on the seed article', () => {
  const seed = fs.readFileSync(SEED, 'utf8');
  const result = checkText(seed);
  const findings = result.findings.filter((f) => NUMERIC.has(f.ruleId));
  const lines = seed.split(/\r?\n/);

  it('reports date-mismatch on the October / 去年10月 pair (lines 50-51) with a fix removing 去年', () => {
    const f = findings.filter((x) => x.ruleId === 'date-mismatch' && x.range.start.line >= 50 && x.range.start.line <= 51);
    assert.equal(f.length, 1);
    assert.equal(f[0].range.start.line, 51);
    assert.equal(lines[51].slice(f[0].range.start.character, f[0].range.end.character), '去年10月');
    assert.match(f[0].message, /adds “去年”/);
    assert.equal(f[0].related?.[0].range.start.line, 50);
    assert.equal(lines[50].slice(f[0].related![0].range.start.character, f[0].related![0].range.end.character), 'October');
    const edit = f[0].fixes?.[0].edits[0];
    assert.ok(edit);
    assert.equal(lines[51].slice(edit.range.start.character, edit.range.end.character), '去年');
    assert.equal(edit.newText, '');
  });

  it('reports multiplier-ambiguity on tripled / 上涨了三倍 (lines 82-83) with both suggested wordings', () => {
    const f = findings.filter((x) => x.ruleId === 'multiplier-ambiguity');
    assert.equal(f.length, 1);
    assert.equal(f[0].range.start.line, 83);
    assert.equal(lines[83].slice(f[0].range.start.character, f[0].range.end.character), '上涨了三倍');
    const apply = (i: number) => {
      const e = f[0].fixes![i].edits[0];
      return lines[83].slice(0, e.range.start.character) + e.newText + lines[83].slice(e.range.end.character);
    };
    assert.match(apply(0), /上涨至三倍/);
    assert.match(apply(1), /上涨了两倍/);
  });

  it('reports nothing else numeric in the whole article (the noise budget)', () => {
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line}: ${f.ruleId}`),
      ['51: date-mismatch', '83: multiplier-ambiguity'],
    );
  });

  // Each equivalent wording is really understood (matched, not merely ignored): the hover on the English token
  // names the Chinese counterpart and highlights it.
  const budget: [string, string][] = [
    ['$500 million', '5亿美元'], ['$200 million', '2亿美元'], ['10 times', '十倍'], ['five nines', '五个九'],
    ['99.999 percent', '99.999%'], ['6,000', '6000'], ['1940s', '上世纪40年代'], ['a dozen', '十多'],
    ['half a decade', '五年'], ['2', '2.0'], ['three', '三'], ['Oct. 9', '10月9日'], ['25 pounds', '11.3公斤'],
    ['2024', '2024年'], ['2030', '2030年'], ['2022', '2022年'], ['72-hour', '72小时'], ['100 million', '1亿'],
    ['100 percent', '所有'], ['this month', '本月'], ['2025', '2025'],
  ];
  const model = result.model;
  const rules: PairRule[] = [numberMismatch, unitConversion, dateMismatch, multiplierAmbiguity];
  for (const [enTok, zhTok] of budget) {
    it(`understands ${enTok} = ${zhTok}`, () => {
      const pair = model.pairs.find((p) => new RegExp(`(^|[^\\w.])${enTok.replace(/[.$]/g, '\\$&')}(?![\\w])`).test(p.source.text) && p.target.text.includes(zhTok));
      assert.ok(pair, `no pair with ${enTok} / ${zhTok}`);
      const input = pairInput(pair);
      const at = new RegExp(`(^|[^\\w.])(${enTok.replace(/[.$]/g, '\\$&')})(?![\\w])`).exec(pair.source.text)!;
      const offset = at.index + at[1].length + 1;
      const hover = rules.map((r) => r.inspect!(input, 'source', offset, ctx())).find(Boolean);
      assert.ok(hover, `no hover on ${enTok}`);
      assert.match(hover.markdown, /✓/);
      const span = hover.spans![0];
      assert.equal(span.side, 'target');
      assert.ok(pair.target.text.slice(span.start, span.end).includes(zhTok.replace(/^约/, '')), `highlight ${pair.target.text.slice(span.start, span.end)} does not cover ${zhTok}`);
    });
  }

  it('shows the conversion used on hover: 25 lb = 11.34 kg ≈ 11.3 公斤 ✓', () => {
    const pair = model.pairs.find((p) => p.source.text.includes('25 pounds'))!;
    const input = pairInput(pair);
    const h = unitConversion.inspect!(input, 'target', pair.target.text.indexOf('11.3'), ctx());
    assert.ok(h);
    assert.match(h.markdown, /25 lb = 11\.34 kg ≈ 11\.3 公斤 ✓/);
    assert.equal(pair.source.text.slice(h.spans![0].start, h.spans![0].end), '25 pounds');
  });

  it('reports a right conversion as a hint only when showCorrectConversions is on', () => {
    const text = 'The soldier carries 25 pounds of batteries.\n士兵携带约11.3公斤电池。\n';
    assert.deepEqual(numeric(text), []);
    const on = numeric(text, { showCorrectConversions: true });
    assert.equal(on.length, 1);
    assert.equal(on[0].severity, 'hint');
    assert.match(on[0].message, /25 lb = 11\.34 kg/);
  });

  it('follows conversionTolerance', () => {
    const text = 'The tank holds 50 gallons.\n油箱容量为180升。\n'; // 189.3 L: 5 % off
    assert.equal(numeric(text).length, 1);
    assert.deepEqual(numeric(text, { conversionTolerance: 0.06 }), []);
  });

  it('writes messages in Chinese for the zh-cn locale', () => {
    const text = 'The warehouse holds 4,200 pallets.\n仓库可容纳2400个托盘。\n';
    const f = checkText(text, { config: { ...en_zh, locale: 'zh-cn' } }).findings.filter((x) => x.ruleId === 'number-mismatch');
    assert.equal(f[0].message, '数字不一致：英文 4,200，中文 2400');
  });
});

describe('number forms (property tests)', () => {
  const pair = (en: string, zh: string) => `${en}\n${zh}\n`;

  it('an integer written with or without separators, or with 万/亿, agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const en = `The company counted ${withCommas(n)} visitors.`;
        const forms = [String(n)];
        if (n >= 1e4 && n % 1e4 === 0) forms.push(`${n / 1e4}万`);
        if (n >= 1e8 && n % 1e6 === 0) forms.push(`${n / 1e8}亿`);
        for (const z of forms) assert.deepEqual(numeric(pair(en, `该公司统计了${z}名游客。`)).map((f) => f.message), [], z);
      }),
      { numRuns: 300 },
    );
  });

  it('a count written in Chinese numerals agrees with its digits and its English words', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
    const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const enWords = (n: number) => (n < 20 ? words[n] : tens[Math.floor(n / 10)] + (n % 10 ? '-' + words[n % 10] : ''));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99_999_999 }), (n) => {
        const zh = zhNumeral(n)!;
        assert.equal(chineseNumeralValue(zh), n);
        assert.deepEqual(numeric(pair(`The city has ${withCommas(n)} trees.`, `该市有${zh}棵树。`.replace('棵', '个'))).map((f) => f.message), []);
        if (n < 100) assert.deepEqual(numeric(pair(`The city has ${enWords(n)} schools.`, `该市有${n}所学校。`)).map((f) => f.message), []);
      }),
      { numRuns: 300 },
    );
  });

  it('money in millions agrees with 万/亿 forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(0, 1, 2), (m, dec) => {
        const millions = m / Math.pow(10, dec);
        const value = Math.round(millions * 1e6);
        const en = `The grant was worth $${millions} million.`;
        const zh = value >= 1e8 ? `${value / 1e8}亿美元` : `${value / 1e4}万美元`;
        assert.deepEqual(numeric(pair(en, `这笔拨款价值${zh}。`)).map((f) => f.message), [], `${en} / ${zh}`);
      }),
      { numRuns: 300 },
    );
  });

  it('percent as %, ％, 百分之N agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom('%', '％', 'pct'), (n, form) => {
        const zh = form === 'pct' ? `百分之${zhNumeral(n)}` : `${n}${form}`;
        assert.deepEqual(numeric(pair(`Turnout was ${n} percent.`, `投票率为${zh}。`)).map((f) => f.message), []);
      }),
      { numRuns: 200 },
    );
  });

  it('a conversion rounded to one decimal, or to an integer after 约, agrees', () => {
    const units: [string, string, string][] = [['pounds', 'lb', '公斤'], ['miles', 'mi', '公里'], ['feet', 'ft', '米'], ['gallons', 'gal', '升'], ['acres', 'acre', '公顷']];
    const zhId: Record<string, string> = { 公斤: 'kg', 公里: 'km', 米: 'm', 升: 'L', 公顷: 'ha' };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...units), fc.boolean(), (n, [enU, id, zhU], approx) => {
        const c = convert(n, id, zhId[zhU])!;
        const written = approx ? `约${Math.round(c)}` : `${Math.round(c * 10) / 10}`;
        assert.deepEqual(numeric(pair(`It measured ${withCommas(n)} ${enU}.`, `它测得${written}${zhU}。`)).map((f) => f.message), [], `${n} ${enU} / ${written}${zhU}`);
      }),
      { numRuns: 300 },
    );
  });

  it('a date written the English or the Chinese way agrees', () => {
    const months = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1900, max: 2100 }), (m, d, y) => {
        assert.deepEqual(numeric(pair(`The deal was signed on ${months[m - 1]} ${d}, ${y}.`, `协议于${y}年${m}月${d}日签署。`)).map((f) => f.message), []);
        assert.deepEqual(numeric(pair(`The deal was signed on ${months[m - 1]} ${d}.`, `协议于${m}月${d}日签署。`)).map((f) => f.message), []);
      }),
      { numRuns: 200 },
    );
  });

  it('a temperature with the scale first (华氏92度, 摄氏33度) agrees with "92 degrees Fahrenheit" and "33 Celsius"; a wrong one is reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 130 }), (f) => {
        const c = Math.round(((f - 32) * 5) / 9);
        assert.deepEqual(numeric(pair(`It reached ${f} degrees Fahrenheit (${c} Celsius) at noon.`, `中午气温达到华氏${f}度（摄氏${c}度）。`)).map((x) => x.message), []);
        assert.deepEqual(numeric(pair(`It reached ${c} degrees Celsius.`, `气温达到摄氏${c}度。`)).map((x) => x.message), []);
        const wrong = numeric(pair(`It reached ${f} degrees Fahrenheit.`, `气温达到华氏${f + 7}度。`));
        assert.equal(wrong.length, 1, JSON.stringify(wrong.map((x) => x.message)));
      }),
      { numRuns: 100 },
    );
    // 度 without a scale stays ambiguous (an angle, a degree of electricity): not a temperature
    assert.equal(extractChinese('倾斜了30度。').some((q) => q.dimension === 'temperature'), false);
  });

  it('a different digit string is always reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 9_999_999 }), fc.integer({ min: 1, max: 9 }), (n, delta) => {
        const f = numeric(pair(`The company counted ${withCommas(n)} visitors.`, `该公司统计了${n + delta}名游客。`));
        assert.equal(f.length, 1);
        assert.equal(f[0].ruleId, 'number-mismatch');
        assert.equal(f[0].fixes?.[0].edits[0].newText, String(n));
      }),
      { numRuns: 200 },
    );
  });
});

describe('number extraction never throws', () => {
  it('a 10,000-digit number is not a quantity', () => {
    const big = '9'.repeat(10_000);
    assert.deepEqual(extractEnglish(`The value is ${big} units.`).filter((q) => q.kind !== 'date'), []);
    assert.deepEqual(extractChinese(`数值为${big}个单位。`), []);
    assert.deepEqual(numeric(`The value is ${big} units.\n数值为${big}个单位。\n`), []);
  });

  it('a line of 100,000 digits', () => {
    const digits = '1234567890'.repeat(10_000);
    assert.deepEqual(extractEnglish(digits), []);
    assert.deepEqual(extractChinese(digits), []);
    assert.doesNotThrow(() => checkText(`${digits}\n${digits}\nPrices rose 5 percent.\n价格上涨了5%。\n`));
  });

  it('lines with many thousands of quantities (stays linear: a quadratic step would time out)', () => {
    const en = Array.from({ length: 10_000 }, (_, i) => `¥${i} last year, Oct. ${(i % 28) + 1}, ${i % 100} percent`).join('; ');
    const zh = Array.from({ length: 10_000 }, (_, i) => `二十世纪80年代去年${i}元，${(i % 12) + 1}月${(i % 28) + 1}日`).join('；');
    assert.ok(extractEnglish(en).length >= 30_000);
    assert.ok(extractChinese(zh).length >= 30_000);
    assert.doesNotThrow(() => checkText(`${en}\n${zh}\n`));
  });

  it('mixed scripts inside one token', () => {
    for (const s of ['12三4五', '１2.３万', '三5十', '5亿three', 'twenty三', '𠀀5𠀀', '5𠀀亿', '½ 1/2', '٣٤', '0x1F', '1e9', '--5', '5..5', '1,,000', '.5.', '十十十', '亿亿', '两两', '一〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇年']) {
      assert.doesNotThrow(() => extractEnglish(`Value ${s} here`), s);
      assert.doesNotThrow(() => extractChinese(`数值${s}个`), s);
      assert.doesNotThrow(() => checkText(`Value ${s} here.\n数值为${s}个。\n`), s);
    }
  });

  it('random text: no throw, spans inside the line, never splitting a surrogate pair', () => {
    const alphabet = fc.constantFrom(...Array.from('0123456789,.-%$£€¥ 年月日万亿十百千两三约超过多余倍翻番第首去今明上世纪代 aboutmilliontimespercentOct.Marchlastyear𠀀😀％１２'), 'million', 'percent', 'Oct.', 'last year', ' times');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (s) => {
        for (const qs of [extractEnglish(s), extractChinese(s)]) {
          for (const q of qs) {
            assert.ok(q.start >= 0 && q.end <= s.length && q.start < q.end, `${JSON.stringify(s)} ${q.start}-${q.end}`);
            for (const p of [q.start, q.end]) {
              const c = s.charCodeAt(p);
              assert.ok(!(c >= 0xdc00 && c <= 0xdfff && p > 0 && p < s.length), `splits a surrogate at ${p} in ${JSON.stringify(s)}`);
            }
            assert.ok(Number.isFinite(q.value));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
