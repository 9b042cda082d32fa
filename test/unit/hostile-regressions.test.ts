// Bugs found by the property suites and `npm run fuzz` (test/unit/property/), each
// reproduced by the smallest input that showed it.

import * as assert from 'node:assert/strict';
import { applyEdits, checkText, chooseFix, fixAll, getRule } from '../../server/src/core';
import { extractEnglish } from '../../server/src/core/quantities/en';

describe('hostile-input regressions', () => {
  it('fix all on a term rendered two ways equally often does not swap the renderings (term-inconsistency tie)', () => {
    // "anode" is 阳极 twice and 负极 twice: no majority, so no fix may be applied unattended.
    const text = [
      'Engineers checked the anode again.',
      '新的阳极到了。',
      'Each anode is tested twice.',
      '负极被更换了。',
      'The anode was replaced.',
      '新的阳极到了。',
      'A new anode arrived.',
      '负极被更换了。',
      '',
    ].join('\n');
    const rules = [getRule('term-inconsistency')!];
    const { findings } = checkText(text, { rules });
    assert.equal(findings.length, 4);
    assert.ok(findings.every((f) => f.fixes?.length === 1), 'each finding still offers the other rendering as a quick fix');
    assert.equal(findings.filter((f) => chooseFix(f, { ruleId: 'term-inconsistency' })).length, 0);
    const result = fixAll(text, findings, (t) => checkText(t, { rules }).findings, { ruleId: 'term-inconsistency' });
    assert.equal(result.text, text);
    assert.equal(result.fixed, 0);
  });

  it('a number fix in an English translation keeps the currency symbol ($4.5 billion → $500 million, not 500 million)', () => {
    const text = '销售额达到5亿美元。\nThe plant cost $4.5 billion in 2023.\n';
    const q = extractEnglish('The plant cost $4.5 billion in 2023.').find((x) => x.kind === 'money')!;
    assert.equal(q.text, '$4.5 billion');
    assert.deepEqual([q.numStart, q.numEnd], [16, 27], 'the numeral is 4.5 billion, without the symbol');
    const { findings } = checkText(text, { rules: [getRule('number-mismatch')!], config: { order: 'zh-en', locale: 'en', options: {}, rules: {} } });
    const fix = findings.find((f) => f.fixes?.length)!.fixes![0];
    assert.equal(applyEdits(text, fix.edits), '销售额达到5亿美元。\nThe plant cost $500 million in 2023.\n');
  });
});
