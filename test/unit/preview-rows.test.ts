// The preview's row model (server/src/core/preview.ts): one row per pair or
// unpaired line, findings on the cells they sit on, counts, windows.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildPreview, checkText, DocumentSession, type Finding, type PreviewRow } from '../../server/src/core';
import { SEED } from '../support/paths';

const seed = fs.readFileSync(SEED, 'utf8');

function preview(text: string, options = {}, rules?: []) {
  const r = rules ? new DocumentSession(text, { rules }).check() : checkText(text);
  return { result: r, preview: buildPreview(r.model, r.findings, options) };
}

describe('preview rows', () => {
  it('the seed makes 51 pair rows (3 of them headings) and 7 unpaired rows, in document order', () => {
    const { preview: p } = preview(seed);
    assert.equal(p.rows.length, 58);
    assert.equal(p.total, 58);
    assert.equal(p.offset, 0);
    assert.equal(p.rows.filter((r) => r.kind !== 'unpaired').length, 51);
    assert.equal(p.rows.filter((r) => r.kind === 'unpaired').length, 7);
    assert.equal(p.rows.filter((r) => r.kind === 'heading').length, 3);
    assert.deepEqual(p.counts.pairs, 51);
    assert.deepEqual(p.counts.unpaired, 7);
    assert.deepEqual(p.counts.headings, 3);
    for (let i = 1; i < p.rows.length; i++) assert.ok(p.rows[i].line > p.rows[i - 1].line, 'rows are sorted by line');
    assert.deepEqual(p.columns, ['en', 'zh']);
    assert.equal(p.order, 'en-zh');
  });

  it('a pair row holds both lines with their text and language; an unpaired row has one empty cell', () => {
    const lines = seed.split(/\r?\n/);
    const { preview: p } = preview(seed);
    for (const row of p.rows) {
      if (row.kind === 'unpaired') {
        const cells = row.cells.filter(Boolean);
        assert.equal(cells.length, 1);
        const cell = cells[0]!;
        // Its column is its language's column.
        assert.equal(row.cells[p.columns.indexOf(cell.lang)], cell);
        assert.equal(cell.text, lines[cell.line]);
        assert.equal(row.line, cell.line);
      } else {
        const [a, b] = row.cells;
        assert.ok(a && b);
        assert.equal(a.lang, 'en');
        assert.equal(b.lang, 'zh');
        assert.equal(a.text, lines[a.line]);
        assert.equal(b.text, lines[b.line]);
        assert.equal(row.line, Math.min(a.line, b.line));
      }
    }
  });

  it('puts every finding of the seed on the cell of its line, with its range inside the line', () => {
    const { result, preview: p } = preview(seed);
    const marks: { line: number; f: { ruleId: string; start: number; end: number; message: string } }[] = [];
    for (const row of p.rows) for (const c of row.cells) if (c) for (const f of c.findings) marks.push({ line: c.line, f });
    assert.equal(marks.length, result.findings.length);
    for (const f of result.findings) {
      const m = marks.find((x) => x.line === f.range.start.line && x.f.ruleId === f.ruleId && x.f.start === f.range.start.character);
      assert.ok(m, `${f.ruleId} at ${f.range.start.line}`);
      assert.equal(m.f.message, f.message);
      assert.ok(m.f.end > m.f.start);
    }
    assert.equal(p.counts.findings, result.findings.length);
    assert.equal(p.counts.byRule['unpaired-line'], 7);
    const rowsWith = p.rows.filter((r) => r.cells.some((c) => c && c.findings.length)).length;
    assert.equal(p.counts.rowsWithFindings, rowsWith);
  });

  it('only rows with findings, when asked', () => {
    const { preview: all } = preview(seed);
    const { preview: only } = preview(seed, { onlyFindings: true });
    assert.equal(only.total, all.counts.rowsWithFindings);
    assert.ok(only.rows.every((r) => r.cells.some((c) => c && c.findings.length)));
    assert.deepEqual(only.counts, all.counts, 'counts cover the whole document either way');
  });

  it('the Chinese-first order puts Chinese in the first column', () => {
    const text = '电池很重要。\nBatteries matter.\n中国生产了99%的电芯。\nChina made 99% of the cells.\n一张图片的说明\n';
    const { preview: p } = preview(text);
    assert.equal(p.order, 'zh-en');
    assert.deepEqual(p.columns, ['zh', 'en']);
    assert.equal(p.rows[0].cells[0]!.lang, 'zh');
    const lone = p.rows.find((r) => r.kind === 'unpaired')!;
    assert.equal(lone.cells[0]!.text, '一张图片的说明');
    assert.equal(lone.cells[1], null);
  });

  it('sends a window of rows around a line for long documents, with counts of the whole', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`Sentence number ${i} is here.`, `第${i}句在这里。`);
    const text = parts.join('\n') + '\n';
    const { preview: p } = preview(text, { around: 6000, limit: 400 }, []);
    assert.equal(p.total, 5000);
    assert.equal(p.rows.length, 400);
    assert.equal(p.counts.pairs, 5000);
    // The row of line 6000 (pair 3000) sits a quarter into the window.
    assert.equal(p.offset, 3000 - 100);
    assert.equal(p.rows[100].line, 6000);
    const start = preview(text, { around: 0, limit: 400 }, []).preview;
    assert.equal(start.offset, 0);
    const end = preview(text, { around: 1e9, limit: 400 }, []).preview;
    assert.equal(end.offset, 5000 - 400);
    assert.equal(end.rows[399].line, 9998);
  });

  it('clamps ranges to the line, marks empty ranges visibly and cuts huge lines', () => {
    const session = new DocumentSession('Short line.\n短句。\n', { rules: [] });
    const model = session.check().model;
    const findings: Finding[] = [
      { ruleId: 'x', severity: 'warning', message: 'empty at 3', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } } },
      { ruleId: 'y', severity: 'error', message: 'past the end', range: { start: { line: 1, character: 1 }, end: { line: 1, character: 99 } } },
      { ruleId: 'z', severity: 'hint', message: 'two lines', range: { start: { line: 0, character: 6 }, end: { line: 1, character: 1 } } },
    ];
    const p = buildPreview(model, findings);
    const [en, zh] = p.rows[0].cells;
    assert.deepEqual(
      en!.findings.map((f) => [f.ruleId, f.start, f.end]),
      [
        ['x', 3, 4],
        ['z', 6, 11],
      ],
    );
    assert.deepEqual(
      zh!.findings.map((f) => [f.ruleId, f.start, f.end]),
      [['y', 1, 3]],
    );
    const long = 'A'.repeat(50000) + ' word.\n' + '长'.repeat(10) + '。\n';
    const lp = preview(long).preview;
    const cell = lp.rows[0].cells[0]!;
    assert.equal(cell.truncated, true);
    assert.ok(cell.text.length <= 20000);
  });

  it('follows edits: the rows of the new text, findings of the new check', () => {
    const session = new DocumentSession(seed);
    const before = buildPreview(session.check().model, session.check().findings);
    // Delete the first pair's Chinese line: its English becomes unpaired.
    const first = before.rows[0] as PreviewRow;
    const zhLine = first.cells[1]!.line;
    session.applyChanges([{ range: { start: { line: zhLine, character: 0 }, end: { line: zhLine + 1, character: 0 } }, text: '' }]);
    assert.equal(session.lastResult, undefined, 'no result while a check is due');
    const r = session.check();
    assert.equal(session.lastResult, r);
    const after = buildPreview(r.model, r.findings);
    assert.equal(after.counts.pairs, 50);
    assert.equal(after.counts.unpaired, 8);
    assert.equal(after.rows[0].kind, 'unpaired');
    assert.ok(after.rows[0].cells[0]!.findings.some((f) => f.ruleId === 'unpaired-line'));
  });
});
