// Keystrokes only (after the first check), in one process:
//   npx tsx bench/keystroke-profile.ts PAIRS [KEYSTROKES] [--profile=FILE] [--zh] [--off=RULE,RULE] [--spread]
// Types a character into (and deletes it from) the English line of a pair in the
// middle of a generated document (the Chinese line with --zh) and re-checks; prints
// the wall-clock median and the CPU time per keystroke (steadier than wall clock on
// a shared machine). --profile writes a .cpuprofile of the keystrokes alone
// (summarise it with `node bench/profile-summary.mjs FILE`). --off turns rules off
// (to see what the rest costs). --spread types into (and deletes from) a different pair
// for each two keystrokes, pairs spread over the document's second half (which terms
// are analysed again depends on the pair: one pair alone can be unrepresentative).
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { DocumentSession } from '../server/src/core';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const args = process.argv.slice(2);
const nums = args.filter((a) => /^\d+$/.test(a)).map(Number);
const n = nums[0] ?? 20000;
const count = nums[1] ?? 40;
const profileTo = args.find((a) => a.startsWith('--profile='))?.slice(10);
const zhSide = args.includes('--zh');
const { text } = generate(n) as { text: string };
const off = args.find((a) => a.startsWith('--off='))?.slice(6).split(',') ?? [];
const s = new DocumentSession(text, { config: { order: 'auto', rules: Object.fromEntries(off.map((id) => [id, 'off' as const])), locale: 'en', options: {} } });
let t0 = performance.now();
const first = s.check();
console.log(`${n} pairs: first check ${(performance.now() - t0).toFixed(0)} ms, ${first.findings.length} findings`);
const en = s.doc.lines.findIndex((l, i) => i > s.doc.lineCount / 2 && l.kind === 'en' && s.doc.lines[i + 1]?.kind === 'zh');
const spread = args.includes('--spread');
const lines: number[] = [];
for (let i = en; spread && lines.length < count / 2 && i < s.doc.lineCount - 1; i += Math.max(2, Math.floor(s.doc.lineCount / 2 / (count / 2)))) {
  let j = i;
  while (j < s.doc.lineCount - 1 && !(s.doc.lines[j].kind === 'en' && s.doc.lines[j + 1]?.kind === 'zh')) j++;
  if (j < s.doc.lineCount - 1) lines.push(zhSide ? j + 1 : j);
}
if (!spread) lines.push(zhSide ? en + 1 : en);
const session = new Session();
const post = (method: string, params?: object) => new Promise<unknown>((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));

void (async () => {
  if (profileTo) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    t0 = performance.now();
    const line = lines[(i >> 1) % lines.length];
    const ch = zhSide ? '的' : 'x';
    s.applyChanges([i % 2 ? { range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: '' } : { range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: ch }]);
    s.check();
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  if (profileTo) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  times.sort((a, b) => a - b);
  console.log(`${zhSide ? 'Chinese' : 'English'}-line keystroke + check: median ${times[times.length >> 1].toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(1)} ms per keystroke (${count}${spread ? `, over ${lines.length} pairs` : ''})${profileTo ? `; profile in ${profileTo}` : ''}`);
})();
