// What each rule costs on the first check of a generated document, in one process:
//   npx tsx bench/rule-costs.ts [PAIRS]
// Checks the same text once per rule group with every other rule off, then with all
// rules, each in a fresh process, and prints the CPU time (steadier than wall clock
// on a shared machine) and the heap the check leaves behind (after a full garbage
// collection).
import { spawnSync } from 'node:child_process';
import { DocumentSession } from '../server/src/core';
import { RULES } from '../server/src/core/rules/registry';
import { measureCheck } from './measure-check';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const n = Number(process.argv[2] ?? 20000);
const { text } = generate(n) as { text: string };
const NUMBERS = ['number-mismatch', 'unit-conversion', 'date-mismatch', 'multiplier-ambiguity'];
const groups: string[][] = [NUMBERS.filter((id) => RULES.some((r) => r.id === id)), ...RULES.filter((r) => !NUMBERS.includes(r.id)).map((r) => [r.id]), RULES.map((r) => r.id)];

const only = process.argv.find((a) => a.startsWith('--group='));
if (!only) {
  for (let i = 0; i < groups.length; i++) spawnSync(process.execPath, [...process.execArgv, process.argv[1], String(n), `--group=${i}`], { stdio: 'inherit' });
}
for (const group of only ? [groups[Number(only.slice(8))]] : []) {
  const rules: Record<string, 'off'> = {};
  for (const r of RULES) if (!group.includes(r.id)) rules[r.id] = 'off';
  const s = new DocumentSession(text, { config: { order: 'auto', rules, locale: 'en', options: {} } });
  const { result: r, cpuMs: cpu, heldBytes: held } = measureCheck(s);
  const name = group.length === RULES.length ? 'all rules' : group.join(', ');
  console.log(`${name}: CPU ${cpu.toFixed(0)} ms (${((cpu * 1000) / n).toFixed(1)} µs/pair), ${r.findings.length} findings, heap held ${(held / 2 ** 20).toFixed(0)} MB (${((held / n) / 1024).toFixed(1)} KB/pair)`);
}
