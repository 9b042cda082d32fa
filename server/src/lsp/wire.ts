// Writing messages over stdio. Every publish carries the document's full list of
// diagnostics (LSP has no partial update): at 100,000 pairs that is about 11,000
// diagnostics and 5 MB of JSON, and JSON.stringify of it took 25–30 ms per
// keystroke. The diagnostics of unchanged findings are the same objects from one
// publish to the next (see toDiagnosticCached), so their JSON is kept with them
// as UTF-8 bytes and a publish is written by copying the pieces. Other messages
// are written as vscode-jsonrpc writes them.
//
// Over IPC (VS Code's client) Node's process.send serialises the message itself:
// this encoder applies to stdio (Neovim, other editors, the benchmark).

import { inspect } from 'node:util';
import { StreamMessageWriter, type MessageWriter } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import { Stamp } from '../core/stamp';

/**
 * The JSON of a diagnostic that only moved (see core/moved.ts): the UTF-8 bytes of the
 * diagnostic it was first written for, and where in them its line numbers are (the
 * range's start and end, then each related information's). Shared by every later
 * diagnostic moved from it: each is written from these bytes with its own line numbers,
 * straight into the message, so a moved diagnostic costs no encoding and no buffer.
 */
class Template {
  constructor(
    readonly bytes: Uint8Array,
    /** Byte offset of each line number's first digit. */
    readonly at: Int32Array,
    /** How many digits it has there. */
    readonly len: Uint8Array,
  ) {}
}

/**
 * UTF-8 JSON of each Diagnostic object written (Diagnostics are never mutated once
 * published), or its template: a private field of the diagnostic (see core/stamp.ts;
 * cheaper than a WeakMap for the 11,552 diagnostics of every publish at 100,000 pairs).
 */
class Piece extends Stamp {
  #piece: Uint8Array | Template;
  constructor(d: object, piece: Uint8Array | Template) {
    super(d);
    this.#piece = piece;
  }
  static get(d: object): Uint8Array | Template | undefined {
    return #piece in d ? (d as Piece).#piece : undefined;
  }
  static set(d: object, piece: Uint8Array | Template): void {
    if (#piece in d) (d as Piece).#piece = piece;
    else new Piece(d, piece);
  }
}
// (TextEncoder gives each piece its own small buffer: pooled Buffer slices would keep whole 8 KB slabs alive)
const utf8 = new TextEncoder();
/** Set once this process writes publishes with messageBytes (stdio): only then are moved diagnostics recorded. */
let active = false;

/** Diagnostics written from a template, and encoded afresh (for tests and benchmarks). */
export const wireStats = { fromTemplate: 0, encoded: 0, encodedBytes: 0 };

/** Whether publishes are written here (so that a ShiftedDiagnostic is worth making). */
export function writesPieces(): boolean {
  return active;
}

/** Where a finding's line numbers are (a Finding: its range, then its related ranges). */
interface FindingLines {
  range: { start: { line: number }; end: { line: number } };
  related?: { range: { start: { line: number }; end: { line: number } }; message: string }[];
}

/**
 * The diagnostic of a finding that only moved (see core/moved.ts): the diagnostic `base`
 * (a plain one, written before) with the line numbers of `finding` and nothing else
 * changed (the caller checked: same message, data, columns and related messages). One
 * small object instead of a Diagnostic, its related information and their locations per
 * moved finding (about 5,800 after Enter at 100,000 pairs): over stdio it is written from
 * the template of base's bytes; read as a Diagnostic (its getters, JSON.stringify through
 * toJSON) it is exactly the plain diagnostic it stands for.
 */
export class ShiftedDiagnostic {
  /** Its template (base's), or its own bytes when base's JSON has other "line" keys. */
  piece: Uint8Array | Template | undefined;
  constructor(
    readonly base: Diagnostic,
    readonly finding: FindingLines,
    readonly uri: string,
  ) {}
  get range(): Diagnostic['range'] {
    return this.finding.range as Diagnostic['range'];
  }
  get severity(): Diagnostic['severity'] {
    return this.base.severity;
  }
  get code(): Diagnostic['code'] {
    return this.base.code;
  }
  get codeDescription(): Diagnostic['codeDescription'] {
    return this.base.codeDescription;
  }
  get source(): Diagnostic['source'] {
    return this.base.source;
  }
  get message(): Diagnostic['message'] {
    return this.base.message;
  }
  get data(): unknown {
    return this.base.data;
  }
  get relatedInformation(): Diagnostic['relatedInformation'] {
    return this.toJSON().relatedInformation;
  }
  /** The plain diagnostic (the keys of toDiagnostic's, in its order). */
  toJSON(): Diagnostic {
    const o = this.base;
    const d: Diagnostic = { range: this.range, severity: o.severity, code: o.code, codeDescription: o.codeDescription, source: o.source, message: o.message, data: o.data };
    const related = this.finding.related;
    if (related?.length) d.relatedInformation = related.map((r) => ({ location: { uri: this.uri, range: r.range as Diagnostic['range'] }, message: r.message }));
    return d;
  }
}

type Lines = { range: { start: { line: number }; end: { line: number } }; relatedInformation?: { location: { range: { start: { line: number }; end: { line: number } } } }[] };

/** The i-th line number of a diagnostic's JSON (see Template); a ShiftedDiagnostic's are its finding's. */
function lineAt(d: Lines | ShiftedDiagnostic, i: number): number {
  if (d instanceof ShiftedDiagnostic) {
    const f = d.finding;
    if (i < 2) return i === 0 ? f.range.start.line : f.range.end.line;
    const r = f.related![(i - 2) >> 1].range;
    return i & 1 ? r.end.line : r.start.line;
  }
  if (i < 2) return i === 0 ? d.range.start.line : d.range.end.line;
  const r = d.relatedInformation![(i - 2) >> 1].location.range;
  return i & 1 ? r.end.line : r.start.line;
}

function digits(n: number): number {
  let k = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    k++;
  }
  return k;
}

