// Settings as the core understands them. Raw settings (from VS Code, another LSP
// client or the CLI) are validated here: anything malformed falls back to its
// default and is reported as a warning, never as a crash.

import { normalizeLocale, type Locale } from './l10n';
import type { Order, SeveritySetting } from './types';

export interface ReviewConfig {
  order: Order | 'auto';
  /** Severity per rule id; rules not listed use their default. */
  rules: Record<string, SeveritySetting>;
  locale: Locale;
  /** Rule options, keyed "<rule-id>.<option>" (e.g. "unit-conversion.tolerance"). */
  options: Record<string, unknown>;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function defaultConfig(): ReviewConfig {
  return { order: 'auto', rules: {}, locale: 'en', options: {} };
}

export interface NormalizeResult {
  config: ReviewConfig;
  warnings: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Accepts the `bilingualReview` settings section (or undefined). Unknown keys are
 * kept as options so rules added later can read theirs; wrong types are dropped
 * with a warning.
 */
export function normalizeConfig(raw: unknown, knownRuleIds: readonly string[]): NormalizeResult {
  const config = defaultConfig();
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { config, warnings };
  if (!isRecord(raw)) {
    warnings.push(`bilingualReview settings must be an object; got ${Array.isArray(raw) ? 'an array' : typeof raw}. Using defaults.`);
    return { config, warnings };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'order') {
      if (value === 'auto' || value === 'en-zh' || value === 'zh-en') config.order = value;
      else warnings.push(`bilingualReview.order must be "auto", "en-zh" or "zh-en"; got ${JSON.stringify(value)}. Using "auto".`);
    } else if (key === 'locale') {
      config.locale = normalizeLocale(value);
    } else if (key === 'rules') {
      if (!isRecord(value)) {
        warnings.push('bilingualReview.rules must be an object of rule id to severity. Using defaults.');
        continue;
      }
      for (const [id, sev] of Object.entries(value)) {
        if (!knownRuleIds.includes(id)) {
          warnings.push(`bilingualReview.rules: unknown rule "${id}" ignored.`);
        } else if (typeof sev === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
          config.rules[id] = sev as SeveritySetting;
        } else {
          warnings.push(`bilingualReview.rules.${id} must be one of ${SEVERITY_SETTINGS.join(', ')}; got ${JSON.stringify(sev)}. Using the default.`);
        }
      }
    } else if (key.startsWith('rules.')) {
      // Flat form, as VS Code stores "bilingualReview.rules.unpaired-line".
      const id = key.slice('rules.'.length);
      if (knownRuleIds.includes(id) && typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        config.rules[id] = value as SeveritySetting;
      } else {
        warnings.push(`bilingualReview.${key}: ${JSON.stringify(value)} is not a valid severity or rule. Using the default.`);
      }
    } else {
      const problem = OPTION_CHECKS[key]?.(value);
      if (problem) warnings.push(`bilingualReview.${key} ${problem}; got ${describeValue(value)}. Using the default.`);
      else config.options[key] = value;
    }
  }
  return { config, warnings };
}

/**
 * The settings of package.json beyond order and rules, checked like the editor's
 * schema would (another LSP client sends whatever its user typed). A wrong value is
 * dropped with a warning, so the rule reading it gets its default. Options of rules
 * added later pass through: ctx.option() still falls back when the type is wrong.
 */
const OPTION_CHECKS: Record<string, (v: unknown) => string | undefined> = {
  conversionTolerance: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 0.5 ? undefined : 'must be a number from 0 to 0.5'),
  showCorrectConversions: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  workspaceTerms: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  autoDetect: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  glossaries: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be a list of file paths (strings)'),
};

function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 77) + '...' : s;
  } catch {
    return typeof v;
  }
}

/** Stable key of everything that changes findings (used to invalidate caches). */
export function configKey(config: ReviewConfig): string {
  return JSON.stringify([config.order, config.locale, Object.entries(config.rules).sort(), Object.entries(config.options).sort()]);
}
