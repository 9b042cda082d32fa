// Neovim 0.7 (Debian's nvim) as a second, independent LSP client of
// `node dist/server.js --stdio`: diagnostics (count, positions, including a
// line with characters outside the BMP, where UTF-16 and byte columns differ),
// a hover and a code action chosen the way a user chooses it.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, FIXTURES, ROOT, SEED, SERVER } from '../support/paths';

const DRIVER = path.join(ROOT, 'test', 'e2e', 'nvim', 'drive.lua');
const NVIM = process.env.BR_NVIM ?? 'nvim';

interface NvimDiag { lnum: number; col: number; end_lnum: number; end_col: number; code: string; message: string; severity: number }
interface NvimResult {
  waited_ok: boolean;
  diagnostics: NvimDiag[];
  hover?: string;
  hover_position?: { line: number; character: number };
  action_titles?: string[];
  applied?: string;
  line_after?: string;
  lines: string[];
  log: string[];
  status?: { pairs: number; unpaired: number; findings: { total: number }; order: string };
}
interface CliDiag { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; message: string }

function drive(file: string, env: Record<string, string>): NvimResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-nvim-'));
  try {
    const out = path.join(tmp, 'out.json');
    // Work on a copy: the code action edits the buffer (it is never written, but be sure).
    const copy = path.join(tmp, path.basename(file));
    fs.copyFileSync(file, copy);
    const r = spawnSync('timeout', ['-k', '5', '60', NVIM, '--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${DRIVER}`], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, BR_FILE: copy, BR_OUT: out, BR_SERVER: SERVER, BR_NODE: process.execPath, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, ...env },
      timeout: 70000,
    });
    assert.equal(r.status, 0, `nvim exited ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr}`);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function cli(file: string): CliDiag[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 20000 });
  return JSON.parse(r.stdout).files[0].diagnostics;
}

/** UTF-16 offset of a byte column in a line (what the server speaks) */
function utf16(line: string, byteCol: number): number {
  return Buffer.from(line, 'utf8').subarray(0, byteCol).toString('utf8').length;
}

const key = (line: number, ch: number, endLine: number, endCh: number, code: string): string => `${line}:${ch}-${endLine}:${endCh} ${code}`;

describe('Neovim as an LSP client', function () {
  this.timeout(90000);

  it('shows the seed findings at the CLI positions, and the server status a status line can poll', () => {
    const want = cli(SEED);
    const r = drive(SEED, { BR_EXPECT_COUNT: String(want.length), BR_STATUS: '1' });
    assert.ok(r.waited_ok, 'diagnostics arrived within 15 s');
    assert.equal(r.diagnostics.length, want.length);
    const got = r.diagnostics.map((d) => key(d.lnum, utf16(r.lines[d.lnum], d.col), d.end_lnum, utf16(r.lines[d.end_lnum], d.end_col), d.code));
    assert.deepEqual(got.sort(), want.map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)).sort());
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'unpaired-line').map((d) => d.lnum + 1).sort((a, b) => a - b), [26, 37, 48, 71, 80, 87, 98]);
    // bilingualReview/getStatus (ux branch; docs/lsp.md)
    assert.ok(r.status, `a status for the seed; log: ${JSON.stringify(r.log)}`);
    assert.equal(r.status.pairs, 51);
    assert.equal(r.status.unpaired, 7);
    assert.equal(r.status.findings.total, want.length);
    assert.equal(r.status.order, 'en-zh');
  });

  describe('a line with characters outside the BMP (🚢, 𠀀) before the flagged token', () => {
    const file = path.join(FIXTURES, 'e2e', 'astral.en-zh.txt');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const zh = lines[1];
    const tokenUtf16 = zh.indexOf('上涨了三倍');
    const tokenBytes = Buffer.byteLength(zh.slice(0, tokenUtf16), 'utf8');
    let r: NvimResult;
    before(() => {
      assert.ok(/[\u{10000}-\u{10FFFF}]/u.test(zh.slice(0, tokenUtf16)), 'the fixture has astral characters before the token');
      assert.notEqual(tokenBytes, tokenUtf16);
      r = drive(file, {
        BR_EXPECT_COUNT: String(cli(file).length),
        BR_HOVER_LINE: '1',
        BR_HOVER_COL: String(tokenBytes + 3), // inside 上, Neovim counts bytes
        BR_ACTION_RULE: 'multiplier-ambiguity',
        BR_ACTION_TITLE: '上涨至三倍',
      });
    });

    it('places each diagnostic at the right byte column (server: UTF-16)', () => {
      const ours = new Set(['multiplier-ambiguity', 'number-mismatch', 'unpaired-line']);
      assert.deepEqual(
        r.diagnostics.filter((d) => ours.has(d.code)).map((d) => [d.code, d.lnum, d.col, d.end_col]).sort(),
        [
          ['multiplier-ambiguity', 1, tokenBytes, tokenBytes + Buffer.byteLength('上涨了三倍')],
          ['number-mismatch', 4, Buffer.byteLength(lines[4].slice(0, lines[4].indexOf('45'))), Buffer.byteLength(lines[4].slice(0, lines[4].indexOf('45') + 2))],
          ['unpaired-line', 6, 0, lines[6].length],
        ].sort(),
      );
      // and the UTF-16 positions are the CLI's
      const want = cli(file).map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code));
      const got = r.diagnostics.map((d) => key(d.lnum, utf16(r.lines[d.lnum], d.col), d.end_lnum, utf16(r.lines[d.end_lnum], d.end_col), d.code));
      assert.deepEqual(got.sort(), want.sort());
    });

    it('answers a hover at a byte position converted to UTF-16', () => {
      assert.deepEqual(r.hover_position, { line: 1, character: tokenUtf16 + 1 });
      assert.match(r.hover ?? '', /multiplier-ambiguity/);
      assert.ok(r.hover?.includes('Ferry fares 🚢 tripled'), `the hover quotes the English counterpart: ${r.hover}`);
    });

    it('offers and applies the quick fix at the right place (vim.lsp.buf.code_action)', () => {
      assert.ok(r.action_titles?.some((t) => t.includes('上涨至三倍')), `code actions: ${JSON.stringify(r.action_titles)} log: ${JSON.stringify(r.log)}`);
      assert.equal(r.line_after, zh.replace('上涨了三倍', '上涨至三倍'));
    });
  });
});
