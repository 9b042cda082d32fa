// The CLI on several threads (--jobs N, server/src/cli/parallel.ts) prints exactly what it
// prints on one (--jobs 1): stdout, stderr and the exit code, byte for byte, in every format,
// for one file split by rules between threads and for several files checked side by side.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig, DocumentSession, RULES } from '../../server/src/core';
import { helpPrepare, mergeFindings, SEG_CHUNK, SEG_TUNING, segShares, splitRules, termPrepare } from '../../server/src/cli/parallel';
import { candidateList, candidateTexts } from '../../server/src/core/terms/chinese';
import { zhCandidates } from '../../server/src/core/terms/index';
import { CLI, ROOT, SEED } from '../support/paths';
// @ts-expect-error plain ESM module without types
import { generate } from '../../bench/generate.mjs';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, encoding: 'utf8', cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, maxBuffer: 1 << 28, timeout: 120_000 });
  assert.equal(r.error, undefined);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The run with `jobs` threads equals the run with one, byte for byte; returns the one-thread run. */
function same(args: string[], jobs: (string | undefined)[] = ['2'], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const one = cli([...args, '--jobs', '1'], opts);
  for (const j of jobs) {
    const many = cli(j === undefined ? args : [...args, '--jobs', j], opts);
    assert.equal(many.stdout, one.stdout, `stdout with --jobs ${j ?? '(default)'}`);
    assert.equal(many.stderr, one.stderr, `stderr with --jobs ${j ?? '(default)'}`);
    assert.equal(many.status, one.status, `exit code with --jobs ${j ?? '(default)'}`);
  }
  return one;
}

const FORMATS = ['text', 'json', 'sarif'];

/** Generated pairs with hostile Chinese lines: long (> 256 characters), surrogate pairs, emoji, mixed line ends. */
function hostileText(pairs: number): string {
  const g = generate(pairs, 3) as { pairs: { en: string; zh: string }[] };
  return g.pairs
    .map((p, i) => {
      let zh = p.zh;
      if (i % 7 === 3) zh = zh.replace('，', '😀，𠀀𠀁') + '👩‍👩‍👧‍👦🇨🇳';
      if (i % 50 === 11) zh = (zh + zh.replace(/[，。]/g, '')).repeat(4);
      if (i % 97 === 5) zh = '\ud840' + zh + '\udc00';
      return `${p.en}${i % 5 === 0 ? '\r\n' : '\n'}${zh}\n${i % 3 === 0 ? '\n' : ''}`;
    })
    .join('');
}

