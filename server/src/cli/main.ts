// bilingual-review: the command-line shell around the checker core.

import { checkText, normalizeConfig, RULE_IDS, SEVERITIES, type Severity } from '../core';
import { formatJson, formatSarif, formatText, type FileReport } from './formats';
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
    if (e instanceof UsageError) {
      process.stderr.write(`bilingual-review: ${e.message}\n`);
      return 2;
    }
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

  // Read everything first: a read error stops the run before anything is printed.
  const texts: { path: string; text: string }[] = [];
  try {
    for (const file of expandInputs(opts.inputs)) {
      texts.push({ path: file, text: file === '-' ? await readStdin() : readFileText(file) });
    }
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`bilingual-review: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  for (const g of opts.glossaries) {
    if (!fs.existsSync(g)) {
      process.stderr.write(`bilingual-review: glossary not found: ${g}\n`);
      return 2;
    }
  }
  const reported = new Set<string>();
  const glossaryFor = (file: string) => {
    const dirs = [process.cwd(), ...(file === '-' ? [] : [nodePath.dirname(nodePath.resolve(file))])];
    const files = [...opts.glossaries, ...dirs.flatMap(discoverGlossaries)];
    const { glossary, loaded } = combineGlossaries(files);
    // errors in a glossary are reported (once) and never stop the check
    for (const l of loaded)
      for (const e of l.errors) {
        const key = `${l.path}:${e.line}:${e.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        process.stderr.write(`${nodePath.relative(process.cwd(), l.path) || l.path}:${e.line + 1}:${(e.character ?? 0) + 1}: error glossary ${e.message}\n`);
      }
    return glossary;
  };

  const reports: FileReport[] = texts.map(({ path, text }) => {
    const glossary = glossaryFor(path);
    const result = checkText(text, {
      config,
      env: {
        path,
        services: glossary ? { glossary } : {},
        onRuleError: (id, err) => process.stderr.write(`bilingual-review: internal error in rule ${id} on ${path}: ${(err as Error)?.message ?? err}\n`),
      },
    });
    return { path, pairs: result.model.pairs.length, unpaired: result.model.unpaired.length, findings: result.findings };
  });

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

if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const rerun = rerunWithBiggerHeap(process.argv.slice(2));
  if (rerun !== undefined) process.exit(rerun);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`bilingual-review: internal error: ${(e as Error)?.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
