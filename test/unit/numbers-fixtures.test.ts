// Runs the hand-written pair cases under test/fixtures/numbers/. Each case is an
// expectation comment (a comment line is classified 'other' and never breaks
// the pairing) followed by one pair:
//   <!-- expect: none -->                          no numeric finding on the pair
//   <!-- expect: number-mismatch date-mismatch --> exactly these rules (each at least once)
//   <!-- expect: unit-conversion fix=24.9 -->      …and the preferred fix writes "24.9" (fix="120 million" with spaces)
// A file name containing ".zh-en." is checked with the Chinese line first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, type Finding } from '../../server/src/core';
import { FIXTURES } from '../support/paths';

const NUMERIC = new Set(['number-mismatch', 'unit-conversion', 'date-mismatch', 'multiplier-ambiguity']);
const DIR = path.join(FIXTURES, 'numbers');

interface Case {
  file: string;
  line: number;
  rules: string[];
  fix?: string;
  lines: [number, number];
  text: [string, string];
}

export function loadCases(file: string): Case[] {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const lines = text.split('\n');
  const cases: Case[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!--\s*expect:\s*(.*?)\s*-->\s*$/.exec(lines[i]);
    if (!m) continue;
    const fm = /fix=(?:"([^"]*)"|(\S*))/.exec(m[1]);
    const fix = fm ? (fm[1] ?? fm[2]) : undefined;
    const words = m[1].replace(/fix=(?:"[^"]*"|\S*)/, '').split(/\s+/).filter(Boolean);
    const rules = words.filter((w) => w !== 'none');
    const content: number[] = [];
    for (let j = i + 1; j < lines.length && content.length < 2; j++) if (lines[j].trim() && !lines[j].startsWith('<!--')) content.push(j);
    assert.equal(content.length, 2, `${file}:${i + 1}: an expectation must be followed by a pair`);
    cases.push({ file, line: i + 1, rules, fix, lines: [content[0], content[1]], text: [lines[content[0]], lines[content[1]]] });
  }
  return cases;
}

export function fixtureFiles(): string[] {
  return fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
}

describe('number fixtures (hand-written pair cases)', () => {
  let total = 0;
  for (const file of fixtureFiles()) {
    const cases = loadCases(file);
    total += cases.length;
    describe(file, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const order = file.includes('.zh-en.') ? ('zh-en' as const) : ('en-zh' as const);
      let findings: Finding[] = [];
      before(() => {
        findings = checkText(text, { config: { order, rules: {}, locale: 'en', options: {} } }).findings.filter((f) => NUMERIC.has(f.ruleId));
      });
      it('every case is paired as written', () => {
        const r = checkText(text, { config: { order, rules: {}, locale: 'en', options: {} } });
        for (const c of cases) {
          const pair = r.model.pairOfLine[c.lines[0]];
          assert.ok(pair && pair.source.line === c.lines[0] && pair.target.line === c.lines[1], `${file}:${c.line}: lines ${c.lines[0] + 1}-${c.lines[1] + 1} do not form a pair`);
        }
      });
      for (const c of cases) {
        it(`line ${c.line}: ${c.rules.join(', ') || 'none'} — ${c.text[0].slice(0, 60)}`, () => {
          const mine = findings.filter((f) => f.range.start.line === c.lines[0] || f.range.start.line === c.lines[1]);
          const got = [...new Set(mine.map((f) => f.ruleId))].sort();
          assert.deepEqual(got, [...c.rules].sort(), `${file}:${c.line}\n  ${c.text[0]}\n  ${c.text[1]}\n  findings: ${mine.map((f) => `${f.ruleId}: ${f.message}`).join(' | ') || '(none)'}`);
          if (c.fix !== undefined) {
            const fixes = mine.flatMap((f) => f.fixes ?? []).filter((x) => x.isPreferred);
            assert.ok(fixes.some((x) => x.edits.some((e) => e.newText === c.fix)), `${file}:${c.line}: no preferred fix writes "${c.fix}"; got ${JSON.stringify(fixes.map((x) => x.edits.map((e) => e.newText)))}`);
          }
        });
      }
    });
  }
  it('has at least 300 cases', () => {
    assert.ok(total >= 300, `only ${total} cases`);
  });
});