/**
 * The template of a diagnostic's bytes, or undefined when its JSON has keys "line" besides
 * those of its ranges (in its data). The seven bytes `"line":` occur only as keys: inside a
 * JSON string every quotation mark is escaped.
 */
function templateOf(d: Lines, bytes: Uint8Array): Template | undefined {
  const n = 2 + 2 * (d.relatedInformation?.length ?? 0);
  const at = new Int32Array(n);
  const len = new Uint8Array(n);
  let k = 0;
  for (let i = bytes.indexOf(0x6c); i >= 0; i = bytes.indexOf(0x6c, i + 1)) {
    // l i n e " :
    if (bytes[i - 1] !== 0x22 || bytes[i + 1] !== 0x69 || bytes[i + 2] !== 0x6e || bytes[i + 3] !== 0x65 || bytes[i + 4] !== 0x22 || bytes[i + 5] !== 0x3a) continue;
    if (k === n) return undefined;
    let j = i + 6;
    let v = 0;
    while (bytes[j] >= 0x30 && bytes[j] <= 0x39) v = v * 10 + bytes[j++] - 0x30;
    if (j === i + 6 || v !== lineAt(d, k)) return undefined;
    at[k] = i + 6;
    len[k] = j - i - 6;
    k++;
  }
  return k === n ? new Template(bytes, at, len) : undefined;
}

function encoded(d: object): Uint8Array {
  const b = utf8.encode(JSON.stringify(d));
  wireStats.encoded++;
  wireStats.encodedBytes += b.length;
  return b;
}

function pieceOf(d: object): Uint8Array | Template {
  if (d instanceof ShiftedDiagnostic) {
    if (d.piece) return d.piece;
    const from = pieceOf(d.base);
    const tpl = from instanceof Template ? from : templateOf(d.base as Lines, from);
    if (tpl && !(from instanceof Template)) Piece.set(d.base, tpl);
    // (base's JSON has other "line" keys: its own JSON, through toJSON)
    return (d.piece = tpl ?? encoded(d));
  }
  let b = Piece.get(d);
  if (b === undefined) Piece.set(d, (b = encoded(d)));
  return b;
}

/** Bytes of a diagnostic written from a template: its own line numbers in the template's bytes. */
function templateLength(t: Template, d: Lines | ShiftedDiagnostic): number {
  let n = t.bytes.length;
  for (let i = 0; i < t.at.length; i++) n += digits(lineAt(d, i)) - t.len[i];
  return n;
}

