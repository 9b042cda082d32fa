// Preloaded into the server by bench/enter-latency.mjs (`node --require`): every GC pause,
// every message read from stdin and every big write to stdout, with absolute times, on
// stderr (stdout carries the protocol: nothing may be written there).
const { PerformanceObserver, performance } = require('node:perf_hooks');
const kinds = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak' };
const now = () => (performance.timeOrigin + performance.now()).toFixed(3);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) process.stderr.write(`@gc ${kinds[e.detail?.kind] ?? e.detail?.kind} ${(performance.timeOrigin + e.startTime).toFixed(3)} ${e.duration.toFixed(3)}\n`);
}).observe({ entryTypes: ['gc'] });
process.stdin.prependListener('data', (d) => {
  if (d.length < 100000) process.stderr.write(`@in ${now()}\n`);
});
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (chunk && chunk.length > 100000) process.stderr.write(`@out ${now()}\n`);
  return write(chunk, ...rest);
};
