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
    warnings.push(`bilingualReview settings must be an object; got ${typeof raw}. Using defaults.`);
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
      config.options[key] = value;
    }
  }
  return { config, warnings };
}

/** Stable key of everything that changes findings (used to invalidate caches). */
export function configKey(config: ReviewConfig): string {
  return JSON.stringify([config.order, config.locale, Object.entries(config.rules).sort(), Object.entries(config.options).sort()]);
}
