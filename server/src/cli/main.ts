// bilingual-review: the command-line shell around the checker core.

import { normalizeConfig, RULE_IDS, SEVERITIES, type Glossary, type ReviewConfig, type Severity } from '../core';
import { checkFile } from './check';
import { formatJson, formatSarif, formatText, type FileReport } from './formats';
import { closeShares, defaultJobs, isCliWorker, jobsThatFit, mergeFindings, PARALLEL_MIN_BYTES, runTasks, segShares, SPLIT_MIN_BYTES, splitRules, type Task } from './parallel';
import { expandInputs, HEAP_BYTES_PER_INPUT_BYTE, InputError, MAX_FILE_BYTES, readFileText, readStdin } from './read';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { combineGlossaries, discoverGlossaries } from '../node/glossaries';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const USAGE = `Usage: bilingual-review check FILE|DIR|- ... [options]

Checks interleaved English–Chinese documents (each line followed by its translation).
Directories are searched for *.bilingual, *.en-zh.txt and *.zh-en.txt files; - reads stdin.

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on SEVERITY         exit 1 if a finding of this severity or above exists
                             (error|warning|information|hint; default: warning)
  --order auto|en-zh|zh-en   which language comes first in each pair (default: auto)
  --rule ID=SEVERITY         set a rule's severity (error|warning|information|hint|off); repeatable
  --locale en|zh-cn          language of the messages (default: en)
  --glossary PATH            a glossary (.tsv, .csv or .tbx); repeatable. .bilingual/glossary.*
                             in each file's folder and the current directory are used too
  --jobs N                   threads to check with (default: the cores available, at most 8,
                             when the input is 1 MB or more; else 1). Files are checked side by
                             side, and a big file is split by rules; the output is the same as
                             with --jobs 1 (one thread, nothing started)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 usage or read error.`;

class UsageError extends Error {}

interface Options {
  inputs: string[];
  format: 'text' | 'json' | 'sarif';
  failOn: Severity;
  settings: Record<string, unknown>;
  glossaries: string[];
  /** --jobs; undefined: decided from the cores and the input's size. */
  jobs?: number;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.length === 0) throw new UsageError('missing command (try: bilingual-review check FILE)');
  if (argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return 'help';
  if (argv[0] === '-v' || argv[0] === '--version') return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (try: bilingual-review check FILE)`);
  const opts: Options = { inputs: [], format: 'text', failOn: 'warning', settings: { rules: {} }, glossaries: [] };
  const rules = opts.settings.rules as Record<string, string>;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got "${v}")`);
        opts.format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${v}")`);
        opts.failOn = v as Severity;
        break;
      }
      case '--order': {
        const v = value();
        if (v !== 'auto' && v !== 'en-zh' && v !== 'zh-en') throw new UsageError(`--order must be auto, en-zh or zh-en (got "${v}")`);
        opts.settings.order = v;
        break;
      }
      case '--locale':
        opts.settings.locale = value();
        break;
      case '--glossary':
        opts.glossaries.push(value());
        break;
      case '--jobs': {
        const v = value();
        if (!/^[1-9][0-9]{0,2}$/.test(v) || Number(v) > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256 (got "${v}")`);
        opts.jobs = Number(v);
        break;
      }
      case '--rule': {
        const v = value();
        const m = /^([a-z0-9-]+)=(error|warning|information|hint|off)$/.exec(v);
        if (!m) throw new UsageError(`--rule takes ID=SEVERITY, e.g. --rule unpaired-line=off (got "${v}")`);
        if (!RULE_IDS.includes(m[1])) throw new UsageError(`unknown rule "${m[1]}" (rules: ${RULE_IDS.join(', ')})`);
        rules[m[1]] = m[2];
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        opts.inputs.push(arg);
    }
  }
  if (opts.inputs.length === 0) throw new UsageError('no input: give files, directories or - for stdin');
  return opts;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export async function main(argv: string[]): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return error(e.message);
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const { config, warnings } = normalizeConfig(opts.settings, RULE_IDS);
  for (const w of warnings) process.stderr.write(`bilingual-review: warning: ${w}\n`);

  let files: string[];
  try {
    files = expandInputs(opts.inputs);
  } catch (e) {
    if (e instanceof InputError) return error(e.message);
    throw e;
  }

  const reported = new Set<string>();
  /** The glossary of a file; the errors of its glossary files (each reported once) go to `write`. */
  const glossaryFor = (file: string, write: (line: string) => void): Glossary | undefined => {
    const dirs = [process.cwd(), ...(file === '-' ? [] : [nodePath.dirname(nodePath.resolve(file))])];
    const found = [...opts.glossaries, ...dirs.flatMap(discoverGlossaries)];
    const { glossary, loaded } = combineGlossaries(found);
    // errors in a glossary are reported (once) and never stop the check
    for (const l of loaded)
      for (const e of l.errors) {
        const key = `${l.path}:${e.line}:${e.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        write(`${nodePath.relative(process.cwd(), l.path) || l.path}:${e.line + 1}:${(e.character ?? 0) + 1}: error glossary ${e.message}\n`);
      }
    return glossary;
  };
  const stderr = (line: string) => void process.stderr.write(line);

  // Several threads (parallel.ts) when asked for, or when the input is big enough to pay for them.
  let threads = opts.jobs ?? defaultJobs();
  let stdin: { text: string } | { error: string } | undefined;
  if (threads > 1) {
    const sizes = files.map(sizeOf);
    if (files.filter((f) => f === '-').length > 1 || opts.glossaries.some((g) => !fs.existsSync(g))) threads = 1; // the one-thread path reports these as it always did
    else if (files.includes('-')) {
      try {
        stdin = { text: await readStdin() };
        sizes[files.indexOf('-')] = Buffer.byteLength(stdin.text);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        stdin = { error: e.message };
      }
    }
    if (opts.jobs === undefined && sizes.reduce((a, b) => a + b, 0) < PARALLEL_MIN_BYTES) threads = 1;
    threads = Math.min(threads, jobsThatFit(Math.max(0, ...sizes)));
    if (threads > 1) return finish(await checkParallel(files, sizes, stdin, threads, opts.jobs !== undefined, config, glossaryFor), opts);
  }

  // One thread. Read everything first: a read error stops the run before anything is printed.
  const texts: { path: string; text: string }[] = [];
  try {
    for (const file of files) {
      if (file === '-' && stdin && 'error' in stdin) throw new InputError(stdin.error);
      texts.push({ path: file, text: file === '-' ? (stdin && 'text' in stdin ? stdin.text : await readStdin()) : readFileText(file) });
    }
  } catch (e) {
    if (e instanceof InputError) return error(e.message);
    throw e;
  }

  for (const g of opts.glossaries) {
    if (!fs.existsSync(g)) return error(`glossary not found: ${g}`);
  }

  const reports: FileReport[] = texts.map(({ path, text }) => {
    const glossary = glossaryFor(path, stderr);
    const { pairs, unpaired, findings } = checkFile(text, path, config, glossary, undefined, stderr);
    return { path, pairs, unpaired, findings };
  });
  return finish(reports, opts);
}

