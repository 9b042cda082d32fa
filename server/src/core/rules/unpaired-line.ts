import type { DocumentRule } from '../rule';
import { lineRange } from '../text';

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
  checkDocument({ model }, ctx) {
    const out = [];
    const sourceLang = model.order === 'en-zh' ? 'en' : 'zh';
    for (const rec of model.unpaired) {
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
      out.push({
        range: lineRange(line, rec.text.length),
        message,
        data: { lang: rec.kind, missing: isEn ? 'zh' : 'en' },
        fixes: [
          {
            title: ctx.t({ en: 'Insert a translation placeholder line', zh: '插入待译占位行' }),
            edits: [edit],
          },
        ],
      });
    }
    return out;
  },
};
