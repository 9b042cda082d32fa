// One first check of a session, measured the way the rule-cost scripts report it:
// CPU time (user + system) and the heap the session still holds after a full GC.
// Used by bench/rule-costs.ts and bench/term-snapshot.ts.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CheckResult, DocumentSession } from '../server/src/core';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function measureCheck(s: DocumentSession): { result: CheckResult; cpuMs: number; heldBytes: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const result = s.check();
  const c = process.cpuUsage(c0);
  gc();
  return { result, cpuMs: (c.user + c.system) / 1000, heldBytes: process.memoryUsage().heapUsed - base };
}
