// BENCHMARK ONLY: the product's registry plus the synthetic heavy pair rule.
// bench/build.mjs substitutes this module for server/src/core/rules/registry.ts
// when it bundles the `--synthetic` server and CLI under bench/out/synthetic/.

import type { Rule } from '../server/src/core/rule';
import { RULES as PRODUCT_RULES } from '../server/src/core/rules/registry';
import { syntheticNumbers } from './synthetic-rule';

export const RULES: readonly Rule[] = [...PRODUCT_RULES, syntheticNumbers];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
