// Glossaries: parsing (TSV, CSV, TBX), and matching their terms in a pair.
// Parsing never throws: it returns the entries it could read and the errors it
// found, each with a 0-based line number of the glossary file.

import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { englishWords, singular, type Word } from './english';

export interface GlossaryEntry {
  /** The English term as written in the glossary. */
  en: string;
  /** Accepted Chinese renderings; the first is the preferred one. */
  zh: string[];
  /** Forbidden (deprecated) Chinese variants. */
  forbidden: string[];
  note?: string;
  /** Where the entry was defined (for related information). */
  origin?: { path?: string; line: number };
}

export interface GlossaryError {
  /** 0-based line in the glossary file. */
  line: number;
  /** 0-based column, when known. */
  character?: number;
  message: string;
}

export interface ParsedGlossary {
  entries: GlossaryEntry[];
  errors: GlossaryError[];
}

export type GlossaryFormat = 'tsv' | 'csv' | 'tbx';

export function glossaryFormat(path: string): GlossaryFormat | undefined {
  const m = /\.(tsv|tab|txt|csv|tbx|xml)$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'tbx' || ext === 'xml' ? 'tbx' : 'tsv';
}

/** Decodes a glossary file: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an error. */
export function decodeGlossary(bytes: Uint8Array): { text: string } | { error: GlossaryError } {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // find the first line with an invalid sequence, for the diagnostic
    let line = 0;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    return { error: { line, message: 'The glossary is not valid UTF-8 (or UTF-16 with a byte-order mark); save it as UTF-8.' } };
  }
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;
const LATIN = /[A-Za-z]/;

function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A first row naming the columns (English, Chinese… or 英文, 中文…) rather than a term. */
function isHeader(cells: string[]): boolean {
  const first = (cells[0] ?? '').trim();
  const second = (cells[1] ?? '').trim();
  return /^(english|en|en-us|en-gb|source|term|英文|英语)$/i.test(first) && (/^(chinese|zh|zh-cn|zh-hans|target|translation|中文|汉语|译文)$/i.test(second) || !HAN.test(second));
}

/** Checks one row (English, Chinese, forbidden?, note?) and adds it or an error. */
function addRow(cells: string[], line: number, out: ParsedGlossary, path?: string): void {
  const en = (cells[0] ?? '').trim();
  const zh = splitList(cells[1]);
  if (cells.length < 2 || zh.length === 0) {
    out.errors.push({ line, message: en ? `Missing the Chinese column for “${en}” (columns: English, Chinese, forbidden variants, note).` : 'Missing columns: expected English, Chinese, optional forbidden variants and note.' });
    return;
  }
  if (!en) {
    out.errors.push({ line, message: 'Missing the English term in the first column.' });
    return;
  }
  if (!LATIN.test(en)) {
    out.errors.push({ line, message: `The first column should be the English term; got “${en}”.` });
    return;
  }
  if (!zh.some((z) => HAN.test(z))) {
    out.errors.push({ line, message: `The second column should be the Chinese rendering; got “${zh.join('; ')}”.` });
    return;
  }
  const forbidden = splitList(cells[2]).filter((f) => !zh.includes(f));
  const note = (cells[3] ?? '').trim() || undefined;
  out.entries.push({ en, zh, forbidden, note, origin: { path, line } });
}

function parseTsv(text: string, path?: string): ParsedGlossary {
  const out: ParsedGlossary = { entries: [], errors: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let first = true;
  lines.forEach((raw, line) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t');
    if (first) {
      first = false;
      if (isHeader(cells)) return;
    }
    if (cells.length < 2 && /,/.test(raw)) {
      out.errors.push({ line, message: 'No tab found: columns of a .tsv glossary are separated by tabs (use .csv for commas).' });
      return;
    }
    addRow(cells, line, out, path);
  });
  return out;
}