function sizeOf(file: string): number {
  if (file === '-') return 0;
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0; // the thread that reads it reports why
  }
}

/**
 * Checks the files on `threads` threads. Each file is one task, or one task per share of the
 * rules when it is more than a thread's share of the input and 1 MB or more (any size when
 * --jobs asks for more threads than there are files). The
 * result is what the one-thread path prints: the first read error in file order (exit 2),
 * or each file's glossary errors, rule errors and findings in file order.
 */
async function checkParallel(
  files: string[],
  sizes: number[],
  stdin: { text: string } | { error: string } | undefined,
  threads: number,
  explicit: boolean,
  config: ReviewConfig,
  glossaryFor: (file: string, write: (line: string) => void) => Glossary | undefined,
): Promise<FileReport[] | number> {
  const splitMin = explicit && files.length < threads ? 0 : SPLIT_MIN_BYTES;
  const shares = splitRules(config, threads);
  // a file is split when it is bigger than a thread's fair share of the work: splitting
  // smaller ones would only pair each of them a second time
  const total = sizes.reduce((a, b) => a + b + 1, 0);
  const tasks: Task[] = [];
  const byFile: Task[][] = [];
  const notes: string[][] = [];
  files.forEach((path, i) => {
    const lines: string[] = [];
    const glossary = glossaryFor(path, (l) => lines.push(l));
    notes.push(lines);
    const mine: Task[] = [];
    byFile.push(mine);
    if (path === '-' && stdin && 'error' in stdin) return;
    const text = path === '-' && stdin && 'text' in stdin ? stdin.text : undefined;
    const split = sizes[i] >= splitMin && shares.length > 1 && (sizes[i] + 1) * threads > total;
    // the other shares segment Chinese lines for the share with term-inconsistency (parallel.ts)
    const termShare = split ? shares.findIndex((s) => s.ruleIds.includes('term-inconsistency')) : -1;
    const seg = termShare >= 0 ? segShares(sizes[i], shares.length - 1) : undefined;
    let helper = 0;
    for (const [k, share] of (split ? shares : [undefined]).entries()) {
      const cost = (sizes[i] + 1) * (share ? share.cost : shares.reduce((n, s) => n + s.cost, 0));
      const t: Task = { id: tasks.length, path, text, ruleIds: share?.ruleIds, config, glossary, maxFileBytes: MAX_FILE_BYTES, cost };
      if (seg) t.share = k === termShare ? seg.term : seg.helpers[helper++];
      // the shares of a file are read once, by runTasks
      if (split && text === undefined) t.readOnce = true;
      tasks.push(t);
      mine.push(t);
    }
  });
  let results;
  try {
    results = await runTasks(tasks, threads);
  } finally {
    closeShares(tasks);
  }
  // read errors first, the first in file order, as the one-thread path reads every file before checking
  for (let i = 0; i < files.length; i++) {
    if (files[i] === '-' && stdin && 'error' in stdin) return error(stdin.error);
    for (const t of byFile[i]) {
      const r = results.get(t.id)!;
      if (!r.ok && 'inputError' in r) return error(r.inputError);
    }
  }
  for (const r of results.values()) if (!r.ok && 'fatal' in r) throw new Error(r.fatal);
  return files.map((path, i) => {
    for (const l of notes[i]) process.stderr.write(l);
    const checked = byFile[i].map((t) => {
      const r = results.get(t.id)!;
      if (!r.ok) throw new Error('unreachable');
      return r.checked;
    });
    for (const c of checked) for (const l of c.errors) process.stderr.write(l);
    return { path, pairs: checked[0].pairs, unpaired: checked[0].unpaired, findings: mergeFindings(checked.map((c) => c.findings)) };
  });
}

