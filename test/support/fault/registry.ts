// TEST ONLY: the product's registry plus rules that throw, one of each scope, each
// with an inspect() that throws too. test/protocol/resilience.test.ts bundles a server
// with this module in place of server/src/core/rules/registry.ts (the shipped server
// has no fault hook); the other rules must still report.

import type { DocumentRule, LineRule, PairRule, Rule } from '../../../server/src/core/rule';
import { RULES as PRODUCT_RULES } from '../../../server/src/core/rules/registry';

const meta = (id: string) => ({ id, defaultSeverity: 'warning' as const, fixable: false, description: { en: `Test rule ${id} that throws.`, zh: `会抛出异常的测试规则 ${id}。` } });

const throwingPair: PairRule = {
  ...meta('test-throws-pair'),
  scope: 'pair',
  checkPair() {
    throw new Error('pair rule exploded');
  },
  inspect() {
    throw new Error('pair inspect exploded');
  },
};

const throwingLine: LineRule = {
  ...meta('test-throws-line'),
  scope: 'line',
  langs: ['en', 'zh'],
  checkLine() {
    throw new TypeError('line rule exploded');
  },
};

const throwingDocument: DocumentRule = {
  ...meta('test-throws-document'),
  scope: 'document',
  checkDocument() {
    throw new RangeError('document rule exploded');
  },
  inspect() {
    throw new Error('document inspect exploded');
  },
};

/** Throws a non-Error value (a string), as careless code does. */
const throwingString: PairRule = {
  ...meta('test-throws-string'),
  scope: 'pair',
  checkPair() {
    throw 'a bare string';
  },
};

export const RULES: readonly Rule[] = [throwingPair, ...PRODUCT_RULES, throwingLine, throwingDocument, throwingString];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