function parseCsvText(text: string, path?: string): ParsedGlossary {
  const out: ParsedGlossary = { entries: [], errors: [] };
  let records: { record: string[]; info: { lines: number } }[] = [];
  const body = text.replace(/^\uFEFF/, '');
  try {
    records = parseCsv(body, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, comment: '#' }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    out.errors.push({ line: Math.max(0, (err.lines ?? 1) - 1), message: `Malformed CSV: ${String(err.message ?? e).replace(/^Invalid /, 'invalid ')}` });
    // keep what parses before the broken line
    const cut = body.split(/\r\n|\r|\n/).slice(0, Math.max(0, (err.lines ?? 1) - 1)).join('\n');
    try {
      records = parseCsv(cut, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, comment: '#' }) as unknown as typeof records;
    } catch {
      records = [];
    }
  }
  let first = true;
  for (const { record, info } of records) {
    const line = info.lines - 1;
    if (first) {
      first = false;
      if (isHeader(record)) continue;
    }
    addRow(record, line, out, path);
  }
  return out;
}

function parseTbx(text: string, path?: string): ParsedGlossary {
  const out: ParsedGlossary = { entries: [], errors: [] };
  const parser = new SaxesParser({ position: true });
  interface Term {
    text: string;
    status?: string;
  }
  let entry: { line: number; en: Term[]; zh: Term[]; note?: string } | undefined;
  let lang: string | undefined;
  let term: Term | undefined;
  let inTerm = false;
  let statusOpen = false;
  let statusText = '';
  let noteOpen = false;
  let noteText = '';
  let failed = false;
  parser.on('error', (e) => {
    if (!failed) out.errors.push({ line: Math.max(0, parser.line - 1), character: Math.max(0, parser.column - 1), message: `Malformed TBX (XML): ${e.message.replace(/^(?:.*?:)?\d+:\d+:\s*/, '')}` });
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'termEntry' || name === 'conceptEntry') entry = { line: parser.line - 1, en: [], zh: [] };
    else if (name === 'langSec' || name === 'langSet') {
      const l = (tag.attributes['xml:lang'] ?? tag.attributes['lang'] ?? '') as string;
      lang = l.toLowerCase().startsWith('en') ? 'en' : l.toLowerCase().startsWith('zh') ? 'zh' : undefined;
    } else if (name === 'termSec' || name === 'tig' || name === 'ntig') term = { text: '' };
    else if (name === 'term') {
      inTerm = true;
      if (!term) term = { text: '' };
    } else if ((name === 'termNote' || name === 'descrip') && /administrativeStatus|normativeAuthorization/.test(String(tag.attributes['type'] ?? ''))) {
      statusOpen = true;
      statusText = '';
    } else if ((name === 'note' || name === 'descrip') && !statusOpen) {
      noteOpen = true;
      noteText = '';
    }
  });
  parser.on('text', (t) => {
    if (inTerm && term) term.text += t;
    if (statusOpen) statusText += t;
    if (noteOpen) noteText += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'term') inTerm = false;
    else if (statusOpen && (name === 'termNote' || name === 'descrip')) {
      statusOpen = false;
      if (term) term.status = statusText.trim();
    } else if (noteOpen && (name === 'note' || name === 'descrip')) {
      noteOpen = false;
      if (entry && noteText.trim()) entry.note = noteText.trim();
    } else if ((name === 'termSec' || name === 'tig' || name === 'ntig') && term) {
      if (entry && lang && term.text.trim()) entry[lang as 'en' | 'zh'].push({ text: term.text.trim(), status: term.status });
      term = undefined;
    } else if (name === 'langSec' || name === 'langSet') lang = undefined;
    else if ((name === 'termEntry' || name === 'conceptEntry') && entry) {
      const bad = (t: Term) => /forbidden|deprecated|superseded|notRecommended|admitted-?not|rejected/i.test(t.status ?? '');
      const en = entry.en.filter((t) => !bad(t));
      const zh = entry.zh.filter((t) => !bad(t));
      const forbidden = entry.zh.filter(bad).map((t) => t.text);
      if (en.length === 0 || zh.length === 0) {
        out.errors.push({ line: entry.line, message: en.length === 0 ? 'This termEntry has no English term (langSec xml:lang="en").' : 'This termEntry has no accepted Chinese term (langSec xml:lang="zh").' });
      } else {
        for (const e of en) {
          // preferred terms first
          const sorted = [...zh].sort((a, b) => Number(/preferred/i.test(b.status ?? '')) - Number(/preferred/i.test(a.status ?? '')));
          out.entries.push({ en: e.text, zh: sorted.map((t) => t.text), forbidden, note: entry.note, origin: { path, line: entry.line } });
        }
      }
      entry = undefined;
    }
  });
  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch {
    // reported by the error handler
  }
  // malformed XML: its first error is the one to fix (elements closed implicitly would add noise)
  if (failed) out.errors = out.errors.filter((e) => e.message.startsWith('Malformed TBX'));
  return out;
}

