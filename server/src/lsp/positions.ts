// Position tolerance for clients that get LSP's UTF-16 rule wrong.
// Neovim 0.7 (Debian bookworm's nvim) converts the server's diagnostics to byte
// columns and, when it asks for code actions, sends them back in
// context.diagnostics with those byte columns unconverted
// (vim.lsp.diagnostic.get_line_diagnostics). On a Chinese line every column
// then differs, so no finding would match and no quick fix be offered.

import type { Position, Range } from 'vscode-languageserver/node';

/** The UTF-16 column of a UTF-8 byte column in `line`, or undefined if it falls inside a character or past the end. */
export function utf16FromByte(line: string, byteCol: number): number | undefined {
  let bytes = 0;
  let units = 0;
  for (const ch of line) {
    if (bytes === byteCol) return units;
    if (bytes > byteCol) return undefined;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  return bytes === byteCol ? units : undefined;
}

/** `range` read as byte columns, converted to UTF-16; undefined when it cannot be a byte range of these lines. */
export function utf16RangeFromBytes(range: Range, lineText: (line: number) => string): Range | undefined {
  const conv = (p: Position): Position | undefined => {
    const c = utf16FromByte(lineText(p.line), p.character);
    return c === undefined ? undefined : { line: p.line, character: c };
  };
  const start = conv(range.start);
  const end = conv(range.end);
  return start && end ? { start, end } : undefined;
}
