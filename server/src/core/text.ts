// Text utilities: line splitting that keeps every character (LF, CRLF and lone CR),
// BOM handling, and UTF-16 aware helpers.

import type { Position, Range } from './types';

export const BOM = '\uFEFF';

export interface SplitText {
  /** Line contents without their terminators. */
  lines: string[];
  /** Terminator after each line ('' for the last line). */
  eols: string[];
}

/**
 * Splits text into lines on LF, CRLF and lone CR. Joining lines[i] + eols[i]
 * gives back the exact input, so nothing is ever lost.
 */
export function splitLines(text: string): SplitText {
  // Fast path (most files): LF only. The native split is several times faster than a scan.
  if (text.indexOf('\r') === -1) {
    const lines = text.split('\n');
    const eols = new Array<string>(lines.length).fill('\n');
    eols[eols.length - 1] = '';
    return { lines, eols };
  }
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push(text.slice(start, i));
      eols.push('\n');
      start = ++i;
    } else if (c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        eols.push('\r\n');
        i += 2;
      } else {
        eols.push('\r');
        i += 1;
      }
      start = i;
    } else {
      i++;
    }
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

export function joinLines(split: SplitText): string {
  let out = '';
  for (let i = 0; i < split.lines.length; i++) out += split.lines[i] + split.eols[i];
  return out;
}

/** Removes a leading UTF-8 BOM (as decoded U+FEFF). */
export function stripBom(text: string): { text: string; hadBom: boolean } {
  if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), hadBom: true };
  return { text, hadBom: false };
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset off the middle of a surrogate pair (towards the start). */
export function snapToBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  if (isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))) return offset - 1;
  return offset;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, length: number): Range {
  return range(line, 0, line, length);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Counts code points (not UTF-16 units) — what a person would call characters. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) n++;
  }
  return n;
}