/** Parses a glossary's text; never throws. */
export function parseGlossary(text: string, format: GlossaryFormat, path?: string): ParsedGlossary {
  try {
    if (format === 'tbx') return parseTbx(text, path);
    if (format === 'csv') return parseCsvText(text, path);
    return parseTsv(text, path);
  } catch (e) {
    return { entries: [], errors: [{ line: 0, message: `Could not read the glossary: ${(e as Error)?.message ?? e}` }] };
  }
}

/** An English glossary term found in a line. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
  text: string;
}

interface Compiled {
  entry: GlossaryEntry;
  norms: string[];
  initials: string;
}

let glossaryIds = 0;

/**
 * A set of glossary entries with fast matching: English whole-word, case- and
 * plural-insensitive (and by initials: E.V.s for "electric vehicle"); Chinese by substring.
 */
export class Glossary {
  readonly id: string;
  readonly entries: readonly GlossaryEntry[];
  private byFirst = new Map<string, Compiled[]>();
  private byInitials = new Map<string, Compiled[]>();

  constructor(entries: readonly GlossaryEntry[]) {
    this.id = `g${++glossaryIds}`;
    this.entries = entries;
    for (const entry of entries) {
      const words = englishWords(entry.en);
      if (words.length === 0) continue;
      const norms = words.map((w, i) => (i === words.length - 1 ? w.norm : w.acronym ?? w.text.toLowerCase()));
      const initials = words.length >= 2 ? words.map((w) => w.text[0].toLowerCase()).join('') : '';
      const c: Compiled = { entry, norms, initials };
      const list = this.byFirst.get(norms[0]) ?? [];
      list.push(c);
      this.byFirst.set(norms[0], list);
      if (norms.length === 1 && norms[0] !== singular(norms[0])) this.byFirst.set(singular(norms[0]), list);
      if (initials) this.byInitials.set(initials, [...(this.byInitials.get(initials) ?? []), c]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Glossary terms in an English text, longest match first, not overlapping. */
  matchEnglish(text: string): GlossaryMatch[] {
    const words = englishWords(text);
    const out: GlossaryMatch[] = [];
    const firstKey = (w: Word, last: boolean) => (last ? w.norm : w.acronym ?? w.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let hit: Compiled | undefined;
      let len = 0;
      const cands = new Set([...(this.byFirst.get(w.acronym ?? w.text.toLowerCase()) ?? []), ...(this.byFirst.get(w.norm) ?? [])]);
      for (const c of cands) {
        if (i + c.norms.length > words.length) continue;
        let ok = true;
        for (let k = 0; k < c.norms.length && ok; k++) {
          const ww = words[i + k];
          const last = k === c.norms.length - 1;
          ok = firstKey(ww, last) === c.norms[k] || (last && ww.norm === singular(c.norms[k])) || (!last && ww.norm === singular(c.norms[k]));
          if (ok && k > 0 && !/^[\s-]+$/.test(text.slice(words[i + k - 1].end, ww.start))) ok = false;
        }
        if (ok && c.norms.length > len) {
          hit = c;
          len = c.norms.length;
        }
      }
      if (!hit && w.acronym && w.acronym.length >= 2) {
        const byInit = this.byInitials.get(w.acronym);
        if (byInit) {
          hit = byInit[0];
          len = 1;
        }
      }
      if (hit) {
        const end = words[i + len - 1].end;
        out.push({ entry: hit.entry, start: w.start, end, text: text.slice(w.start, end) });
        i += len - 1;
      }
    }
    return out;
  }

  /** Entries whose English is `term` (normalised comparison), for hovers and the terms view. */
  lookup(term: string): GlossaryEntry | undefined {
    const m = this.matchEnglish(term);
    return m.length === 1 && m[0].start === 0 && m[0].end >= term.trim().length ? m[0].entry : undefined;
  }
}

/** Offsets of every (non-overlapping) occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let i = text.indexOf(needle);
  while (i >= 0) {
    out.push(i);
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/** How the host hands glossaries to rules: `ctx.env.services.glossary`. */
export type GlossaryService = Glossary;
