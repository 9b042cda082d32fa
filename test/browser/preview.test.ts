// The side-by-side preview page in real (headless) Chromium: the HTML of the
// real template, the real media/preview.js and .css, rows from the real core.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEED } from '../support/paths';
import { applyTheme, launch, openPreview, previewData, waitFor, type Harness } from './page';

const seed = fs.readFileSync(SEED, 'utf8');

/** A document whose every line tries to run something or to break out of its markup. */
const HOSTILE_LINES = [
  '<script>window.__pwned = "script"</script>',
  '这一行里有<script>window.__pwned = "script-zh"</script>标签。',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '图片<img src=x onerror=alert(1)>。',
  '<a href="javascript:window.__pwned=\'link\'">Click me</a>',
  '点击<a href="javascript:alert(2)">这里</a>。',
  '</style><style>body { display: none }</style> End of style.',
  '样式</style>结束。',
  'Entities &lt;b&gt; &amp; &#x3C;script&#x3E; stay as typed.',
  '实体&lt;i&gt;照原样显示。',
  '"><svg onload="window.__pwned = \'svg\'"> </script><!--',
  '引号"><svg onload=alert(3)>结束。',
];
const hostileText = HOSTILE_LINES.join('\n') + '\n';

describe('preview page in Chromium', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  it('renders the seed: 51 pair rows and 7 unpaired rows with data-line, findings marked, counts in the header', async () => {
    const data = previewData(seed);
    const p = await openPreview(h, data);
    const page = p.page;
    assert.equal(await page.locator('.row').count(), 58);
    assert.equal(await page.locator('.row.unpaired').count(), 7);
    assert.equal(await page.locator('.row:not(.unpaired)').count(), 51);
    assert.equal(await page.locator('.row.heading').count(), 3);
    const lines = await page.locator('.row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
    assert.deepEqual(
      lines,
      data.rows.map((r: any) => r.line),
    );
    // Unpaired rows: one empty cell, marked.
    assert.equal(await page.locator('.row.unpaired .cell.missing .missing-mark').count(), 7);
    // Findings: one mark per finding, on its rule and with its message as tooltip.
    const expected = data.rows.flatMap((r: any) => r.cells.filter(Boolean).flatMap((c: any) => c.findings.map((f: any) => ({ line: c.line, rule: f.ruleId, text: c.text.slice(f.start, f.end) }))));
    const pieces = await page.locator('.finding').evaluateAll((els) =>
      els.map((e) => ({
        line: Number(e.closest('.cell')!.getAttribute('data-line')),
        rule: e.getAttribute('data-rule'),
        at: `${e.getAttribute('data-start')}-${e.getAttribute('data-end')}`,
        text: e.textContent,
        title: e.getAttribute('title'),
      })),
    );
    // Overlapping findings (a term and a half-width comma in one word) are cut into pieces at
    // every boundary, each piece wrapped once per finding covering it: join the pieces back.
    const byFinding = new Map<string, (typeof pieces)[number]>();
    for (const m of pieces) {
      const k = `${m.line}:${m.rule}:${m.at}`;
      const seen = byFinding.get(k);
      if (seen) seen.text += m.text;
      else byFinding.set(k, { ...m });
    }
    const marks = [...byFinding.values()];
    assert.equal(marks.length, expected.length);
    assert.equal(marks.length, data.counts.findings);
    for (const e of expected) assert.ok(marks.some((m) => m.line === e.line && m.rule === e.rule && m.text === e.text), `${e.rule} on line ${e.line}`);
    for (const m of marks) assert.ok(m.title && m.title.length > 10);
    assert.equal(await page.locator('.row.has-findings').count(), data.counts.rowsWithFindings);
    assert.equal(await page.locator('.row.has-findings .marker').evaluateAll((els) => els.every((e) => Number(e.textContent) > 0)), true);
    const counts = await page.locator('#counts').textContent();
    assert.match(counts!, /51 pairs/);
    assert.match(counts!, /7 unpaired/);
    assert.match(counts!, new RegExp(`${data.counts.findings} findings`));
    assert.match(counts!, /unpaired-line 7/);
    // Every cell shows its line exactly (text, not markup).
    const cellTexts = await page.locator('.cell[data-line] .text').evaluateAll((els) => els.map((e) => ({ line: Number(e.parentElement!.getAttribute('data-line')), text: e.textContent })));
    const seedLines = seed.split(/\r?\n/);
    for (const c of cellTexts) assert.equal(c.text, seedLines[c.line]);
    // Chinese cells are marked as Chinese, for the CJK font.
    assert.equal(await page.locator('.cell.lang-zh[lang="zh-Hans"]').count(), 51 + data.rows.filter((r: any) => r.kind === 'unpaired' && r.cells[1]).length);
    assert.deepEqual(p.strayRequests, []);
    assert.deepEqual(p.console, []);
    await page.close();
  });

  it('shows hostile document text as text and runs none of it (first render and live update)', async () => {
    const data = previewData(hostileText);
    const p = await openPreview(h, data, { fileName: '<img src=x onerror=alert(9)>.en-zh.txt' });
    const page = p.page;
    const check = async (when: string) => {
      assert.equal(await page.evaluate('window.__pwned'), undefined, `${when}: a script ran`);
      assert.equal(await page.locator('#rows script, #rows img, #rows svg, #rows a, #rows style, header img').count(), 0, `${when}: markup was parsed`);
      const texts = await page.locator('.cell[data-line] .text').evaluateAll((els) => els.map((e) => e.textContent));
      assert.deepEqual([...texts].sort(), [...HOSTILE_LINES].sort(), `${when}: text changed`);
      assert.equal(await page.locator('#file-name').textContent(), '<img src=x onerror=alert(9)>.en-zh.txt');
      assert.equal(await page.evaluate('getComputedStyle(document.body).display'), 'block', `${when}: a style applied`);
    };
    await check('first render');
    // Click every cell (a javascript: URL would run on a link click).
    for (const cell of await page.locator('.cell[data-line]').all()) await cell.click();
    await page.waitForTimeout(100);
    assert.equal(page.url(), 'https://webview.preview.test/index.html');
    // The same lines arriving as a live update.
    await p.send({ type: 'update', seq: 1, data: previewData(HOSTILE_LINES.slice().reverse().join('\n')) });
    await page.waitForTimeout(100);
    await check('update');
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(p.strayRequests, [], 'nothing was fetched (an <img src=x> would be)');
    assert.deepEqual(p.console.filter((c) => !c.startsWith('verbose')), []);
    await page.close();
  });

  it('the policy holds: an inline script and an inline style are refused; each page has its own nonce and no unsafe-*', async () => {
    const a = await openPreview(h, null);
    const b = await openPreview(h, null);
    const policy = (pg: typeof a) => pg.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const [pa, pb] = [await policy(a), await policy(b)];
    const nonceA = /'nonce-([^']+)'/.exec(pa!)![1];
    const nonceB = /'nonce-([^']+)'/.exec(pb!)![1];
    assert.notEqual(nonceA, nonceB);
    assert.equal(nonceA, a.nonce);
    assert.equal(await a.page.locator(`script[nonce]`).count(), 1);
    assert.doesNotMatch(pa!, /unsafe-/);
    assert.match(pa!, /^default-src 'none';/);
    // Even markup that did get into the page could not run or restyle it.
    const violations = await a.page.evaluate(`new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      const st = document.createElement('style');
      st.textContent = 'body { display: none }';
      document.head.appendChild(st);
      const img = document.createElement('img');
      img.src = 'https://elsewhere.example/x.png';
      document.body.appendChild(img);
      setTimeout(() => resolve(seen), 300);
    })`);
    assert.equal(await a.page.evaluate('window.__inline'), undefined);
    assert.equal(await a.page.evaluate('getComputedStyle(document.body).display'), 'block');
    assert.ok((violations as string[]).some((v) => v.startsWith('script-src')), String(violations));
    assert.ok((violations as string[]).some((v) => v.startsWith('style-src')), String(violations));
    assert.ok((violations as string[]).some((v) => v.startsWith('img-src')), String(violations));
    await a.page.close();
    await b.page.close();
  });

  it('scroll sync: the editor moves the page without an echo; the user scrolling the page moves the editor', async () => {
    const data = previewData(seed);
    const p = await openPreview(h, data, { viewport: { width: 1000, height: 600 } });
    const page = p.page;
    const top = () => page.evaluate('window.scrollY') as Promise<number>;
    const target = data.rows[20].line;
    await p.send({ type: 'scrollToLine', line: target });
    await page.waitForTimeout(250);
    assert.ok((await top()) > 500, 'the page scrolled');
    // The row at the top (under the sticky header) is the one holding line 40.
    const atTop = await page.evaluate(`(() => {
      const y = document.getElementById('header').getBoundingClientRect().bottom + 2;
      const el = document.elementFromPoint(300, y);
      return Number(el.closest('.row').getAttribute('data-line'));
    })()`);
    assert.equal(atTop, target);
    assert.ok((await p.posted()).every((m) => m.type !== 'revealLine'), 'no echo back to the editor');
    // A fractional line lands inside the row.
    await p.send({ type: 'scrollToLine', line: target + 0.5 });
    await page.waitForTimeout(200);
    assert.ok((await p.posted()).every((m) => m.type !== 'revealLine'));
    // The user scrolls: the editor is told which line is at the top.
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 700);
    await waitFor(async () => (await p.posted()).some((m) => m.type === 'revealLine'), 'revealLine');
    const reveal = (await p.posted()).filter((m) => m.type === 'revealLine').pop();
    assert.ok(reveal.line > target + 1, `line ${reveal.line}`);
    // The state the serializer restores from follows the scroll.
    const state: any = await page.evaluate('window.__getState()');
    assert.equal(state.uri, 'file:///work/article.en-zh.txt');
    assert.ok(Math.abs(state.line - reveal.line) < 1e-9);
    await page.close();
  });

  it('restores the saved line on reload and scrolls there without telling the editor', async () => {
    const p = await openPreview(h, previewData(seed), { line: 60, viewport: { width: 1000, height: 600 } });
    await p.page.waitForTimeout(200);
    assert.ok(((await p.page.evaluate('window.scrollY')) as number) > 800);
    assert.ok((await p.posted()).every((m) => m.type !== 'revealLine'));
    await p.page.close();
  });

  it('filter: only rows with findings, and the extension is told', async () => {
    const data = previewData(seed);
    const p = await openPreview(h, data);
    const page = p.page;
    await page.locator('#only-findings').check();
    assert.equal(await page.locator('.row:visible').count(), data.counts.rowsWithFindings);
    assert.equal(await page.locator('.row.has-findings:visible').count(), data.counts.rowsWithFindings);
    assert.ok((await p.posted()).some((m) => m.type === 'filter' && m.onlyFindings === true));
    await page.locator('#only-findings').uncheck();
    assert.equal(await page.locator('.row:visible').count(), 58);
    // Swap: the Chinese column moves to the left, and the choice is kept for a reload.
    const leftLang = () => page.evaluate(`(() => {
      const cells = [...document.querySelectorAll('.row.pair')[0].querySelectorAll('.cell')];
      cells.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
      return cells[0].getAttribute('lang');
    })()`);
    assert.equal(await leftLang(), 'en');
    await page.locator('#swap').click();
    assert.equal(await leftLang(), 'zh-Hans');
    assert.equal(((await page.evaluate('window.__getState()')) as any).swapped, true);
    // Keyboard: arrows move between rows, Enter reveals.
    await page.locator('.row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.deepEqual((await p.posted()).pop(), { type: 'reveal', line: data.rows[1].line });
    await page.close();
  });

  it('a click on a row reveals its line; on a finding, the finding’s range', async () => {
    const data = previewData(seed);
    const p = await openPreview(h, data);
    const page = p.page;
    const pair = data.rows.find((r: any) => r.kind === 'pair' && !r.cells.some((c: any) => c.findings.length));
    const row = page.locator(`.row[data-line="${pair.line}"]`);
    await row.locator('.cell.col-1 .text').click();
    let last = (await p.posted()).pop();
    assert.deepEqual(last, { type: 'reveal', line: pair.cells[1].line });
    await row.locator('.marker').click();
    last = (await p.posted()).pop();
    assert.deepEqual(last, { type: 'reveal', line: pair.line });
    const finding = page.locator('.finding:not([data-rule="unpaired-line"])').first();
    const line = Number(await finding.evaluate((e) => e.closest('.cell')!.getAttribute('data-line')));
    await finding.click();
    last = (await p.posted()).pop();
    assert.equal(last.type, 'reveal');
    assert.equal(last.line, line);
    assert.ok(last.end > last.start);
    await page.close();
  });

  it('a long document: the page holds a window of rows and asks for more near its edges', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 600; i++) parts.push(`Paragraph ${i} says something short.`, `第${i}段说了些简短的话。`);
    const text = parts.join('\n') + '\n';
    const p = await openPreview(h, previewData(text, { around: 0, limit: 200 }), { viewport: { width: 1000, height: 600 } });
    const page = p.page;
    assert.equal(await page.locator('.row').count(), 200);
    assert.match((await page.locator('.window-bar.below').textContent())!, /^400 rows below/);
    // Scrolled to the bottom of the window: the page asks for rows around the line it shows.
    await page.mouse.move(400, 300);
    for (let i = 0; i < 40 && !(await p.posted()).some((m) => m.type === 'window'); i++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(60);
    }
    const ask = (await p.posted()).find((m) => m.type === 'window');
    assert.ok(ask && ask.line > 300, JSON.stringify(ask));
    // The extension answers with the window around that line; the page keeps that line at the top.
    const next = previewData(text, { around: ask.line, limit: 200 });
    assert.ok(next.offset > 0);
    await p.send({ type: 'update', seq: 1, data: next, line: ask.line });
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.row').count(), 200);
    assert.match((await page.locator('.window-bar.above').textContent())!, new RegExp(`^${next.offset} rows above`));
    const atTop = await page.evaluate(`(() => {
      const y = document.getElementById('header').getBoundingClientRect().bottom + 2;
      return Number(document.elementFromPoint(300, y).closest('.row').getAttribute('data-line'));
    })()`);
    assert.equal(atTop, ask.line - (ask.line % 2));
    await page.close();
  });

  it('drops an update older than the last one rendered', async () => {
    const p = await openPreview(h, previewData(seed));
    await p.send({ type: 'update', seq: 5, data: previewData('One line.\n一行。\n') });
    await p.send({ type: 'update', seq: 4, data: previewData(seed) });
    await p.page.waitForTimeout(100);
    assert.equal(await p.page.locator('.row').count(), 1);
    await p.page.close();
  });

  it('screenshots in light and dark themes, with real Chinese glyphs', async () => {
    // A CJK font must be installed, or Chinese shows as boxes (test/e2e/setup.sh installs fonts-noto-cjk).
    const zhFonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    assert.match(zhFonts, /Noto Sans CJK SC|Source Han Sans|WenQuanYi|Noto Sans SC/, 'no Chinese font: install fonts-noto-cjk');
    const data = previewData(seed);
    // UPDATE_DOCS_IMAGES=1 refreshes the pictures in docs/images; otherwise they go to a scratch folder.
    const dir = process.env.UPDATE_DOCS_IMAGES ? path.join(ROOT, 'docs', 'images') : fs.mkdtempSync(path.join(os.tmpdir(), 'br-shots-'));
    fs.mkdirSync(dir, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const p = await openPreview(h, data, { fileName: 'batteries.en-zh.txt', line: 34, viewport: { width: 1280, height: 760 } });
      await applyTheme(p.page, theme);
      await p.page.evaluate('document.fonts.ready');
      // The Chinese cells are laid out in the CJK font: "中" is a full em wide in it.
      const width = (await p.page.evaluate(`(() => {
        const cell = document.querySelector('.cell.lang-zh .text');
        const probe = document.createElement('span');
        probe.textContent = '中中中中中中中中中中';
        cell.appendChild(probe);
        const w = probe.getBoundingClientRect().width / 10 / parseFloat(getComputedStyle(probe).fontSize);
        probe.remove();
        return w;
      })()`)) as number;
      assert.ok(Math.abs(width - 1) < 0.05, `a Chinese character is ${width} em wide`);
      await p.send({ type: 'scrollToLine', line: 34 });
      await p.page.waitForTimeout(150);
      const file = path.join(dir, `preview-${theme}.png`);
      await p.page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 20000);
      await p.page.close();
    }
    if (!process.env.UPDATE_DOCS_IMAGES) fs.rmSync(dir, { recursive: true, force: true });
  });
});
