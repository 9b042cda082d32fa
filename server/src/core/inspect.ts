// What the checker can tell about one spot of the document, for hovers and
// highlights: the counterpart line, what rules know about the token there
// (their optional inspect()), the findings covering it, and a directive's meaning.
// Pure: the LSP server turns this into Hover and DocumentHighlight.

import type { DocumentSession } from './checker';
import { pairInput } from './checker';
import type { Pair } from './document';
import { localize, type Bilingual, type Locale } from './l10n';
import { escapeMarkdown, inlineCode, quoteLine } from './markdown';
import { ruleDocUrl, type Inspection } from './rule';
import { directiveOf, suppressionIndex, type Directive } from './suppressions';
import { snapToBoundary } from './text';
import type { Finding, Lang, LocalSpan, Position, Range } from './types';

export type SectionKind = 'inspection' | 'finding' | 'counterpart' | 'directive';

export interface InspectSection {
  kind: SectionKind;
  /** The rule a section comes from (inspection, finding). */
  ruleId?: string;
  markdown: string;
}

export interface InspectHighlight {
  range: Range;
  /** 'self': the inspected token; 'counterpart': what it corresponds to in the other line. */
  role: 'self' | 'counterpart';
}

export interface InspectResult {
  /** In display order: rule inspections, findings, the directive, the counterpart line. */
  sections: InspectSection[];
  /** The range the result is about (the token, the finding, or the whole line). */
  range: Range;
  highlights: InspectHighlight[];
}

export interface InspectOptions {
  /** Where a rule's documentation lives (the LSP server links to the docs shipped with it). */
  docUrl?: (ruleId: string) => string;
}

/** Separator between hover sections. */
export const SECTION_SEPARATOR = '\n\n---\n\n';

const T = {
  source: { en: 'Source', zh: '原文' },
  translation: { en: 'Translation', zh: '译文' },
  en: { en: 'English', zh: '英文' },
  zh: { en: 'Chinese', zh: '中文' },
  line: { en: 'line {n}', zh: '第 {n} 行' },
  lines: { en: 'lines {a}–{b}', zh: '第 {a}–{b} 行' },
  noCounterpartEn: { en: '**No counterpart** · this English line ({line}) has no Chinese translation', zh: '**无对应行** · 此英文行（{line}）没有对应的中文译文' },
  noCounterpartZh: { en: '**No counterpart** · this Chinese line ({line}) has no English source', zh: '**无对应行** · 此中文行（{line}）没有对应的英文原文' },
  ruleDocs: { en: 'Rule documentation', zh: '规则说明' },
  severity: {
    error: { en: 'error', zh: '错误' },
    warning: { en: 'warning', zh: '警告' },
    information: { en: 'information', zh: '信息' },
    hint: { en: 'hint', zh: '提示' },
  },
  directive: { en: 'Suppression', zh: '忽略指令' },
  everyRule: { en: 'every rule', zh: '所有规则' },
  nextPair: { en: 'Ignores {rules} for the next pair ({where}).', zh: '对下一句对（{where}）忽略 {rules}。' },
  nextPairNone: { en: 'Ignores {rules} for the next pair, but no text follows it.', zh: '对下一句对忽略 {rules}，但其后没有正文。' },
  disable: { en: 'Ignores {rules} from here on, until a matching `bilingual-review-enable`.', zh: '从此处起忽略 {rules}，直到对应的 `bilingual-review-enable`。' },
  enable: { en: 'Checks {rules} again from here on.', zh: '从此处起重新检查 {rules}。' },
  reason: { en: 'Reason: {reason}', zh: '理由：{reason}' },
  unknown: { en: 'Unknown rule {id}: this name ignores nothing.', zh: '未知规则 {id}：此名称不会忽略任何内容。' },
} satisfies Record<string, Bilingual | Record<string, Bilingual>>;

function pos(line: number, character: number): Position {
  return { line, character };
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character < r.end.character);
  const empty = r.start.line === r.end.line && r.start.character === r.end.character;
  return afterStart && (beforeEnd || (empty && p.line === r.start.line && p.character === r.start.character));
}

function spanRange(pair: Pair, span: LocalSpan): Range {
  const line = span.side === 'source' ? pair.source.line : pair.target.line;
  return { start: pos(line, span.start), end: pos(line, span.end) };
}

