// Reading inputs for the CLI: files, directories and stdin, with clear errors
// for everything that is not checkable text.

import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class InputError extends Error {}

/** Larger files are refused with a message instead of exhausting memory. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

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

export function readFileText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new InputError(`${file}: ${describe(e)}`);
  }
  if (stat.size > MAX_FILE_BYTES) {
    throw new InputError(`${file}: too large to check (${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB). Split it into smaller files.`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: ${describe(e)}`);
  }
  return decodeText(bytes, file);
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
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new InputError(`<stdin>: too large to check (over ${MAX_FILE_BYTES / 1048576} MB)`);
    chunks.push(chunk as Buffer);
  }
  return decodeText(Buffer.concat(chunks), '<stdin>');
}