/** Reports a usage or read error on stderr, one line: exit code 2. */
function error(message: string): number {
  process.stderr.write(`bilingual-review: ${message}\n`);
  return 2;
}

/** Prints the reports (and the summary line of the text format); the exit code. */
function finish(reports: FileReport[] | number, opts: Options): number {
  if (typeof reports === 'number') return reports;
  const output = opts.format === 'json' ? formatJson(reports) : opts.format === 'sarif' ? formatSarif(reports, VERSION) : formatText(reports);
  process.stdout.write(output);
  if (opts.format === 'text') {
    const total = reports.reduce((n, r) => n + r.findings.length, 0);
    const pairs = reports.reduce((n, r) => n + r.pairs, 0);
    const bySev = SEVERITIES.map((s) => [s, reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s === 'information' ? 'info' : n === 1 ? s : s + 's'}`);
    process.stderr.write(`${reports.length} file${reports.length === 1 ? '' : 's'}, ${pairs} pairs, ${total} finding${total === 1 ? '' : 's'}${bySev.length ? ` (${bySev.join(', ')})` : ''}\n`);
  }
  const failing = reports.some((r) => r.findings.some((f) => RANK[f.severity] <= RANK[opts.failOn]));
  return failing ? 1 : 0;
}

/**
 * Node's default heap (about 4 GB here) holds a check of files up to about 43 MB
 * (MAX_FILE_BYTES). A bigger file (a book: 100,000 pairs are about 56 MB) is checked
 * by running this CLI again with a heap sized for it, as long as that heap fits in
 * 60 % of the machine's memory; beyond that, read.ts refuses the file with its size.
 * Returns the child's exit code, or undefined when no bigger heap is needed or possible.
 */
function rerunWithBiggerHeap(args: string[]): number | undefined {
  if (process.env.BILINGUAL_REVIEW_HEAP_SIZED) return undefined;
  let largest = 0;
  try {
    const opts = parseArgs(args);
    if (typeof opts === 'string') return undefined;
    for (const file of expandInputs(opts.inputs)) {
      if (file === '-') continue;
      const st = fs.statSync(file);
      if (st.isFile()) largest = Math.max(largest, st.size);
    }
  } catch {
    return undefined; // main() reports the bad input
  }
  if (largest <= MAX_FILE_BYTES) return undefined;
  const neededMb = Math.ceil((largest * HEAP_BYTES_PER_INPUT_BYTE * 1.1) / 1048576);
  if (neededMb * 1048576 > os.totalmem() * 0.6) return undefined;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${neededMb}`, ...process.execArgv, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, BILINGUAL_REVIEW_HEAP_SIZED: '1' },
  });
  if (r.error) return undefined;
  return r.status ?? 2;
}

if (require.main === module && !isCliWorker) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const rerun = rerunWithBiggerHeap(process.argv.slice(2));
  if (rerun !== undefined) process.exit(rerun);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Exit once stderr and stdout are flushed, instead of waiting for the worker threads
      // to be torn down and the heap freed: about 100 ms after a check of 100,000 pairs.
      // (a closed stdout, EPIPE, is left to its handler above: exit 0, as before)
      process.stderr.write('', () => process.stdout.write('', (err) => err || setImmediate(() => process.exit(code))));
    },
    (e) => {
      process.stderr.write(`bilingual-review: internal error: ${(e as Error)?.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
