import type { PairRule } from '../rule';
import type { LocalFinding } from '../types';
import { conversionText, plain, unitLabel } from '../quantities/format';
import { inspection, itemAt, lineText, pairMatch, readsAs, roundConverted, sideOf, spanOf } from '../quantities/report';
import { convert } from '../quantities/units';

/**
 * A measurement converted between unit systems with the wrong value
 * (25 pounds → 25公斤). Right conversions are silent unless the option
 * `showCorrectConversions` asks for them as hints.
 */
export const unitConversion: PairRule = {
  id: 'unit-conversion',
  scope: 'pair',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A measurement converted to another unit has the wrong value (25 lb is 11.3 kg, not 25 kg); the tolerance follows the precision written.',
    zh: '换算成另一单位的计量数值错误（25磅约为11.3公斤，而非25公斤）；容差按所写精度确定。',
  },
  checkPair(input, ctx) {
    const out: LocalFinding[] = [];
    const showCorrect = ctx.option<boolean>('showCorrectConversions', false) === true;
    for (const item of pairMatch(input, ctx).items) {
      if (item.rule !== 'unit-conversion' || !item.en || !item.zh || !item.en.unit || !item.zh.unit) continue;
      const tgt = input.targetLang;
      const source = tgt === 'zh' ? item.en : item.zh;
      const target = tgt === 'zh' ? item.zh : item.en;
      const exact = convert(source.value, source.unit!, target.unit!);
      if (exact === undefined) continue;
      const conv = conversionText(source.value, source.unit!, exact, target.unit!);
      if (item.status === 'conversion') {
        const fixed = roundConverted(exact, target);
        const sameDigits = source.value === target.value;
        const message = sameDigits
          ? ctx.t({ en: 'Unit changed but not the number: {conv}, not {t}', zh: '单位改了而数字未换算：{conv}，而不是 {t}' }, { conv, t: target.text })
          : ctx.t({ en: 'Wrong conversion: {conv}, not {t}', zh: '换算错误：{conv}，而不是 {t}' }, { conv, t: target.text });
        const newText = plain(fixed);
        out.push({
          span: spanOf(input, tgt, target),
          message,
          related: [{ span: spanOf(input, tgt === 'zh' ? 'en' : 'zh', source), message: ctx.t({ en: 'the source has {x}', zh: '原文为 {x}' }, { x: source.text }) }],
          // one value cannot fix a range (1-30 °F): writing the low end left the finding in place;
          // and the line must read the value written back (1.4e+22 was read as 22)
          fixes:
            source.hi === undefined && target.hi === undefined && readsAs(tgt, lineText(input, tgt), target, newText, Number(newText))
              ? [
                  {
                    title: ctx.t({ en: 'Write the converted value {x} {u}', zh: '改为换算后的数值 {x}{u}' }, { x: newText, u: unitLabel(target.unit!, tgt) }),
                    edits: [{ side: sideOf(input, tgt), start: target.numStart, end: target.numEnd, newText }],
                    isPreferred: true,
                  },
                ]
              : undefined,
          data: { from: source.unit, to: target.unit, source: source.value, expected: exact, written: target.value },
        });
      } else if (item.status === 'converted' && showCorrect) {
        out.push({
          span: spanOf(input, tgt, target),
          message: ctx.t({ en: 'Converted: {conv} ≈ {t} ✓', zh: '换算正确：{conv} ≈ {t} ✓' }, { conv, t: target.text }),
          severity: 'hint',
          data: { from: source.unit, to: target.unit, source: source.value, expected: exact, written: target.value },
        });
      }
    }
    return out;
  },
  inspect(input, side, offset, ctx) {
    const hit = itemAt(input, ctx, 'unit-conversion', side, offset);
    return hit ? inspection(input, ctx, hit.item, hit.q, hit.lang) : undefined;
  },
};
