// Every string a user reads is translated: manifest %key% placeholders resolve in
// package.nls.json and package.nls.zh-cn.json, and every vscode.l10n.t('…')
// (or t('…') in pure helpers) of client/src has a zh-cn entry in l10n/.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statusView, type DocStatus, type Translate } from '../../client/src/statusText';
import { ROOT } from '../support/paths';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const pkg = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsZh: Record<string, string> = read('package.nls.zh-cn.json');
const bundleZh: Record<string, string | { message: string }> = read('l10n/bundle.l10n.zh-cn.json');
const hasHan = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Every string value in the manifest, with its JSON path. */
function strings(v: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([at, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${at}.${k}`, out);
  return out;
}

/** The string literals passed as the message to l10n.t(…) or t(…) in a source file. */
export function l10nLiterals(source: string): { message: string; literal: boolean }[] {
  const out: { message: string; literal: boolean }[] = [];
  const re = /(?<![\w.])(?:vscode\.l10n\.t|l10n\.t|t)\(\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const rest = source.slice(re.lastIndex);
    const lit = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1|^`((?:\\.|[^`\\$])*)`/.exec(rest);
    if (lit) out.push({ message: (lit[2] ?? lit[3]).replace(/\\(.)/g, '$1'), literal: true });
    else out.push({ message: rest.slice(0, 40), literal: false });
  }
  return out;
}

function clientSources(dir = path.join(ROOT, 'client', 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? clientSources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('localisation', () => {
  describe('manifest (package.nls*.json)', () => {
    const user = strings(pkg, '').filter(([at]) =>
      /^\.(displayName|description)$|\.(title|description|markdownDescription|category)$|\.enumDescriptions\[\d+\]$|\.aliases\[0\]$|\.capabilities\..*\.description$/.test(at),
    );

    it('every user-visible manifest string is a %key% placeholder', () => {
      assert.ok(user.length > 30, String(user.length));
      for (const [at, v] of user) assert.match(v, /^%[^%\s]+%$/, `${at} is not localised: ${v}`);
    });

    it('every %key% resolves in English and in Chinese', () => {
      for (const [at, v] of strings(pkg, '')) {
        const m = /^%([^%\s]+)%$/.exec(v);
        if (!m) continue;
        assert.ok(nlsEn[m[1]], `${at}: ${m[1]} missing from package.nls.json`);
        assert.ok(nlsZh[m[1]], `${at}: ${m[1]} missing from package.nls.zh-cn.json`);
      }
    });

    it('the Chinese file has every key of the English one (and no others), in Chinese', () => {
      assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
      for (const [key, zh] of Object.entries(nlsZh)) {
        assert.ok(hasHan(zh), `${key} is not translated: ${zh}`);
        assert.notEqual(zh, nlsEn[key], key);
      }
    });

    it('every setting has a description, and each rule setting its bilingualReview.rules.<id>.description key', () => {
      for (const [key, v] of Object.entries<any>(pkg.contributes.configuration.properties)) {
        const d = v.description ?? v.markdownDescription;
        assert.ok(d, key);
        if (key.startsWith('bilingualReview.rules.')) assert.equal(d, `%${key}.description%`);
        if (v.enum) assert.equal(v.enumDescriptions?.length, v.enum.length, `${key}: one description per choice`);
      }
    });
  });

  describe('client strings (l10n/bundle.l10n.zh-cn.json)', () => {
    const found = clientSources().flatMap((f) => l10nLiterals(fs.readFileSync(f, 'utf8')).map((x) => ({ ...x, file: path.relative(ROOT, f) })));

    it('package.json points VS Code at the l10n folder', () => {
      assert.equal(pkg.l10n, './l10n');
    });

    it('finds the client strings, each a literal (a computed message could not be translated)', () => {
      assert.ok(found.length > 40, String(found.length));
      for (const f of found) assert.ok(f.literal, `${f.file}: l10n.t(${f.message}…) needs a string literal`);
      // the extractor itself
      assert.deepEqual(l10nLiterals("x(vscode.l10n.t('A {0}', n)); t(\"B\"); l10n.t(`C`); at('no'); foo.t('no')").map((x) => x.message), ['A {0}', 'B', 'C']);
    });

    it('every one has a Chinese translation with the same placeholders', () => {
      for (const f of found) {
        const entry = bundleZh[f.message];
        const zh = typeof entry === 'string' ? entry : entry?.message;
        assert.ok(zh, `${f.file}: no zh-cn translation for "${f.message}"`);
        if (/[A-Za-z]/.test(f.message)) assert.ok(hasHan(zh), `${f.file}: "${f.message}" → "${zh}" is not Chinese`);
        else assert.notEqual(zh, f.message, `${f.file}: punctuation "${f.message}" takes its Chinese form`);
        assert.deepEqual(placeholders(zh), placeholders(f.message), `placeholders of "${f.message}"`);
      }
    });

    it('the bundle holds no stale entries', () => {
      const used = new Set(found.map((f) => f.message));
      for (const key of Object.keys(bundleZh)) assert.ok(used.has(key), `l10n/bundle.l10n.zh-cn.json: "${key}" is not used in client/src`);
    });
  });

  describe('status item wording', () => {
    const en: Translate = (m, ...a) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)]));
    const zh: Translate = (m, ...a) => {
      const e = bundleZh[m];
      return en(typeof e === 'string' ? e : (e?.message ?? m), ...a);
    };
    const doc: DocStatus = {
      uri: 'file:///a',
      version: 1,
      busy: false,
      pairs: 51,
      unpaired: 7,
      findings: { error: 0, warning: 12, information: 0, hint: 1, total: 13 },
      order: 'en-zh',
      orderSource: 'detected',
      checkMs: 12.4,
      slow: false,
    };

    it('counts pairs, unpaired lines and findings, with the breakdown in the detail', () => {
      const v = statusView(en, 'running', doc);
      assert.equal(v.text, '51 pairs · 7 unpaired · 13 findings');
      assert.equal(v.detail, '12 warnings, 1 hint · English first (detected) · checked in 12 ms');
      assert.deepEqual([v.severity, v.busy, v.action], ['information', false, 'problems']);
      assert.equal(statusView(en, 'running', { ...doc, pairs: 1, findings: { error: 1, warning: 0, information: 0, hint: 0, total: 1 } }).text, '1 pair · 7 unpaired · 1 finding');
      assert.equal(statusView(en, 'running', { ...doc, findings: { error: 0, warning: 0, information: 0, hint: 0, total: 0 } }).text, '51 pairs · 7 unpaired · no findings');
    });

    it('warns about a slow check, spins while busy, and shows the server state', () => {
      const slow = statusView(en, 'running', { ...doc, slow: true, checkMs: 1432 });
      assert.equal(slow.severity, 'warning');
      assert.match(slow.detail, /the last check took 1\.4 s/);
      assert.equal(statusView(en, 'running', { ...doc, busy: true }).busy, true);
      assert.deepEqual(statusView(en, 'running', undefined), { text: 'Checking…', detail: 'Waiting for the first check of this document.', severity: 'information', busy: true, action: 'none' });
      assert.equal(statusView(en, 'starting', doc).text, 'Starting…');
      assert.match(statusView(en, 'running', { ...doc, checkMs: 0.2 }).detail, /checked in under 1 ms$/);
      assert.deepEqual([statusView(en, 'stopped', doc).severity, statusView(en, 'stopped', doc).action], ['warning', 'restart']);
      assert.deepEqual([statusView(en, 'crashed', doc).severity, statusView(en, 'crashed', doc).action], ['error', 'output']);
    });

    it('reads naturally in Chinese', () => {
      const v = statusView(zh, 'running', doc);
      assert.equal(v.text, '51 个句对 · 7 行未配对 · 13 个问题');
      assert.equal(v.detail, '12 个警告，1 个提示 · 英文在前（自动检测） · 检查用时 12 毫秒');
      assert.equal(statusView(zh, 'crashed', doc).text, '已崩溃');
    });
  });
});
