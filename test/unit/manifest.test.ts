import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksInterleaved } from '../../client/src/detect';
import { ROOT, SEED } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes the bilingual language for .bilingual, *.en-zh.txt and *.zh-en.txt', () => {
    const lang = pkg.contributes.languages.find((l: any) => l.id === 'bilingual');
    assert.deepEqual(lang.extensions, ['.bilingual']);
    assert.deepEqual(lang.filenamePatterns, ['*.en-zh.txt', '*.zh-en.txt']);
  });

  it('every contributed command has a title and every setting a description', () => {
    for (const c of pkg.contributes.commands) assert.ok(c.title, c.command);
    for (const [k, v] of Object.entries<any>(pkg.contributes.configuration.properties)) assert.ok(v.description || v.markdownDescription, k);
  });

  it('every contributed command is registered by the client, and keybindings and menus name contributed commands', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
    const src = files(path.join(ROOT, 'client', 'src')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const ids = new Set(pkg.contributes.commands.map((c: any) => c.command));
    for (const id of ids) assert.ok(src.includes(`registerCommand('${id}'`), `${id} is contributed but never registered`);
    const used = [...pkg.contributes.keybindings, ...Object.values<any[]>(pkg.contributes.menus).flat()].map((k: any) => k.command);
    for (const id of used) assert.ok(ids.has(id), `${id} is bound but not contributed`);
  });

  it('navigation keys work only in bilingual editors and avoid VS Code defaults (alt+o, alt+n, shift+alt+n)', () => {
    const keys = Object.fromEntries(pkg.contributes.keybindings.map((k: any) => [k.command, k]));
    assert.deepEqual(
      ['bilingualReview.goToCounterpart', 'bilingualReview.nextFinding', 'bilingualReview.previousFinding'].map((c) => [keys[c].key, keys[c].mac]),
      [['alt+o', 'ctrl+alt+o'], ['alt+n', 'ctrl+alt+n'], ['shift+alt+n', 'ctrl+shift+alt+n']],
    );
    for (const k of pkg.contributes.keybindings) assert.match(k.when, /editorLangId == bilingual/);
  });

  it('declares the fix-all source action the server offers, for editor.codeActionsOnSave', () => {
    const kinds = pkg.contributes.codeActions.flatMap((c: any) => c.actions.map((a: any) => a.kind));
    assert.deepEqual(kinds, ['source.fixAll.bilingual-review']);
    const server = fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'codeActions.ts'), 'utf8');
    assert.match(server, /FIX_ALL_KIND = `\$\{CodeActionKind\.SourceFixAll\}\.bilingual-review`/);
  });

  it('the .vsix ships only what runs: bundles, grammar, manifest, docs', function () {
    this.timeout(60000);
    const files = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    for (const f of files) {
      assert.match(f, /^(package(\.nls(\.[a-z-]+)?)?\.json|language-configuration\.json|README\.md|LICENSE|CHANGELOG\.md|syntaxes\/.*|dist\/(client|server|cli)\.js|docs\/(rules\/.*|[a-z-]+)\.md|media\/.*|l10n\/.*)$/, `unexpected file in the .vsix: ${f}`);
    }
    for (const must of ['dist/client.js', 'dist/server.js', 'syntaxes/bilingual.tmLanguage.json', 'docs/rules/unpaired-line.md']) assert.ok(files.includes(must), must);
    assert.ok(!files.some((f) => /\.(ts|map)$/.test(f) || f.startsWith('test/') || f.startsWith('server/src')));
  });
});

describe('plain-text auto-detection', () => {
  it('recognises the seed article as interleaved', () => {
    assert.equal(looksInterleaved(fs.readFileSync(SEED, 'utf8')), true);
  });
  it('does not offer on English prose, Chinese prose, or a file with a few Chinese words', () => {
    assert.equal(looksInterleaved('This is a note.\nIt has several lines.\nAll in English.\nNothing else.\n'), false);
    assert.equal(looksInterleaved('这是一段中文。\n共有四行。\n全部是中文。\n没有英文。\n'), false);
    assert.equal(looksInterleaved('Shopping list\neggs\nmilk 牛奶\nbread\ntea\n'), false);
  });
  it('recognises Chinese-first interleaving too', () => {
    assert.equal(looksInterleaved('你好。\nHello.\n再见。\nGoodbye.\n谢谢。\nThank you.\n'), true);
  });
});
