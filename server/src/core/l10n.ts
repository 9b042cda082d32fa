// Messages are written in English and Simplified Chinese side by side, in the
// rule that emits them; the locale comes from the client (or the CLI's --locale).

export type Locale = 'en' | 'zh-cn';

export interface Bilingual {
  en: string;
  zh: string;
}

export function normalizeLocale(raw: unknown): Locale {
  if (typeof raw !== 'string') return 'en';
  const l = raw.toLowerCase();
  return l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l === 'zh-sg' ? 'zh-cn' : 'en';
}

/** Picks the message for the locale and fills {name} placeholders. */
export function localize(locale: Locale, msg: Bilingual, args?: Record<string, string | number>): string {
  let text = locale === 'zh-cn' ? msg.zh : msg.en;
  if (args) text = text.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
  return text;
}