function rangeSize(r: Range): number {
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

function langName(locale: Locale, lang: Lang): string {
  return localize(locale, T[lang]);
}

/** The counterpart section: the other line of the pair, in full, or a note that there is none. */
export function counterpartMarkdown(locale: Locale, pair: Pair | undefined, line: number, lang: Lang): string {
  const t = (m: Bilingual, a?: Record<string, string | number>) => localize(locale, m, a);
  if (!pair) return t(lang === 'en' ? T.noCounterpartEn : T.noCounterpartZh, { line: t(T.line, { n: line + 1 }) });
  const isSource = pair.source.line === line;
  const other = isSource ? pair.target : pair.source;
  const otherLang = isSource ? pair.targetLang : pair.sourceLang;
  const title = `**${t(isSource ? T.translation : T.source)}** · ${langName(locale, otherLang)} · ${t(T.line, { n: other.line + 1 })}`;
  return `${title}\n\n${quoteLine(other.text)}`;
}

function findingMarkdown(locale: Locale, f: Finding, description: Bilingual | undefined, url: string): string {
  const t = (m: Bilingual, a?: Record<string, string | number>) => localize(locale, m, a);
  const sev = t(T.severity[f.severity]);
  const head = locale === 'zh-cn' ? `**${f.ruleId}**（${sev}）：${escapeMarkdown(f.message)}` : `**${f.ruleId}** (${sev}): ${escapeMarkdown(f.message)}`;
  const body = `${description ? escapeMarkdown(t(description)) + ' ' : ''}[${t(T.ruleDocs)}](${url})`;
  return `${head}\n\n${body}`;
}

function directiveMarkdown(session: DocumentSession, line: number, d: Directive): string {
  const locale = session.getConfig().locale;
  const t = (m: Bilingual, a?: Record<string, string | number>) => localize(locale, m, a);
  const known = new Set(session.rules.map((r) => r.id));
  const rules = d.rules.length ? d.rules.map(inlineCode).join(locale === 'zh-cn' ? '、' : ', ') : t(T.everyRule);
  let text: string;
  if (d.kind === 'disable-next-pair') {
    const model = session.check().model;
    const covered = suppressionIndex(session.doc, model).coveredBy(line);
    if (covered.length === 0) text = t(T.nextPairNone, { rules });
    else {
      const a = Math.min(...covered) + 1;
      const b = Math.max(...covered) + 1;
      text = t(T.nextPair, { rules, where: a === b ? t(T.line, { n: a }) : t(T.lines, { a, b }) });
    }
  } else text = t(d.kind === 'disable' ? T.disable : T.enable, { rules });
  const parts = [`**${t(T.directive)}** · ${text}`];
  if (d.reason) parts.push(t(T.reason, { reason: escapeMarkdown(d.reason) }));
  for (const id of d.rules) if (!known.has(id)) parts.push(t(T.unknown, { id: inlineCode(id) }));
  return parts.join('\n\n');
}

/**
 * Everything known about (line, character): sections of Markdown for a hover and
 * spans to highlight. Undefined on blank lines and past the end of the document.
 */
export function inspectAt(session: DocumentSession, position: Position, options: InspectOptions = {}): InspectResult | undefined {
  const result = session.check();
  const { model } = result;
  const rec = session.doc.lines[position.line];
  if (!rec || rec.kind === 'blank') return undefined;
  const line = position.line;
  const offset = snapToBoundary(rec.text, position.character);
  const at = pos(line, offset);
  const config = session.getConfig();
  const locale = config.locale;
  const docUrl = options.docUrl ?? ruleDocUrl;
  const sections: InspectSection[] = [];
  const highlights: InspectHighlight[] = [];
  const wholeLine: Range = { start: pos(line, 0), end: pos(line, rec.text.length) };
  let range: Range | undefined;

  if (rec.kind === 'other') {
    const d = directiveOf(rec);
    if (!d) return undefined;
    sections.push({ kind: 'directive', markdown: directiveMarkdown(session, line, d) });
    return { sections, range: wholeLine, highlights };
  }

  const pair = model.pairOfLine[line];
  if (pair) {
    const side = pair.source === rec ? 'source' : 'target';
    const input = pairInput(pair);
    const ctx = session.context();
    for (const rule of session.rules) {
      if (rule.scope === 'line' || !rule.inspect || session.severityOf(rule) === 'off') continue;
      let ins: Inspection | undefined;
      try {
        ins =
          rule.scope === 'pair'
            ? rule.inspect(input, side, offset, ctx)
            : rule.inspect({ doc: session.doc, model, state: session.ruleState(rule.id), pair: input }, side, offset, ctx);
      } catch (error) {
        session.env.onRuleError?.(rule.id, error);
        continue;
      }
      if (!ins) continue;
      if (ins.markdown) sections.push({ kind: 'inspection', ruleId: rule.id, markdown: ins.markdown });
      if (ins.span) {
        const r = spanRange(pair, ins.span);
        highlights.push({ range: r, role: 'self' });
        if (!range || rangeSize(r) < rangeSize(range)) range = r;
      }
      for (const s of ins.spans ?? []) highlights.push({ range: spanRange(pair, s), role: 'counterpart' });
    }
  }

  let findingRange: Range | undefined;
  for (const f of result.findings) {
    if (f.range.start.line > line) break; // findings are sorted by start
    if (!contains(f.range, at)) continue;
    const rule = session.rules.find((r) => r.id === f.ruleId);
    sections.push({ kind: 'finding', ruleId: f.ruleId, markdown: findingMarkdown(locale, f, rule?.description, docUrl(f.ruleId)) });
    if (!findingRange || rangeSize(f.range) < rangeSize(findingRange)) findingRange = f.range;
  }

  sections.push({ kind: 'counterpart', markdown: counterpartMarkdown(locale, pair, line, rec.kind) });
  return { sections, range: range ?? findingRange ?? wholeLine, highlights };
}

/** The sections joined into one Markdown document (what the hover shows). */
export function inspectMarkdown(result: InspectResult): string {
  return result.sections.map((s) => s.markdown).join(SECTION_SEPARATOR);
}
