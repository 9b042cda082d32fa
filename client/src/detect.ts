// Does a plain-text file look like an interleaved English–Chinese document?
// Uses the core's script classifier (pure code, no server round trip).

import { classifyLine } from '../../server/src/core/script';

/**
 * True when the first lines alternate between English and Chinese often enough:
 * at least 4 language switches between consecutive content lines, covering at
 * least 60% of the transitions.
 */
export function looksInterleaved(text: string): boolean {
  const kinds: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/).slice(0, 400)) {
    const k = classifyLine(line);
    if (k === 'en' || k === 'zh') kinds.push(k);
  }
  if (kinds.length < 4) return false;
  let switches = 0;
  for (let i = 1; i < kinds.length; i++) if (kinds[i] !== kinds[i - 1]) switches++;
  return switches >= 3 && switches / (kinds.length - 1) >= 0.6;
}
