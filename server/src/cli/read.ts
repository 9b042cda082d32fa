// Reading inputs for the CLI: files, directories and stdin, with clear errors
// for everything that is not checkable text.

import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';

export class InputError extends Error {}

/**
 * Checking takes about 70 bytes of heap per byte of text (line records, per-line
 * analysis, the pairing, findings): a 32 MB file needs about 2.5 GB, and a 120 MB file
 * ran out of memory (V8 aborts, exit 134). Larger files are refused with a message
 * instead, at a size that fits this process's heap (43 MB with the 4 GB heap Node
 * takes on a machine with 16 GB or more; `node --max-old-space-size=…` raises it).
 */
export const HEAP_BYTES_PER_INPUT_BYTE = 96;
export const MAX_FILE_BYTES = Math.max(8 * 1048576, Math.floor(getHeapStatistics().heap_size_limit / HEAP_BYTES_PER_INPUT_BYTE));
const limitText = (max: number) => `the limit is ${Math.floor(max / 1048576)} MB with this heap; split the file, or raise the heap with node --max-old-space-size`;
const LIMIT = limitText(MAX_FILE_BYTES);

const PATTERNS = [/\.bilingual$/i, /\.en-zh\.txt$/i, /\.zh-en\.txt$/i];

export function isBilingualName(name: string): boolean {
  return PATTERNS.some((re) => re.test(name));
}

/** Decodes bytes as text: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused. */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(new TextDecoder('utf-16le', { fatal: true }), bytes.subarray(2), label);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(new TextDecoder('utf-16be', { fatal: true }), bytes.subarray(2), label);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) throw new InputError(`${label}: not a text file (binary data)`);
  // Validate with simdutf (buffer.isUtf8) and decode with Buffer: several times faster than a
  // fatal TextDecoder on large files, same result (the BOM is dropped as TextDecoder does).
  if (!isUtf8(bytes)) throw new InputError(`${label}: not valid UTF-8 text`);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom).toString('utf8');
  if (text.includes('\u0000')) throw new InputError(`${label}: not a text file (binary data)`);
  return text;
}

function checkText(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, label: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(`${label}: not valid ${decoder.encoding.toUpperCase()} text`);
  }
  if (text.includes('\u0000')) throw new InputError(`${label}: not a text file (binary data)`);
  return text;
}

/** `maxBytes`: the size limit of the process that checks the text (a worker thread is given the main thread's). */
export function readFileText(file: string, maxBytes = MAX_FILE_BYTES): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new InputError(`${file}: ${describe(e)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory`);
  if (stat.size > maxBytes) {
    throw new InputError(`${file}: too large to check (${Math.round(stat.size / 1048576)} MB; ${limitText(maxBytes)})`);
  }
  let bytes: Buffer;
  try {
    // A FIFO or a device (/dev/stdin, /dev/zero) has no size to check first: read it in
    // chunks, stopping at the limit or at the first sign of binary data.
    bytes = stat.isFile() ? fs.readFileSync(file) : readBounded(file, maxBytes);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: ${describe(e)}`);
  }
  const text = decodeText(bytes, file);
  if (text.length === 0) throw new InputError(`${file}: empty file (nothing to check)`);
  return text;
}

function readBounded(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw new InputError(`${file}: too large to check (over ${Math.floor(maxBytes / 1048576)} MB; ${limitText(maxBytes)})`);
      const got = chunk.subarray(0, n);
      if (chunks.length === 0 && looksBinary(got)) throw new InputError(`${file}: not a text file (binary data)`);
      chunks.push(got);
    }
    return Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

/** NUL bytes in the first bytes, and no UTF-16 BOM to explain them. */
function looksBinary(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return false;
  return head.subarray(0, 8192).includes(0);
}

export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/** Expands the command line's paths: files as given, directories walked for bilingual files. */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      throw new InputError(`${input}: ${describe(e)}`);
    }
    if (stat.isDirectory()) {
      const found = walk(input);
      if (found.length === 0) throw new InputError(`${input}: no bilingual files found (looked for *.bilingual, *.en-zh.txt, *.zh-en.txt)`);
      files.push(...found);
    } else files.push(input);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`${dir}: ${describe(e)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const ent of entries) {
    if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...walk(full));
    else if (ent.isFile() && isBilingualName(ent.name)) out.push(full);
  }
  return out;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_FILE_BYTES) throw new InputError(`<stdin>: too large to check (over ${Math.floor(MAX_FILE_BYTES / 1048576)} MB; ${LIMIT})`);
      if (chunks.length === 0 && looksBinary(chunk as Buffer)) throw new InputError('<stdin>: not a text file (binary data)');
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`<stdin>: ${describe(e)}`);
  }
  if (size === 0) throw new InputError('<stdin>: no input (stdin was empty or closed)');
  return decodeText(Buffer.concat(chunks), '<stdin>');
}
