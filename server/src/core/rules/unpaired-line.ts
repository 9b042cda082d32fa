import type { LineRec } from '../document';
import type { DocumentFinding, DocumentRule } from '../rule';
import { shiftedFinding } from '../moved';
import { lineRange } from '../text';
import { nextContent, notTranslated, previousContent, untranslated } from './untranslated';

/** A line in one language with no counterpart in the other. */
export const unpairedLine: DocumentRule = {
  id: 'unpaired-line',
  scope: 'document',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A line has no counterpart in the other language (a missing translation, or a caption left untranslated).',
    zh: '某一行在另一种语言中没有对应行（漏译，或未翻译的图片说明）。',
  },
  checkDocument({ doc, model, state }, ctx) {
    const out: DocumentFinding[] = [];
    const sourceLang = model.order === 'en-zh' ? 'en' : 'zh';
    // Findings are kept per line record and handed back unchanged while the line has not
    // moved, so a keystroke in a book with thousands of captions rebuilds none of them.
    let seen = state.get('byRec') as WeakMap<LineRec, { line: number; order: string; eol: string; bare: boolean; locale: string; finding: DocumentFinding }> | undefined;
    if (!seen) state.set('byRec', (seen = new WeakMap()));
    // A line that untranslated reports (the source copied where its translation belongs, or
    // left half done) is not a source of its own: one finding is enough, and a placeholder
    // line after it would be wrong.
    const claimed = (ctx.config.rules[untranslated.id] ?? untranslated.defaultSeverity) !== 'off';
    for (const rec of model.unpaired) {
      let bare = false;
      if (claimed) {
        const prev = previousContent(doc.lines, rec);
        if (prev && notTranslated(rec, prev, model)) continue;
        // The source line above such a line gets no placeholder: one between the two parted
        // them, the line below, no longer under its source, became an unpaired line of its
        // own and fix-all went on to it. A source whose translation is begun (half done) has
        // one, and the finding below says so; a copied source still has none: reported, not fixed.
        const next = nextContent(doc.lines, rec);
        const below = next && !model.pairOfLine[next.line] ? notTranslated(next, rec, model) : undefined;
        if (below === 'half') continue;
        bare = below === 'copy';
      }
      const kept = seen.get(rec);
      if (kept && kept.order === model.order && kept.eol === rec.eol && kept.bare === bare && kept.locale === ctx.locale) {
        // the same line, moved (lines inserted or deleted above): the same finding, shifted
        if (kept.line !== rec.line) {
          kept.finding = shiftedFinding(kept.finding, rec.line - kept.line);
          kept.line = rec.line;
        }
        out.push(kept.finding);
        continue;
      }
      const isEn = rec.kind === 'en';
      const isSource = rec.kind === sourceLang;
      const message = isEn
        ? ctx.t({ en: 'English line has no Chinese translation', zh: '英文行没有对应的中文译文' })
        : ctx.t({ en: 'Chinese line has no English source', zh: '中文行没有对应的英文原文' });
      const placeholder = isEn ? '（待译）' : '(to translate)';
      const line = rec.line;
      // Insert the placeholder where the pairing expects the counterpart:
      // after a source line, before a translation line.
      const edit = isSource
        ? { range: { start: { line, character: rec.text.length }, end: { line, character: rec.text.length } }, newText: (rec.eol || '\n') + placeholder }
        : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: placeholder + (rec.eol || '\n') };
      const finding: DocumentFinding = {
        range: lineRange(line, rec.text.length),
        message,
        data: { lang: rec.kind, missing: isEn ? 'zh' : 'en' },
        fixes: bare
          ? undefined
          : [
              {
                title: ctx.t({ en: 'Insert a translation placeholder line', zh: '插入待译占位行' }),
                edits: [edit],
              },
            ],
      };
      seen.set(rec, { line, order: model.order, eol: rec.eol, bare, locale: ctx.locale, finding });
      out.push(finding);
    }
    return out;
  },
};