/** Copies bytes[from, to) to out at o (short stretches byte by byte: a subarray for each costs more). */
function copy(bytes: Uint8Array, from: number, to: number, out: Uint8Array, o: number): void {
  if (to - from < 64) for (let i = from; i < to; i++) out[o++] = bytes[i];
  else out.set(bytes.subarray(from, to), o);
}

function writeTemplate(t: Template, d: Lines | ShiftedDiagnostic, out: Uint8Array, o: number): number {
  const { bytes, at, len } = t;
  let from = 0;
  for (let i = 0; i < at.length; i++) {
    copy(bytes, from, at[i], out, o);
    o += at[i] - from;
    let v = lineAt(d, i);
    const k = digits(v);
    for (let j = o + k - 1; j >= o; j--) {
      out[j] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    o += k;
    from = at[i] + len[i];
  }
  copy(bytes, from, bytes.length, out, o);
  return o + bytes.length - from;
}

/**
 * The UTF-8 JSON of a message: the bytes of JSON.stringify(msg), with the diagnostics of
 * a publish copied from the bytes kept for each (encoding 5 MB of mostly Chinese text
 * costs more than writing it).
 */
export function messageBytes(msg: unknown): Uint8Array {
  const m = msg as { jsonrpc?: unknown; method?: unknown; params?: { diagnostics?: unknown } };
  if (m && m.method === 'textDocument/publishDiagnostics' && m.params && Array.isArray(m.params.diagnostics) && m.params.diagnostics.length > 16) {
    const keys = Object.keys(m);
    const paramKeys = Object.keys(m.params);
    // JSON.stringify writes keys in insertion order: diagnostics must come last for the pieces to go at the end
    if (
      keys.length === 3 &&
      keys[0] === 'jsonrpc' &&
      keys[1] === 'method' &&
      keys[2] === 'params' &&
      paramKeys[paramKeys.length - 1] === 'diagnostics' &&
      m.params.diagnostics.every((d) => d instanceof ShiftedDiagnostic || (d !== null && typeof d === 'object' && !Array.isArray(d) && typeof (d as { toJSON?: unknown }).toJSON !== 'function'))
    ) {
      const { diagnostics, ...rest } = m.params as { diagnostics: object[] };
      const restJson = JSON.stringify(rest);
      const head = Buffer.from('{"jsonrpc":' + JSON.stringify(m.jsonrpc) + ',"method":"textDocument/publishDiagnostics","params":' + (restJson === '{}' ? '{' : restJson.slice(0, -1) + ',') + '"diagnostics":[', 'utf-8');
      active = true;
      const parts = new Array<Uint8Array | Template>(diagnostics.length);
      let length = head.length + Math.max(0, diagnostics.length - 1) + 3;
      for (let i = 0; i < diagnostics.length; i++) {
        const p = (parts[i] = pieceOf(diagnostics[i]));
        length += p instanceof Template ? templateLength(p, diagnostics[i] as Lines | ShiftedDiagnostic) : p.length;
      }
      const out = Buffer.allocUnsafe(length);
      out.set(head, 0);
      let o = head.length;
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) out[o++] = 0x2c; // ,
        const p = parts[i];
        if (p instanceof Template) {
          o = writeTemplate(p, diagnostics[i] as Lines | ShiftedDiagnostic, out, o);
          wireStats.fromTemplate++;
        } else {
          out.set(p, o);
          o += p.length;
        }
      }
      out[o++] = 0x5d; // ]
      out[o++] = 0x7d; // }
      out[o++] = 0x7d; // }
      return out;
    }
  }
  return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
}

/** A stdio message writer whose JSON encoding reuses the JSON of diagnostics already published. */
export function stdioWriter(out: NodeJS.WritableStream): MessageWriter {
  active = true;
  return new StreamMessageWriter(out, {
    charset: 'utf-8',
    contentTypeEncoder: {
      name: 'application/json',
      encode: (msg, options) => {
        try {
          return Promise.resolve(options.charset === 'utf-8' ? messageBytes(msg) : Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    },
  });
}

/**
 * With stdout carrying the protocol, console output must go to the client's log
 * (what vscode-languageserver does when it opens stdio itself).
 */
export function consoleToClient(log: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void }): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => log.log(text(args));
  console.debug = (...args: unknown[]) => log.log(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => log.error(text(args));
  console.trace = (...args: unknown[]) => log.log(`Trace: ${text(args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
  console.dir = (arg: unknown) => log.log(inspect(arg));
}
