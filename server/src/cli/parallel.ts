// The CLI on several cores: files, and shares of the rules of a big file, are checked on
// the main thread and in worker threads running this same bundle (dist/cli.js), and the
// findings are put back together in the order one thread would have printed them.
//
// Why a file can be split by rules and merged exactly: the checker's findings are the
// stable merge of three sorted lists (pair findings, line findings, document findings),
// ordered by (line, character, rule id), with suppression directives then dropping some by
// (rule, line). Two findings that compare equal have the same rule, and every rule runs on
// one thread only; so merging the threads' sorted lists gives the sequential list, finding
// for finding. Each thread gets the same settings (only the list of rules differs), so a
// rule that reads another rule's setting (unpaired-line reads untranslated's) sees what it
// sees in a full check.

import * as os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { Glossary, mergeSorted, RULES, type DocumentModel, type Finding, type GlossaryEntry, type Pair, type ReviewConfig } from '../core';
import { candidateList, candidateListFromSegments, writeSegments } from '../core/terms/chinese';
import { enTerms, zhCandidates } from '../core/terms/index';
import { checkFile, slim, type CheckedFile } from './check';
import { HEAP_BYTES_PER_INPUT_BYTE, InputError, readFileText } from './read';

const ROLE = 'bilingual-review-cli-worker';

/** True in a worker thread started by runTasks (this module then serves tasks). */
export const isCliWorker = !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;

/** The most threads the CLI starts by default (more rarely pays: see RULE_COST). */
export const MAX_DEFAULT_JOBS = 8;

/**
 * Inputs smaller than this in all are checked on one thread when --jobs is not given:
 * a worker thread costs about 40 ms of CPU to start (it loads and compiles the bundle) and
 * runs cold code, which a small input does not pay back (measured: see the commit message).
 */
export const PARALLEL_MIN_BYTES = 1 << 20;
/** A file at least this big is split by rules between threads when --jobs is not given. */
export const SPLIT_MIN_BYTES = 1 << 20;

/**
 * CPU per pair of each rule on a first check of the benchmark's text, less what every check
 * spends reading and pairing (BASE_COST): `npx tsx bench/rule-costs.ts 20000`, 2026-12-01
 * 11:41 UTC, after the third speed round (each rule alone, microseconds per pair). Only the
 * ratios matter: they decide which rules share a thread. A rule not listed counts as DEFAULT_COST.
 */
export const RULE_COST: Readonly<Record<string, number>> = {
  'term-inconsistency': 127,
  // the four number rules together: 48 (they share each line's memoised quantities)
  'number-mismatch': 36,
  'unit-conversion': 4,
  'date-mismatch': 4,
  'multiplier-ambiguity': 4,
  'punctuation-width': 9,
  'unbalanced-quotes': 4,
  untranslated: 2,
  'length-ratio': 2,
  'glossary-term': 1,
  'unpaired-line': 1,
  'cjk-latin-spacing': 1,
};
const BASE_COST = 4;
const DEFAULT_COST = 10;
/** Rules that share per-line work (memoised on the line records) stay on one thread. */
const TOGETHER: readonly (readonly string[])[] = [['number-mismatch', 'unit-conversion', 'date-mismatch', 'multiplier-ambiguity']];

export interface RuleShare {
  ruleIds: string[];
  /** Estimated cost per pair, BASE_COST included. */
  cost: number;
}

/**
 * Splits the active rules into at most `parts` shares, largest first onto the least loaded
 * share (LPT), and keeps the fewest shares that reach the smallest estimated longest share:
 * with two threads, term-inconsistency alone and every other rule together.
 */
