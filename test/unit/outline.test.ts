import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildOutline, DocumentSession, foldingRegions, type OutlineNode } from '../../server/src/core';
import { SEED } from '../support/paths';

function outlineOf(text: string) {
  const s = new DocumentSession(text);
  const model = s.check().model;
  const outline = buildOutline(model);
  return { s, outline, folds: foldingRegions(s.doc, outline) };
}

describe('outline and folding', () => {
  const seed = fs.readFileSync(SEED, 'utf8');

  it('finds the three headings of the seed article as sections holding their pairs', () => {
    const { outline } = outlineOf(seed);
    const sections = outline.filter((n) => n.kind === 'section');
    assert.deepEqual(
      sections.map((n) => [n.name, n.detail, n.range.start.line]),
      [
        ['Why data centers want batteries', '数据中心为何需要电池', 58],
        ['Batteries and the realities of war', '电池与战争的现实', 77],
        ['Battery companies go to Washington', '电池企业涌向华盛顿', 95],
      ],
    );
    // before the first heading: the pairs and unpaired captions at top level
    const lead = outline.filter((n) => n.kind !== 'section');
    assert.equal(lead.filter((n) => n.kind === 'pair').length, 27);
    assert.deepEqual(lead.filter((n) => n.kind === 'unpaired').map((n) => n.range.start.line), [25, 36, 47]);
    // every pair of the document appears once (51 pairs = 48 body pairs + 3 headings)
    const count = (nodes: OutlineNode[], kind: string): number => nodes.reduce((a, n) => a + (n.kind === kind ? 1 : 0) + count(n.children, kind), 0);
    assert.equal(count(outline, 'pair') + count(outline, 'section'), 51);
    assert.equal(count(outline, 'unpaired'), 7);
    // a section ends at its last line of text, before the next heading
    assert.equal(sections[0].range.end.line, 76);
    assert.equal(sections[0].children[0].name, seed.split('\n')[60].slice(0, 99).trimEnd() + '…');
    assert.equal(sections[0].children[0].selectionRange.start.line, 60);
    assert.equal(sections[2].range.end.line, 109);
  });

  it('folds each section from its heading to its last line', () => {
    const { folds } = outlineOf(seed);
    assert.deepEqual(folds, [
      { startLine: 58, endLine: 76 },
      { startLine: 77, endLine: 94 },
      { startLine: 95, endLine: 109 },
    ]);
  });

  it('nests Markdown-marked headings by level; body sentences and captions are not headings', () => {
    const text = [
      '# Harbour solar farm',
      '# 港口太阳能电站',
      'The council voted on Tuesday.',
      '议会周二投票。',
      'Costs and timing',
      '成本与时间',
      'It will cost $20 million.',
      '耗资2000万美元。',
      'An aerial view of the yard',
      '## Next steps',
      '## 下一步',
      'Work starts in May.',
      '五月开工。',
    ].join('\n');
    const { outline, folds } = outlineOf(text);
    assert.equal(outline.length, 1);
    const top = outline[0];
    assert.equal(top.name, 'Harbour solar farm');
    assert.equal(top.level, 1);
    assert.deepEqual(top.children.map((n) => [n.kind, n.name]), [
      ['pair', 'The council voted on Tuesday.'],
      ['section', 'Costs and timing'],
      ['section', 'Next steps'],
    ]);
    assert.deepEqual(top.children[1].children.map((n) => n.kind), ['pair', 'unpaired']);
    assert.deepEqual(folds, [
      { startLine: 0, endLine: 12 },
      { startLine: 4, endLine: 8 },
      { startLine: 9, endLine: 12 },
    ]);
  });

  it('folds disable…enable regions and runs of comment lines', () => {
    const text = ['<!-- note one -->', '<!-- note two -->', 'A.', '一。', '<!-- bilingual-review-disable unpaired-line -->', 'B.', '二。', '<!-- bilingual-review-enable unpaired-line -->'].join('\n');
    assert.deepEqual(outlineOf(text).folds, [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 4, endLine: 7, kind: 'region' },
    ]);
  });

  it('follows edits: a renamed heading, a heading turned into a sentence', () => {
    const s = new DocumentSession(['Costs and timing', '成本与时间', 'It costs $2.', '花费2美元。'].join('\n'));
    assert.equal(buildOutline(s.check().model)[0].name, 'Costs and timing');
    s.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Prices' }]);
    assert.equal(buildOutline(s.check().model)[0].name, 'Prices and timing');
    s.applyChanges([{ range: { start: { line: 0, character: 17 }, end: { line: 0, character: 17 } }, text: '.' }]);
    assert.deepEqual(buildOutline(s.check().model).map((n) => n.kind), ['pair', 'pair']);
  });

  it('cuts long names at 100 characters without splitting a surrogate pair', () => {
    const long = '𠀀'.repeat(150) + '很长的一行。';
    const s = new DocumentSession(['A long line of English text that goes on.', long].join('\n'));
    const node = buildOutline(s.check().model)[0];
    assert.equal(Array.from(node.detail).length, 100);
    assert.ok(node.detail.endsWith('𠀀…'));
  });
});