describe('CLI on several threads prints what it prints on one', function () {
  this.timeout(180_000);
  let tmp: string;
  let gen: string;
  let zhEn: string;
  let hostile: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-parallel-'));
    gen = path.join(tmp, 'generated.en-zh.txt');
    fs.writeFileSync(gen, (generate(2000, 11) as { text: string }).text);
    // the same kind of text the other way round (Chinese first), with directives that silence findings
    const lines = (generate(600, 5) as { text: string }).text.split('\n');
    const swapped: string[] = ['<!-- bilingual-review-disable number-mismatch -- a test of suppressions -->'];
    for (let i = 0; i < lines.length; i++) {
      if (i === 300) swapped.push('<!-- bilingual-review-enable number-mismatch -->', '<!-- bilingual-review-disable-next-pair -->');
      if (/[\u4e00-\u9fff]/.test(lines[i] ?? '') && /^[A-Z"]/.test(lines[i - 1] ?? '') && swapped[swapped.length - 1] === lines[i - 1]) {
        swapped[swapped.length - 1] = lines[i];
        swapped.push(lines[i - 1]);
      } else swapped.push(lines[i]);
    }
    zhEn = path.join(tmp, 'swapped.zh-en.txt');
    fs.writeFileSync(zhEn, swapped.join('\n'));
    hostile = path.join(tmp, 'hostile.en-zh.txt');
    fs.writeFileSync(hostile, hostileText(1500));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('splits the rules of a file: term-inconsistency alone on two threads, every rule once', () => {
    const two = splitRules(defaultConfig(), 2);
    assert.deepEqual(two[0].ruleIds, ['term-inconsistency']);
    const active = RULES.filter((r) => r.defaultSeverity !== 'off').map((r) => r.id);
    for (const n of [2, 3, 4, 8]) {
      const shares = splitRules(defaultConfig(), n);
      assert.ok(shares.length >= 2 && shares.length <= n);
      assert.deepEqual(shares.flatMap((s) => s.ruleIds).sort(), [...active].sort());
    }
    // the number rules share memoised work: always on one thread
    for (const s of splitRules(defaultConfig(), 8)) if (s.ruleIds.includes('number-mismatch')) assert.ok(s.ruleIds.includes('unit-conversion') && s.ruleIds.includes('date-mismatch'));
    // rules switched off are not shared out; one active rule: no split
    const config = { ...defaultConfig(), rules: Object.fromEntries(RULES.map((r) => [r.id, r.id === 'unpaired-line' ? 'warning' : 'off'])) as Record<string, 'off'> };
    assert.deepEqual(splitRules(config, 4).map((s) => s.ruleIds), [['unpaired-line']]);
  });

  it('merges sorted findings lists by position then rule', () => {
    const f = (line: number, character: number, ruleId: string) => ({ ruleId, severity: 'warning' as const, message: '', range: { start: { line, character }, end: { line, character } } });
    const a = [f(0, 0, 'a'), f(2, 1, 'a'), f(5, 0, 'z')];
    const b = [f(0, 0, 'b'), f(2, 0, 'b'), f(5, 0, 'b')];
    assert.deepEqual(mergeFindings([a, b]), [a[0], b[0], b[1], a[1], b[2], a[2]]);
    assert.deepEqual(mergeFindings([[], b, []]), b);
  });

  it('the seed article, in every format', () => {
    for (const format of FORMATS) assert.equal(same(['check', SEED, '--format', format], ['2', '3']).status, 1);
  });

  it('every sample, in every format', () => {
    const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => !f.startsWith('.'));
    assert.ok(samples.length > 0);
    for (const s of samples) for (const format of FORMATS) same(['check', path.join('samples', s), '--format', format]);
  });

  it('a generated document of 2,000 pairs, in every format, and without --jobs (over 1 MB: split by default)', () => {
    assert.ok(fs.statSync(gen).size > 1 << 20);
    for (const format of FORMATS) {
      const one = same(['check', gen, '--format', format], format === 'json' ? ['2', '4', undefined] : ['2']);
      assert.equal(one.status, 1);
      if (format === 'json') assert.ok(JSON.parse(one.stdout).files[0].diagnostics.length > 200);
    }
  });

  it('Chinese first, suppression directives, rule settings (unpaired-line leaves copied lines to untranslated)', () => {
    const zh = JSON.parse(same(['check', zhEn, '--format', 'json']).stdout).files[0];
    assert.ok(zh.pairs > 500 && zh.diagnostics.length > 50);
    for (const extra of [['--rule', 'untranslated=off'], ['--rule', 'term-inconsistency=off', '--rule', 'number-mismatch=error'], ['--order', 'zh-en', '--locale', 'zh-cn']]) same(['check', zhEn, '--format', 'json', ...extra]);
    same(['check', gen, '--format', 'text', '--rule', 'untranslated=off'], ['3']);
    // exit codes follow --fail-on
    const r = same(['check', gen, '--fail-on', 'error']);
    assert.equal(r.status, 0);
  });

  it('several files at once, a directory, stdin, and glossary errors reported once in file order', () => {
    const dir = path.join(tmp, 'dir');
    fs.mkdirSync(path.join(dir, '.bilingual'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.bilingual', 'glossary.tsv'), 'English\tChinese\tForbidden\tNote\ncathode\t阴极\t\t\nbroken line without a tab\n');
    fs.copyFileSync(SEED, path.join(dir, 'a.en-zh.txt'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt'), path.join(dir, 'b.en-zh.txt'));
    fs.writeFileSync(path.join(dir, 'c.en-zh.txt'), 'The cathode was replaced.\n阴级被更换了。\n');
    fs.copyFileSync(zhEn, path.join(dir, 'd.zh-en.txt'));
    for (const format of FORMATS) {
      const r = same(['check', dir, SEED, ...(format === 'json' ? [gen] : []), '--format', format], format === 'json' ? ['2', '3', undefined] : ['2']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /glossary\.tsv:3:1: error glossary/);
    }
    const stdin = fs.readFileSync(path.join(dir, 'c.en-zh.txt'), 'utf8');
    same(['check', '-', path.join(dir, 'b.en-zh.txt'), '--format', 'json'], ['2'], { input: stdin });
    same(['check', path.join(dir, 'a.en-zh.txt'), '-'], ['2'], { input: '' }); // stdin empty: exit 2
  });

  it('a bad file among good ones: the same first error, exit 2, nothing on stdout', () => {
    const bin = path.join(tmp, 'binary.en-zh.txt');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const latin1 = path.join(tmp, 'latin1.en-zh.txt');
    fs.writeFileSync(latin1, Buffer.from('caf\xe9\n', 'latin1'));
    const missing = path.join(tmp, 'missing.en-zh.txt');
    for (const files of [[SEED, gen, bin], [bin, SEED, zhEn], [zhEn, latin1, bin, SEED], [SEED, missing]]) {
      for (const format of files[1] === gen ? FORMATS : ['json']) {
        const r = same(['check', ...files, '--format', format], ['2']);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^bilingual-review: .*(not a text file|not valid UTF-8|no such file)/);
      }
    }
    // a missing --glossary is reported as before
    assert.equal(same(['check', SEED, gen, '--glossary', path.join(tmp, 'nope.tsv')]).status, 2);
  });

  it('a file bigger than the default heap holds (re-run with a bigger heap, workers with that heap)', () => {
    const sample = fs.readFileSync(path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt'), 'utf8');
    const big = path.join(tmp, 'big.en-zh.txt');
    fs.writeFileSync(big, (sample.endsWith('\n') ? sample : sample + '\n').repeat(Math.ceil((9 * 1048576) / Buffer.byteLength(sample))));
    const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' };
    const r = same(['check', big, '--format', 'json'], ['2'], { env });
    assert.equal(r.status, 1, r.stderr);
  });

  it('Chinese lines segmented by the other threads: long lines, surrogate pairs, emoji, CRLF, a last chunk not full', () => {
    for (const format of ['json', 'text']) same(['check', hostile, '--format', format], ['2', '3', undefined]);
    same(['check', hostile, '--format', 'json', '--rule', 'cjk-latin-spacing=hint'], ['2']);
  });

  it('the term thread builds from a helper\'s words exactly the candidates it would find itself, and does a chunk a helper never finished', () => {
    const text = hostileText(SEG_CHUNK * 3 + 17);
    const model = () => new DocumentSession(text, { config: defaultConfig() }).doc.model({ order: 'auto' });
    const check = (m: ReturnType<typeof model>) => {
      for (const p of m.pairs) {
        const zh = p.sourceLang === 'en' ? p.target : p.source;
        const want = candidateList(zh.text);
        const got = zhCandidates(zh);
        assert.deepEqual(candidateTexts(got), candidateTexts(want));
        assert.deepEqual([...got.data], [...want.data]);
        assert.equal(got.n, want.n);
      }
    };
    // the helper first: it takes every chunk
    let s = segShares(Buffer.byteLength(text), 1);
    helpPrepare(model(), s.helpers[0] as Parameters<typeof helpPrepare>[1]);
    let m = model();
    assert.ok(m.pairs.length > SEG_CHUNK * 3);
    assert.equal(termPrepare(m, s.term as Parameters<typeof termPrepare>[1]), m.pairs.length);
    check(m);
    // the term thread first: it does everything itself, and the helper then finds nothing to take
    s = segShares(Buffer.byteLength(text), 1);
    m = model();
    assert.equal(termPrepare(m, s.term as Parameters<typeof termPrepare>[1]), 0);
    helpPrepare(model(), s.helpers[0] as Parameters<typeof helpPrepare>[1]);
    check(m);
    // a helper took chunk 1 and died: the term thread takes it back after a while, the others came
    s = segShares(Buffer.byteLength(text), 1);
    helpPrepare(model(), s.helpers[0] as Parameters<typeof helpPrepare>[1]);
    Atomics.store(new Int32Array(s.term.states), 1, 2);
    const saved = SEG_TUNING.stealMs;
    SEG_TUNING.stealMs = 20;
    try {
      m = model();
      assert.equal(termPrepare(m, s.term as Parameters<typeof termPrepare>[1]), m.pairs.length - SEG_CHUNK);
    } finally {
      SEG_TUNING.stealMs = saved;
    }
    check(m);
  });

  it('exits as soon as its output is written; a reader that stops early (| head: EPIPE) still gets exit 0', () => {
    // the whole output, then exit 1 (findings): covered by same() above; here the output (150 KB) is more
    // than a pipe holds and head reads 100 bytes of it, so the CLI meets the closed pipe
    for (const jobs of ['1', '2']) {
      const r = spawnSync('bash', ['-c', '"$3" "$0" check "$1" --format sarif --jobs "$2" 2>/dev/null | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"', CLI, gen, jobs, process.execPath], { encoding: 'utf8' });
      assert.equal(r.stdout.trim(), '0', `--jobs ${jobs}`);
    }
  });

  it('--jobs takes a whole number from 1 to 256', () => {
    for (const bad of ['0', '-1', 'two', '1.5', '257']) {
      const r = cli(['check', SEED, '--jobs', bad]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^bilingual-review: --jobs must be a whole number from 1 to 256/);
    }
    assert.match(cli(['--help']).stdout, /--jobs N/);
  });
});