export function splitRules(config: ReviewConfig, parts: number): RuleShare[] {
  const active = RULES.filter((r) => (config.rules[r.id] ?? r.defaultSeverity) !== 'off').map((r) => r.id);
  const groups: { ids: string[]; cost: number }[] = [];
  for (const id of active) {
    const together = TOGETHER.find((g) => g.includes(id));
    const cost = RULE_COST[id] ?? DEFAULT_COST;
    const existing = together && groups.find((g) => together.includes(g.ids[0]));
    if (existing) (existing.ids.push(id), (existing.cost += cost));
    else groups.push({ ids: [id], cost });
  }
  groups.sort((a, b) => b.cost - a.cost);
  let best: RuleShare[] = [{ ruleIds: active, cost: BASE_COST + groups.reduce((n, g) => n + g.cost, 0) }];
  for (let k = 2; k <= Math.min(parts, groups.length); k++) {
    const bins: RuleShare[] = Array.from({ length: k }, () => ({ ruleIds: [], cost: BASE_COST }));
    for (const g of groups) {
      const bin = bins.reduce((m, b) => (b.cost < m.cost ? b : m));
      bin.ruleIds.push(...g.ids);
      bin.cost += g.cost;
    }
    const longest = (shares: RuleShare[]) => Math.max(...shares.map((s) => s.cost));
    if (longest(bins) < longest(best) * 0.97) best = bins;
  }
  // registry order inside a share (the checker runs rules in that order anyway)
  for (const s of best) s.ruleIds.sort((a, b) => active.indexOf(a) - active.indexOf(b));
  return best;
}

/** The default number of threads: the cores this process may use, at most MAX_DEFAULT_JOBS. */
export function defaultJobs(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_DEFAULT_JOBS, n));
}

/** How many checks of files of `largest` bytes fit in memory at once (60 % of it, as for the bigger heap in main.ts). */
export function jobsThatFit(largest: number): number {
  const perCheck = Math.max(1, largest * HEAP_BYTES_PER_INPUT_BYTE);
  return Math.max(1, Math.floor((os.totalmem() * 0.6) / perCheck));
}

/** One unit of work: a file (or stdin's text) with all rules or a share of them. */
export interface Task {
  id: number;
  path: string;
  /** The text, when the main thread read it (stdin, or a file split between threads); otherwise the thread reads the file. */
  text?: string;
  /**
   * One of the tasks of a file split between threads: runTasks reads and decodes the file
   * once, on this thread while the workers start, and posts its text to them (see readShared).
   */
  readOnce?: boolean;
  /** A share of the rules; undefined: every rule. */
  ruleIds?: string[];
  config: ReviewConfig;
  glossary?: Glossary;
  maxFileBytes: number;
  /** Estimated cost, for scheduling (biggest first). */
  cost: number;
  /** The term thread of a split file and its helpers segment its Chinese lines together (see termPrepare). */
  share?: SegShare;
}

interface TaskMessage extends Omit<Task, 'glossary'> {
  glossary?: { key: string; entries: readonly GlossaryEntry[] };
}

export type TaskResult = { id: number } & ({ ok: true; checked: CheckedFile } | { ok: false; inputError: string } | { ok: false; fatal: string });

function execute(task: Omit<Task, 'glossary'>, glossary: Glossary | undefined, inWorker: boolean): TaskResult {
  let text: string;
  try {
    text = task.text ?? readFileText(task.path, task.maxFileBytes);
  } catch (e) {
    if (e instanceof InputError) return { id: task.id, ok: false, inputError: e.message };
    throw e;
  }
  const ids = task.ruleIds;
  const rules = ids ? RULES.filter((r) => ids.includes(r.id)) : undefined;
  const share = task.share;
  const prepare =
    share &&
    ((model: DocumentModel) => {
      try {
        if (share.role === 'term') termPrepare(model, share);
        else helpPrepare(model, share);
      } catch {
        // a bug in the extraction on some line: the rule meets it again and reports it as in a check on one thread
      }
    });
  const checked = checkFile(text, task.path, task.config, glossary, rules, undefined, prepare);
  // only what the formats print crosses the thread boundary
  if (inWorker) checked.findings = checked.findings.map(slim);
  return { id: task.id, ok: true, checked };
}

