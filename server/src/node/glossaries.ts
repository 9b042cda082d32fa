// Reading glossary files from disk (for the CLI and the language server):
// discovery of .bilingual/glossary.{tsv,csv,tbx}, decoding, parsing, and a cache
// keyed by modification time. Errors are returned, never thrown.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeGlossary, Glossary, glossaryFormat, parseGlossary, type GlossaryEntry, type GlossaryError } from '../core';

export const GLOSSARY_NAMES = ['glossary.tsv', 'glossary.csv', 'glossary.tbx'];

export interface LoadedGlossary {
  path: string;
  entries: GlossaryEntry[];
  errors: GlossaryError[];
}

/** `.bilingual/glossary.*` files present in a folder. */
export function discoverGlossaries(dir: string): string[] {
  const out: string[] = [];
  for (const name of GLOSSARY_NAMES) {
    const p = path.join(dir, '.bilingual', name);
    try {
      if (fs.statSync(p).isFile()) out.push(p);
    } catch {
      // absent
    }
  }
  return out;
}

const cache = new Map<string, { mtime: number; size: number; loaded: LoadedGlossary }>();

/** A glossary of 100,000 terms is about 5 MB. */
export const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024;

/** Reads and parses one glossary file (cached until it changes on disk). */
export function loadGlossaryFile(file: string): LoadedGlossary {
  const p = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    return { path: p, entries: [], errors: [{ line: 0, message: `Cannot read the glossary: ${(e as NodeJS.ErrnoException).code ?? e}` }] };
  }
  // Never block on a FIFO or read a device or a huge file: a glossary path comes from the
  // workspace (.bilingual/glossary.*, the glossaries setting) and must not hang the server.
  if (!st.isFile()) return { path: p, entries: [], errors: [{ line: 0, message: 'Cannot read the glossary: not a regular file' }] };
  if (st.size > MAX_GLOSSARY_BYTES) return { path: p, entries: [], errors: [{ line: 0, message: `Cannot read the glossary: too large (${Math.round(st.size / 1048576)} MB; the limit is ${MAX_GLOSSARY_BYTES / 1048576} MB)` }] };
  const hit = cache.get(p);
  if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.loaded;
  const format = glossaryFormat(p) ?? 'tsv';
  let loaded: LoadedGlossary;
  try {
    const bytes = fs.readFileSync(p);
    const decoded = decodeGlossary(bytes);
    if ('error' in decoded) loaded = { path: p, entries: [], errors: [decoded.error] };
    else {
      const parsed = parseGlossary(decoded.text, format, p);
      loaded = { path: p, entries: parsed.entries, errors: parsed.errors };
    }
  } catch (e) {
    loaded = { path: p, entries: [], errors: [{ line: 0, message: `Cannot read the glossary: ${(e as Error).message}` }] };
  }
  cache.set(p, { mtime: st.mtimeMs, size: st.size, loaded });
  return loaded;
}

export function forgetGlossary(file: string): void {
  cache.delete(path.resolve(file));
}

const combined = new Map<string, { parts: LoadedGlossary[]; glossary: Glossary }>();

/**
 * One Glossary from several files (earlier files win for the same English term).
 * The same list of unchanged files gives the same Glossary object, so rule caches survive.
 */
export function combineGlossaries(files: readonly string[]): { glossary: Glossary | undefined; loaded: LoadedGlossary[] } {
  const unique = [...new Set(files.map((f) => path.resolve(f)))];
  const loaded = unique.map(loadGlossaryFile);
  if (loaded.every((l) => l.entries.length === 0)) return { glossary: undefined, loaded };
  const key = unique.join('\n');
  const hit = combined.get(key);
  if (hit && hit.parts.length === loaded.length && hit.parts.every((p, i) => p === loaded[i])) return { glossary: hit.glossary, loaded };
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  for (const l of loaded)
    for (const e of l.entries) {
      const k = e.en.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      entries.push(e);
    }
  const glossary = new Glossary(entries);
  combined.set(key, { parts: loaded, glossary });
  return { glossary, loaded };
}

/** The line to append to a TSV glossary for a new entry (with a header when the file is new). */
export function tsvLine(en: string, zh: string, isNew: boolean): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  return (isNew ? 'English\tChinese\tForbidden\tNote\n' : '') + `${clean(en)}\t${clean(zh)}\t\t\n`;
}
