// Public API of the checker core (no vscode, no LSP).
export * from './types';
export * from './text';
export { classifyLine, countScripts } from './script';
export { ReviewDocument, LineRec, buildModel } from './document';
export type { Pair, DocumentModel, ContentChange, ModelEdit } from './document';
export { modelEdit, modelSerial } from './document';
export { pairDelta } from './delta';
export type { PairDelta } from './delta';
export { DocumentSession, checkText, compareFindings, pairInput } from './checker';
export type { CheckResult, CheckStats, SessionOptions } from './checker';
export { normalizeConfig, defaultConfig, configKey, SEVERITY_SETTINGS } from './config';
export type { ReviewConfig } from './config';
export { localize, normalizeLocale } from './l10n';
export type { Locale, Bilingual } from './l10n';
export { RULES, RULE_IDS, getRule } from './rules/registry';
export { ruleDocUrl } from './rule';
export type { Rule, RuleContext, CheckEnvironment } from './rule';