if (isCliWorker) {
  const glossaries = new Map<string, Glossary>();
  parentPort!.on('message', (t: TaskMessage) => {
    let result: TaskResult;
    try {
      let g: Glossary | undefined;
      if (t.glossary) {
        g = glossaries.get(t.glossary.key);
        if (!g) glossaries.set(t.glossary.key, (g = new Glossary(t.glossary.entries)));
      }
      result = execute(t, g, true);
    } catch (e) {
      result = { id: t.id, ok: false, fatal: (e as Error)?.message ?? String(e) };
    }
    parentPort!.postMessage(result);
  });
}

interface Slot {
  worker: Worker;
  outstanding: Task[];
}

/**
 * Runs the tasks on `threads` threads: this one and threads - 1 workers (this bundle again,
 * with the heap limit of this thread). Biggest first; a worker that cannot start or dies
 * (out of memory) leaves its tasks to this thread. Resolves with one result per task, by id.
 */
export async function runTasks(tasks: Task[], threads: number): Promise<Map<number, TaskResult>> {
  const results = new Map<number, TaskResult>();
  const queue = [...tasks].sort((a, b) => b.cost - a.cost || a.id - b.id);
  const slots: Slot[] = [];
  const heapMb = Math.ceil(getHeapStatistics().heap_size_limit / 1048576);
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  for (let i = 0; i < Math.min(threads - 1, tasks.length - 1); i++) {
    let worker: Worker;
    try {
      worker = new Worker(__filename, { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    } catch {
      break; // no workers here: this thread does everything
    }
    const slot: Slot = { worker, outstanding: [] };
    slots.push(slot);
    worker.on('message', (r: TaskResult) => {
      results.set(r.id, r);
      slot.outstanding = slot.outstanding.filter((t) => t.id !== r.id);
      notify();
    });
    const fail = () => {
      // its unfinished tasks are done here, on the main thread
      if (!slots.includes(slot)) return;
      slots.splice(slots.indexOf(slot), 1);
      // their ports went with them: done again here, they segment every line themselves
      const again = slot.outstanding.filter((t) => !results.has(t.id));
      for (const t of again) t.share = undefined;
      queue.unshift(...again);
      slot.outstanding = [];
      notify();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
  }
  readShared(queue);
  const dispatch = () => {
    for (const slot of slots) {
      // one task ahead when there is enough work for everyone, so a worker does not wait for this thread
      const depth = queue.length > slots.length ? 2 : 1;
      while (slot.outstanding.length < depth && queue.length > 0) {
        const t = queue.shift()!;
        slot.outstanding.push(t);
        const { glossary, ...rest } = t;
        const msg: TaskMessage = glossary ? { ...rest, glossary: { key: glossary.id, entries: glossary.entries } } : rest;
        slot.worker.postMessage(msg, t.share ? sharePorts(t.share) : []);
      }
    }
  };
  // this thread starts at once, a worker some 40 ms later: this thread takes the biggest task
  let first: Task | undefined = queue.shift();
  try {
    while (results.size < tasks.length) {
      const mine = first ?? (dispatch(), queue.shift());
      if (first) (dispatch(), (first = undefined));
      if (mine) {
        results.set(mine.id, execute(mine, mine.glossary, false));
        // let the workers' messages in before taking more
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (results.size < tasks.length) await new Promise<void>((r) => (wake = r));
    }
  } finally {
    for (const s of [...slots]) {
      s.worker.removeAllListeners('exit');
      void s.worker.terminate();
    }
  }
  return results;
}

/**
 * Reads each file whose tasks are marked readOnce, once, and gives its text to those tasks.
 * Every thread used to read and decode the file itself (about 0.25 s of CPU each at 56 MB);
 * a thread receives the text as a copy, which costs a tenth of that. A file that cannot be
 * read here (gone, too big, not text) is left to the tasks, which read it as before and
 * report what they find.
 */
function readShared(tasks: readonly Task[]): void {
  const texts = new Map<string, string | undefined>();
  for (const t of tasks) {
    if (!t.readOnce || t.text !== undefined) continue;
    const key = `${t.maxFileBytes}:${t.path}`;
    if (!texts.has(key)) {
      let text: string | undefined;
      try {
        text = readFileText(t.path, t.maxFileBytes);
      } catch {
        text = undefined;
      }
      texts.set(key, text);
    }
    t.text = texts.get(key);
  }
}

/** Merges findings lists each sorted by compareFindings (no finding of one compares equal to one of another). */
export function mergeFindings(lists: Finding[][]): Finding[] {
  return lists.reduce(mergeSorted, []);
}

// ---------------------------------------------------------------------------------------
// Segmenting a split file's Chinese lines on several threads.
//
// The thread that runs term-inconsistency does most of the work of a split file, and half
// of that is asking Intl.Segmenter for the words of each Chinese line (about 40 µs a line).
// So the threads of the other shares of the file segment lines for it: the pairs are cut
// into chunks of SEG_CHUNK; the term thread takes chunks from the front (and prepares their
// pairs, English terms and Chinese candidates, as the rule would), each helper takes chunks
// from the back, before its own rules, and posts the words it found (their ends, as typed
// arrays: no strings cross) to the term thread, which builds each line's candidates from
// them without the segmenter (candidateListFromSegments: the same list). Who takes a chunk
// is settled by compare-and-swap on a shared state per chunk, so the threads meet where
// their speeds put them. Both threads pair the same text with the same settings, so chunk k
// is the same pairs on each; words that do not tile their line are not used.

/** Pairs per chunk (about 15 ms of segmenting: the longest the term thread may wait). */
export const SEG_CHUNK = 256;
/** How long (ms) the term thread waits for a chunk a helper took before doing it itself (a helper that died); tests shorten it. */
export const SEG_TUNING = { stealMs: 5000 };
const FREE = 0;
const TERM = 1;
const HELPER = 2;
const DONE = 3;

export type SegShare = { role: 'term'; states: SharedArrayBuffer; ports: MessagePort[] } | { role: 'help'; states: SharedArrayBuffer; port: MessagePort };

interface SegChunk {
  k: number;
  /** For each pair of the chunk: its number of words, then writeSegments' values. */
  segs: Int32Array;
}

/** Shares for the term task and its helpers (the tasks of one split file of `bytes` bytes). */
export function segShares(bytes: number, helpers: number): { term: SegShare; helpers: SegShare[] } {
  // a pair is two lines at least, a line one byte at least (its line break)
  const chunks = Math.ceil((bytes + 2) / 2 / SEG_CHUNK) + 1;
  const states = new SharedArrayBuffer(4 * chunks);
  const channels = Array.from({ length: helpers }, () => new MessageChannel());
  return { term: { role: 'term', states, ports: channels.map((c) => c.port1) }, helpers: channels.map((c) => ({ role: 'help', states, port: c.port2 })) };
}

function sharePorts(s: SegShare): MessagePort[] {
  return s.role === 'term' ? s.ports : [s.port];
}

/** Closes the ports of shares still held by this thread (those of tasks that ran here or never ran). */
export function closeShares(tasks: readonly Task[]): void {
  for (const t of tasks) if (t.share) for (const p of sharePorts(t.share)) p.close();
}

function zhOf(pair: Pair) {
  return pair.sourceLang === 'en' ? pair.target : pair.source;
}
function enOf(pair: Pair) {
  return pair.sourceLang === 'en' ? pair.source : pair.target;
}

function chunkCount(model: DocumentModel, states: Int32Array): number {
  return Math.min(states.length, Math.ceil(model.pairs.length / SEG_CHUNK));
}

/**
 * The term thread: prepares every pair for term-inconsistency, chunk by chunk from the front,
 * with the words the helpers found where they took a chunk first. Returns how many lines
 * were built from a helper's words (for tests).
 */
export function termPrepare(model: DocumentModel, share: Extract<SegShare, { role: 'term' }>): number {
  const states = new Int32Array(share.states);
  const pairs = model.pairs;
  const chunks = chunkCount(model, states);
  const arrived = new Map<number, Int32Array>();
  const drain = () => {
    for (const port of share.ports) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) arrived.set((m.message as SegChunk).k, (m.message as SegChunk).segs);
  };
  let fromHelpers = 0;
  const own = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      enTerms(enOf(pairs[i]));
      zhCandidates(zhOf(pairs[i]));
    }
  };
  try {
    for (let k = 0; k < chunks; k++) {
      const from = k * SEG_CHUNK;
      const to = Math.min(pairs.length, from + SEG_CHUNK);
      let state = Atomics.compareExchange(states, k, FREE, TERM);
      if (state === FREE) {
        own(from, to);
        continue;
      }
      // a helper took it: wait until it is done (or take it back from a helper that died)
      for (const t0 = Date.now(); state === HELPER; state = Atomics.load(states, k)) {
        if (Date.now() - t0 > SEG_TUNING.stealMs) {
          state = Atomics.compareExchange(states, k, HELPER, TERM);
          if (state === HELPER) state = TERM;
          break;
        }
        Atomics.wait(states, k, HELPER, 50);
      }
      let segs: Int32Array | undefined;
      if (state === DONE) {
        segs = arrived.get(k);
        if (!segs) (drain(), (segs = arrived.get(k)));
        arrived.delete(k);
      }
      if (!segs) {
        own(from, to);
        continue;
      }
      let at = 0;
      for (let i = from; i < to; i++) {
        const pair = pairs[i];
        enTerms(enOf(pair));
        const zh = zhOf(pair);
        const n = at < segs.length ? segs[at] : -1;
        const start = at + 1;
        at = n >= 0 ? start + n : segs.length;
        zhCandidates(zh, (text) => {
          const list = n >= 0 ? candidateListFromSegments(text, segs, start, start + n) : undefined;
          if (list) fromHelpers++;
          return list ?? candidateList(text);
        });
      }
    }
  } finally {
    for (const port of share.ports) port.close();
  }
  return fromHelpers;
}

/** A helper thread: segments the Chinese lines of chunks from the back, until it meets the term thread. */
export function helpPrepare(model: DocumentModel, share: Extract<SegShare, { role: 'help' }>): void {
  const states = new Int32Array(share.states);
  const pairs = model.pairs;
  let k = chunkCount(model, states) - 1;
  try {
    for (; k >= 0; k--) {
      if (Atomics.compareExchange(states, k, FREE, HELPER) !== FREE) break;
      const from = k * SEG_CHUNK;
      const to = Math.min(pairs.length, from + SEG_CHUNK);
      let size = 0;
      for (let i = from; i < to; i++) size += 1 + zhOf(pairs[i]).text.length;
      const segs = new Int32Array(size);
      let at = 0;
      for (let i = from; i < to; i++) {
        const count = at++;
        at = writeSegments(zhOf(pairs[i]).text, segs, at);
        segs[count] = at - count - 1;
      }
      const msg: SegChunk = { k, segs };
      share.port.postMessage(msg, [segs.buffer]);
      // taken back meanwhile (this thread was too slow): the term thread did it
      if (Atomics.compareExchange(states, k, HELPER, DONE) !== HELPER) break;
      Atomics.notify(states, k);
    }
  } catch (e) {
    // give the chunk back to the term thread (it waits for it), which segments it itself
    if (k >= 0 && Atomics.compareExchange(states, k, HELPER, FREE) === HELPER) Atomics.notify(states, k);
    throw e;
  } finally {
    share.port.close();
  }
}
