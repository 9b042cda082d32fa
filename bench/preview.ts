// `npx tsx bench/preview.ts [pairs]`: what the side-by-side preview costs on a long
// document. Measures, over stdio against dist/server.js, bilingualReview/preview
// (a 2,000-row window, the default) on a generated document after its first check
// and after a keystroke, the answer's size, and Chromium rendering that window with
// the real page. A benchmark, not a test: it prints figures.

import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileUri, LspTestClient } from '../test/support/lsp-client';
import { launch, openPreview } from '../test/browser/page';
// @ts-expect-error plain ESM module without types
import { generate } from './generate.mjs';

const PAIRS = Number(process.argv[2] ?? 100000);
const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { text } = generate(PAIRS) as { text: string };
  const lineCount = text.split('\n').length;
  const uri = fileUri(`/tmp/bench-preview-${PAIRS}.en-zh.txt`);
  const client = new LspTestClient();
  await client.initialize();
  const t0 = performance.now();
  const first = client.waitForDiagnostics(uri, () => true, 120000);
  await client.open(uri, text);
  // Asked while the first check runs: answers at once with the rows and `checking: true`.
  const early = performance.now();
  const during = await client.request('bilingualReview/preview', { uri, around: 0 });
  const earlyMs = performance.now() - early;
  await first;
  const checkMs = performance.now() - t0;

  const times: number[] = [];
  let answer: any;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    answer = await client.request('bilingualReview/preview', { uri, around: Math.floor((lineCount * i) / RUNS) });
    times.push(performance.now() - s);
  }
  const bytes = Buffer.byteLength(JSON.stringify(answer));

  // A keystroke in the middle, then the preview of the new version (what typing costs).
  const typing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const line = Math.floor(lineCount / 2) + i * 2;
    const published = client.waitForDiagnostics(uri, (p) => p.version === i + 2, 60000);
    await client.change(uri, i + 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    await published;
    const s = performance.now();
    await client.request('bilingualReview/preview', { uri, around: line });
    typing.push(performance.now() - s);
  }
  const onlyS = performance.now();
  const only = await client.request('bilingualReview/preview', { uri, onlyFindings: true });
  const onlyMs = performance.now() - onlyS;
  await client.shutdown();

  // The page: render the 2,000-row window in Chromium, then a live update of it.
  const h = await launch();
  const p = await openPreview(h, answer, { viewport: { width: 1280, height: 900 } });
  const renderMs = (await p.page.evaluate(`new Promise((resolve) => {
    const t = performance.now();
    window.postMessage({ type: 'update', seq: 1, data: ${JSON.stringify(answer).replace(/</g, '\\u003c')} }, '*');
    setTimeout(() => { document.body.offsetHeight; resolve(performance.now() - t); }, 0);
  })`)) as number;
  const rows = await p.page.locator('.row').count();
  await h.close();

  const out = {
    pairs: PAIRS,
    lines: lineCount,
    firstCheckMs: Math.round(checkMs),
    previewDuringFirstCheckMs: Math.round(earlyMs),
    duringFirstCheck: { checking: during.checking, rows: during.rows.length },
    previewMedianMs: Math.round(median(times) * 10) / 10,
    previewAfterKeystrokeMedianMs: Math.round(median(typing) * 10) / 10,
    onlyFindingsMs: Math.round(onlyMs),
    onlyFindingsTotal: only.total,
    windowRows: answer.rows.length,
    totalRows: answer.total,
    answerKB: Math.round(bytes / 1024),
    chromiumRenderAndLayoutMs: Math.round(renderMs),
    renderedRows: rows,
  };
  console.log(JSON.stringify(out, null, 2));
  fs.mkdirSync('bench/out', { recursive: true });
  fs.writeFileSync(`bench/out/preview-${PAIRS}.json`, JSON.stringify(out, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
