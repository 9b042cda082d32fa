// Runs the hand-written cases under test/fixtures/<rule>/ for the typography and
// completeness rules, in the style of numbers-fixtures.test.ts. A case is an
// expectation comment followed by a block of lines (up to the next blank line
// or comment line); every content line of a file outside a case expects no
// finding at all:
//   <!-- expect: none -->                               no typography finding on the block
//   <!-- expect: punctuation-width -->                  exactly these rules (each at least once)
//   <!-- expect: punctuation-width count=3 at=, -->     …the first finding counts 3 marks and sits on ","
//   <!-- fixed: 议会周二投票，经过长时间辩论。 -->          (after a block) the line with the first finding, once
//                                                       every preferred fix of the block is applied
// The whole file is checked as one document (length-ratio needs one). A file
// name containing ".zh-en." is Chinese first; ".none." selects the "no space"
// style of cjk-latin-spacing (the rule is switched on in its own folder).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkText, type Finding, type ReviewConfig } from '../../server/src/core';
import { FIXTURES } from '../support/paths';

const TYPO = ['punctuation-width', 'unbalanced-quotes', 'untranslated', 'length-ratio', 'cjk-latin-spacing'];

interface Case {
  line: number;
  rules: string[];
  count?: number;
  at?: string;
  fixed?: string;
  lines: number[];
}

function parse(text: string): { cases: Case[]; covered: Set<number> } {
  const lines = text.split('\n');
  const cases: Case[] = [];
  const covered = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!--\s*expect:\s*(.*?)\s*-->\s*$/.exec(lines[i]);
    if (!m) continue;
    const words = m[1].split(/\s+/).filter(Boolean);
    const c: Case = { line: i + 1, rules: [], lines: [] };
    for (const w of words) {
      if (w.startsWith('count=')) c.count = Number(w.slice(6));
      else if (w.startsWith('at=')) c.at = w.slice(3);
      else if (w !== 'none') c.rules.push(w);
    }
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== '' && !lines[j].startsWith('<!--'); j++) c.lines.push(j);
    const f = j < lines.length ? /^<!--\s*fixed:\s(.*?)\s*-->\s*$/.exec(lines[j]) : null;
    if (f) c.fixed = f[1];
    assert.ok(c.lines.length > 0, `line ${i + 1}: an expectation must be followed by lines`);
    for (const l of c.lines) covered.add(l);
    cases.push(c);
  }
  return { cases, covered };
}

for (const rule of TYPO) {
  const dir = path.join(FIXTURES, rule);
  describe(`${rule} fixtures`, () => {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
    it('has fixture files', () => assert.ok(files.length > 0, `no fixtures in ${dir}`));
    let total = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const lines = text.split('\n');
      const { cases, covered } = parse(text);
      total += cases.length;
      const order = file.includes('.zh-en.') ? ('zh-en' as const) : ('en-zh' as const);
      const options: Record<string, unknown> = file.includes('.none.') ? { cjkLatinSpacing: 'none' } : {};
      const rules: ReviewConfig['rules'] = rule === 'cjk-latin-spacing' ? { 'cjk-latin-spacing': 'warning' } : {};
      const config: ReviewConfig = { order, rules, locale: 'en', options };
      describe(file, () => {
        let findings: Finding[] = [];
        before(() => {
          findings = checkText(text, { config }).findings.filter((f) => TYPO.includes(f.ruleId));
        });
        it('no finding outside the cases', () => {
          const stray = findings.filter((f) => !covered.has(f.range.start.line));
          assert.deepEqual(stray.map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`), []);
        });
        for (const c of cases) {
          it(`line ${c.line}: ${c.rules.join(', ') || 'none'} — ${lines[c.lines[c.lines.length - 1]].slice(0, 50)}`, () => {
            const mine = findings.filter((f) => c.lines.includes(f.range.start.line));
            const got = [...new Set(mine.map((f) => f.ruleId))].sort();
            const show = `${file}:${c.line}\n  ${c.lines.map((l) => lines[l]).join('\n  ')}\n  findings: ${mine.map((f) => `${f.ruleId}: ${f.message}`).join(' | ') || '(none)'}`;
            assert.deepEqual(got, [...c.rules].sort(), show);
            const first = mine.find((f) => f.ruleId === c.rules[0]);
            if (c.count !== undefined) assert.equal(first?.data?.count, c.count, show);
            if (c.at !== undefined) {
              const l = lines[first!.range.start.line];
              assert.equal(l.slice(first!.range.start.character, first!.range.start.character + c.at.length), c.at, show);
            }
            if (c.fixed !== undefined) {
              const edits = mine.flatMap((f) => (f.fixes ?? []).filter((x) => x.isPreferred).slice(0, 1)).flatMap((x) => x.edits);
              assert.ok(edits.length > 0, `${show}\n  no preferred fix`);
              const fixedText = applyEdits(text, edits).split('\n');
              assert.equal(fixedText[first!.range.start.line], c.fixed, show);
            }
          });
        }
      });
    }
    it('has enough cases', () => assert.ok(total >= (rule === 'length-ratio' ? 6 : 20), `only ${total} cases`));
  });
}
