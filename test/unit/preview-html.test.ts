// The preview page's template (client/src/preview/html.ts): escaping, the data
// block, the Content-Security-Policy and its nonce.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy, DEFAULT_LABELS, escapeHtml, jsonForHtml, makeNonce, renderPreviewHtml } from '../../client/src/preview/html';
import { ROOT } from '../support/paths';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '<!-- <script>',
  '"><svg onload=alert(3)>',
  "'; alert(4); '",
  '&lt;b&gt; &amp; &#x3C;',
  '\u2028\u2029',
];

function render(data: unknown, extra: Partial<Parameters<typeof renderPreviewHtml>[0]> = {}) {
  return renderPreviewHtml({
    cspSource: 'https://webview.test',
    scriptUri: 'https://webview.test/media/preview.js',
    styleUri: 'https://webview.test/media/preview.css',
    nonce: makeNonce(),
    state: { uri: 'file:///a.en-zh.txt', fileName: 'a.en-zh.txt', data, labels: DEFAULT_LABELS },
    ...extra,
  });
}

describe('preview HTML', () => {
  it('escapes text for content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('JSON in the data block has no <, > or & and parses back to the same value', () => {
    for (const s of HOSTILE) {
      const j = jsonForHtml({ s });
      assert.doesNotMatch(j, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(j), { s });
    }
  });

  it('document text never reaches the markup: hostile lines appear only escaped inside the data block', () => {
    const rows = HOSTILE.map((text, i) => ({ kind: 'unpaired', line: i, cells: [{ line: i, text, lang: 'en', findings: [] }, null] }));
    const html = render({ rows, counts: {}, total: rows.length, offset: 0, columns: ['en', 'zh'] }, {
      state: { uri: 'file:///x', fileName: '<img src=x onerror=alert(5)>.en-zh.txt', data: { rows }, labels: { ...DEFAULT_LABELS, onlyFindings: '<b>bold</b>' } },
    });
    // Exactly two script elements: the data block and the nonce'd script.
    assert.equal(html.match(/<script\b/gi)?.length, 2);
    assert.equal(html.match(/<\/script>/gi)?.length, 2);
    assert.doesNotMatch(html, /<img|<svg|<b>|<!--/i);
    assert.match(html, /&lt;img src=x onerror=alert\(5\)&gt;\.en-zh\.txt/);
    const block = /<script type="application\/json" id="preview-state">([\s\S]*?)<\/script>/.exec(html)!;
    const state = JSON.parse(block[1]);
    assert.deepEqual(
      state.data.rows.map((r: any) => r.cells[0].text),
      HOSTILE,
    );
  });

  it('the policy allows nothing by default, scripts only by nonce, and no unsafe-*', () => {
    const nonce = makeNonce();
    const csp = contentSecurityPolicy('https://webview.test', nonce);
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-|\*|http:|data:|blob:/);
    assert.match(csp, /style-src https:\/\/webview\.test(;|$)/);
  });

  it('every render gets a fresh nonce, used by the one script and in the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const html = render(null);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1].replace(/&#39;/g, "'");
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      assert.ok(nonce.length >= 22, 'at least 128 bits');
      assert.ok(!seen.has(nonce), 'nonce reused');
      seen.add(nonce);
      assert.ok(html.includes(`<script nonce="${nonce}" src="https://webview.test/media/preview.js"></script>`));
    }
    assert.throws(() => renderPreviewHtml({ cspSource: 'x', scriptUri: 'a', styleUri: 'b', nonce: 'short', state: { uri: '', fileName: '', data: null, labels: DEFAULT_LABELS } }));
  });

  it('the page has no inline script, no inline style, no remote resource and never uses innerHTML', () => {
    const html = render(null);
    assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i);
    assert.doesNotMatch(html, /https?:\/\/(?!webview\.test)/);
    const js = fs.readFileSync(path.join(ROOT, 'media', 'preview.js'), 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setTimeout\(['"`]/);
    const css = fs.readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8');
    assert.doesNotMatch(css, /@import|url\(/);
  });
});
