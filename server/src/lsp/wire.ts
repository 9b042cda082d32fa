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

/** UTF-8 JSON of each Diagnostic object written (Diagnostics are never mutated once published). */
const pieces = new WeakMap<object, Uint8Array>();
// (TextEncoder gives each piece its own small buffer: pooled Buffer slices would keep whole 8 KB slabs alive)
const utf8 = new TextEncoder();

function pieceOf(d: object): Uint8Array {
  let b = pieces.get(d);
  if (b === undefined) pieces.set(d, (b = utf8.encode(JSON.stringify(d))));
  return b;
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
      m.params.diagnostics.every((d) => d !== null && typeof d === 'object' && !Array.isArray(d) && typeof (d as { toJSON?: unknown }).toJSON !== 'function')
    ) {
      const { diagnostics, ...rest } = m.params as { diagnostics: object[] };
      const restJson = JSON.stringify(rest);
      const head = Buffer.from('{"jsonrpc":' + JSON.stringify(m.jsonrpc) + ',"method":"textDocument/publishDiagnostics","params":' + (restJson === '{}' ? '{' : restJson.slice(0, -1) + ',') + '"diagnostics":[', 'utf-8');
      const parts = new Array<Uint8Array>(diagnostics.length);
      let length = head.length + Math.max(0, diagnostics.length - 1) + 3;
      for (let i = 0; i < diagnostics.length; i++) length += (parts[i] = pieceOf(diagnostics[i])).length;
      const out = Buffer.allocUnsafe(length);
      out.set(head, 0);
      let o = head.length;
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) out[o++] = 0x2c; // ,
        out.set(parts[i], o);
        o += parts[i].length;
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
