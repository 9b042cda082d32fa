// Giving memory back after big documents. Receiving a 50 MB document over
// JSON-RPC briefly holds the raw message, the decoded string and the parsed
// text at once, and every keystroke leaves a few megabytes of replaced arrays.
// V8 keeps that heap long after the garbage is dead: a 100,000-pair book held
// 500 MB of RSS for 130 MB of live data. When a big document has been idle
// for a moment, one full collection gives the memory back (about 0.1 s, only
// when RSS is high, at most every 20 s, never while the user types).

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Lines from which a document counts as big (about 20,000 pairs and up). */
export const BIG_DOCUMENT_LINES = 40_000;
const IDLE_MS = 1500;
const MIN_RSS = 256 * 1024 * 1024;
const MIN_INTERVAL_MS = 20_000;

let gcFn: (() => void) | undefined | null = null;
let timer: NodeJS.Timeout | undefined;
let lastRun = 0;

/** global.gc when Node runs with --expose-gc, else enabled at runtime (as jest's leak detector does). */
function collector(): (() => void) | undefined {
  if (gcFn === null) {
    try {
      const g = (globalThis as { gc?: () => void }).gc;
      if (typeof g === 'function') gcFn = g;
      else {
        v8.setFlagsFromString('--expose-gc');
        gcFn = vm.runInNewContext('gc') as () => void;
      }
    } catch {
      gcFn = undefined;
    }
  }
  return gcFn ?? undefined;
}

function collectIfWorthIt(): void {
  timer = undefined;
  if (process.memoryUsage.rss() < MIN_RSS || Date.now() - lastRun < MIN_INTERVAL_MS) return;
  const gc = collector();
  if (!gc) return;
  lastRun = Date.now();
  gc();
}

/** Call after publishing diagnostics; a big document that stays idle gets its garbage collected. */
export function noteDocumentActivity(lineCount: number): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (lineCount < BIG_DOCUMENT_LINES) return;
  timer = setTimeout(collectIfWorthIt, IDLE_MS);
  timer.unref();
}
