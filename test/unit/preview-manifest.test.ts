// The preview's contributions: the contract other tests and users rely on.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
const bundleZh = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));

describe('preview contributions', () => {
  it('"Open Preview to the Side" with the open-preview icon in the editor title of bilingual documents, and "Open Preview"', () => {
    const side = pkg.contributes.commands.find((c: any) => c.command === 'bilingualReview.showPreviewToSide');
    const here = pkg.contributes.commands.find((c: any) => c.command === 'bilingualReview.showPreview');
    assert.equal(side.icon, '$(open-preview)');
    assert.equal(nls[side.title.slice(1, -1)], 'Open Preview to the Side');
    assert.equal(nls[here.title.slice(1, -1)], 'Open Preview');
    assert.ok(nlsZh[side.title.slice(1, -1)] && nlsZh[here.title.slice(1, -1)]);
    const title = pkg.contributes.menus['editor/title'].find((m: any) => m.command === 'bilingualReview.showPreviewToSide');
    assert.equal(title.when, 'editorLangId == bilingual');
    assert.equal(title.group, 'navigation');
  });

  it('ctrl+k v / cmd+k v opens it beside bilingual documents; the serializer can wake the extension', () => {
    const kb = pkg.contributes.keybindings.find((k: any) => k.command === 'bilingualReview.showPreviewToSide');
    assert.equal(kb.key, 'ctrl+k v');
    assert.equal(kb.mac, 'cmd+k v');
    assert.equal(kb.when, 'editorLangId == bilingual');
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:bilingualReview.preview'));
  });

  it('every string the extension gives the page has a Chinese translation', () => {
    const src = fs.readFileSync(path.join(ROOT, 'client', 'src', 'preview', 'manager.ts'), 'utf8');
    const keys = [...src.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) assert.ok(bundleZh[k], `no Chinese for "${k}"`);
  });
});
