// The one list of rules. Adding a rule: write rules/<id>.ts, add it here, and
// write docs/rules/<id>.md (a test checks that every rule has its page).

import type { Rule } from '../rule';
import { glossaryTerm } from './glossary-term';
import { termInconsistency } from './term-inconsistency';
import { unpairedLine } from './unpaired-line';
import { numberMismatch } from './number-mismatch';
import { unitConversion } from './unit-conversion';
import { dateMismatch } from './date-mismatch';
import { multiplierAmbiguity } from './multiplier-ambiguity';
import { punctuationWidth } from './punctuation-width';
import { unbalancedQuotes } from './unbalanced-quotes';
import { untranslated } from './untranslated';
import { lengthRatio } from './length-ratio';
import { cjkLatinSpacing } from './cjk-latin-spacing';

export const RULES: readonly Rule[] = [
  unpairedLine,
  numberMismatch,
  unitConversion,
  dateMismatch,
  multiplierAmbiguity,
  glossaryTerm,
  termInconsistency,
  punctuationWidth,
  unbalancedQuotes,
  untranslated,
  lengthRatio,
  cjkLatinSpacing,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
