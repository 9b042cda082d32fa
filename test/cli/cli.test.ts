import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, SEED } from '../support/paths';

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports the seed article in JSON: 51 pairs, seven unpaired lines, exit 1', () => {
    const r = run(['check', SEED, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const file = json.files[0];
    assert.equal(file.pairs, 51);
    assert.equal(file.unpaired, 7);
    const unpaired = file.diagnostics.filter((d: any) => d.code === 'unpaired-line');
    assert.deepEqual(unpaired.map((d: any) => d.range.start.line), [25, 36, 47, 70, 79, 86, 97]);
    for (const d of unpaired) {
      assert.equal(d.severity, 'warning');
      assert.equal(d.message, 'Chinese line has no English source');
      assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
    }
  });

  it('prints clickable path:line:col lines in text format', () => {
    const r = run(['check', SEED]);
    assert.equal(r.code, 1);
    const first = r.stdout.split('\n').find((l) => l.includes('unpaired-line'))!;
    assert.match(first, /000_8a6ed06ea1bff06e\.txt:26:1: warning unpaired-line Chinese line has no English source$/);
    assert.match(r.stderr, /1 file, 51 pairs/);
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = run(['check', SEED, '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'bilingual-review');
    assert.ok(run0.tool.driver.rules.some((x: any) => x.id === 'unpaired-line'));
    const res = run0.results.find((x: any) => x.ruleId === 'unpaired-line');
    assert.equal(res.locations[0].physicalLocation.region.startLine, 26);
    assert.equal(res.level, 'warning');
  });

  it('exits 0 on a clean document', () => {
    const f = path.join(tmp, 'clean.en-zh.txt');
    fs.writeFileSync(f, 'The plant opened.\n工厂开业了。\n');
    const r = run(['check', f]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  it('--fail-on error lets warnings pass; --rule turns a rule off', () => {
    assert.equal(run(['check', SEED, '--fail-on', 'error']).code, 0);
    const r = run(['check', SEED, '--rule', 'unpaired-line=off', '--format', 'json']);
    assert.equal(JSON.parse(r.stdout).files[0].diagnostics.filter((d: any) => d.code === 'unpaired-line').length, 0);
  });

  it('messages in Chinese with --locale zh-cn', () => {
    const r = run(['check', SEED, '--locale', 'zh-cn']);
    assert.match(r.stdout, /中文行没有对应的英文原文/);
  });

  it('reads stdin with -', () => {
    const r = run(['check', '-', '--format', 'json'], 'One.\n一。\n说明文字。\n');
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.files[0].path, '-');
    assert.equal(json.files[0].diagnostics[0].range.start.line, 2);
  });

  it('walks directories for *.bilingual, *.en-zh.txt and *.zh-en.txt', () => {
    const dir = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.bilingual'), 'One.\n一。\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.en-zh.txt'), 'Two.\n二。\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.zh-en.txt'), '三。\nThree.\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not checked\n');
    const r = run(['check', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const paths = JSON.parse(r.stdout).files.map((f: any) => path.relative(dir, f.path));
    assert.deepEqual(paths, ['a.bilingual', path.join('sub', 'b.en-zh.txt'), path.join('sub', 'c.zh-en.txt')]);
  });

  it('decodes a UTF-8 BOM and UTF-16 with BOM', () => {
    const text = 'One.\n一。\n说明。\n';
    const f8 = path.join(tmp, 'bom8.bilingual');
    fs.writeFileSync(f8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const f16 = path.join(tmp, 'bom16.bilingual');
    fs.writeFileSync(f16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const f of [f8, f16]) {
      const r = run(['check', f, '--format', 'json']);
      assert.equal(r.code, 1, r.stderr);
      const d = JSON.parse(r.stdout).files[0].diagnostics[0];
      assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
    }
  });

  describe('exit 2 with a one-line message and no stack trace', () => {
    function expect2(args: string[], pattern: RegExp, input?: string) {
      const r = run(args, input);
      assert.equal(r.code, 2, `exit ${r.code}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^bilingual-review: /);
      assert.match(lines[0], pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    it('missing file', () => expect2(['check', path.join(tmp, 'nope.bilingual')], /nope\.bilingual: no such file or directory/));
    it('directory with nothing to check', () => {
      const d = path.join(tmp, 'empty-dir');
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, 'readme.md'), '# hi');
      expect2(['check', d], /no bilingual files found/);
    });
    it('binary file', () => {
      const f = path.join(tmp, 'image.bilingual');
      fs.writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      expect2(['check', f], /not a text file \(binary data\)/);
    });
    it('invalid UTF-8', () => {
      const f = path.join(tmp, 'latin1.bilingual');
      fs.writeFileSync(f, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      expect2(['check', f], /not valid UTF-8 text/);
    });
    it('dangling symlink', () => {
      const f = path.join(tmp, 'dangling.bilingual');
      fs.symlinkSync(path.join(tmp, 'missing-target'), f);
      expect2(['check', f], /dangling\.bilingual: no such file or directory/);
    });
    it('unknown option', () => expect2(['check', SEED, '--frobnicate'], /unknown option --frobnicate/));
    it('bad format', () => expect2(['check', SEED, '--format', 'xml'], /--format must be text, json or sarif/));
    it('no command', () => expect2([], /missing command/));
    it('no input', () => expect2(['check'], /no input/));
  });

  it('--help and --version exit 0', () => {
    assert.equal(run(['--help']).code, 0);
    assert.match(run(['--help']).stdout, /Usage: bilingual-review check/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
});
