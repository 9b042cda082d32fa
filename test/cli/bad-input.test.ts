// The CLI on bad input: exit 2, one clear line on stderr starting "bilingual-review: ",
// no stack trace, nothing on stdout (and nothing written anywhere: the CLI only reads).
// One test per case. Permissions are tested as another user when the tests run as root
// (root reads everything), with setpriv; as a normal user, chmod is enough.

import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT } from '../support/paths';

const TEXT = 'One.\n一。\n说明。\n';

function run(args: string[], opts: { input?: string | Buffer; prefix?: string[]; shell?: string } = {}) {
  const o: SpawnSyncOptions = { input: opts.input, cwd: ROOT, encoding: 'utf8', timeout: 60_000 };
  const r = opts.shell
    ? spawnSync('sh', ['-c', opts.shell], o)
    : spawnSync(opts.prefix ? opts.prefix[0] : process.execPath, [...(opts.prefix ? [...opts.prefix.slice(1), process.execPath] : []), CLI, ...args], o);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function expect2(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^bilingual-review: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:|node:internal/);
}

/** Runs the CLI as an unprivileged user (nobody) when we are root; as ourselves otherwise. */
function asUnprivileged(): string[] | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  assert.ok(setpriv, 'setpriv (util-linux) is needed to test permissions as root');
  return [setpriv, '--reuid=65534', '--regid=65534', '--clear-groups'];
}

describe('CLI on bad input: exit 2 and one clear line', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-bad-'));
    fs.chmodSync(tmp, 0o755); // an unprivileged user must reach the files (and be refused by their own modes)
  });
  after(() => {
    for (const f of fs.readdirSync(tmp)) fs.chmodSync(path.join(tmp, f), 0o755);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const file = (name: string, content: string | Buffer): string => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, content);
    return f;
  };

  it('unreadable file (permission denied, checked as another user when root)', () => {
    const f = file('secret.bilingual', TEXT);
    fs.chmodSync(f, 0o000);
    const prefix = asUnprivileged();
    // the same command can read a readable file: what fails is the permission, not the setup
    const readable = file('open.bilingual', TEXT);
    assert.equal(run(['check', readable], { prefix }).code, 1);
    expect2(run(['check', f], { prefix }), /secret\.bilingual: permission denied$/);
  });

  it('unreadable directory', () => {
    const d = path.join(tmp, 'locked');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'a.bilingual'), TEXT);
    fs.chmodSync(d, 0o000);
    expect2(run(['check', d], { prefix: asUnprivileged() }), /locked: permission denied$/);
  });

  it('empty file', () => expect2(run(['check', file('empty.bilingual', '')]), /empty\.bilingual: empty file \(nothing to check\)$/));

  it('a file holding only a byte order mark is empty too', () => expect2(run(['check', file('bom-only.bilingual', Buffer.from([0xef, 0xbb, 0xbf]))]), /bom-only\.bilingual: empty file/));

  it('NUL bytes after the first 8 KB (binary data)', () => {
    const f = file('late-nul.bilingual', Buffer.concat([Buffer.from('One.\n一。\n'.repeat(2000)), Buffer.from([0]), Buffer.from('More.\n')]));
    expect2(run(['check', f]), /late-nul\.bilingual: not a text file \(binary data\)$/);
  });

  it('UTF-16 with a BOM but broken (a lone surrogate): refused, not decoded with replacement characters', () => {
    const body = Buffer.from('One.\n一。\n', 'utf16le');
    const f = file('broken16.bilingual', Buffer.concat([Buffer.from([0xff, 0xfe]), body, Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
    expect2(run(['check', f]), /broken16\.bilingual: not valid UTF-16LE text$/);
  });

  it('UTF-16 big-endian with a BOM is decoded (exit 1 for its unpaired caption, line 3)', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) (be[i] = le[i + 1], (be[i + 1] = le[i]));
    const f = file('be16.bilingual', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const r = run(['check', f, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files[0].diagnostics.map((d: any) => d.range.start.line), [2]);
  });

  it('a 200 MB file (sparse) is refused with its size, at once', () => {
    const f = path.join(tmp, 'huge.bilingual');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, 200 * 1048576);
    expect2(run(['check', f]), /huge\.bilingual: too large to check \(200 MB; the limit is \d+ MB with this heap; split the file, or raise the heap with node --max-old-space-size\)$/);
  });

  it('a device that never ends (/dev/zero) is read in bounded chunks and refused', () => expect2(run(['check', '/dev/zero']), /\/dev\/zero: not a text file \(binary data\)$/));

  it('a FIFO is read as a stream (not an error)', () => {
    const f = path.join(tmp, 'pipe.bilingual');
    const r = run([], { shell: `mkfifo '${f}' && (printf 'One.\\n一。\\n' > '${f}' &) && '${process.execPath}' '${CLI}' check '${f}'` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /1 file, 1 pairs, 0 findings/);
  });

  it('stdin empty (closed at once)', () => expect2(run(['check', '-'], { input: '' }), /<stdin>: no input \(stdin was empty or closed\)$/));

  it('stdin closed before the CLI starts (no file descriptor 0)', () => {
    expect2(run([], { shell: `exec '${process.execPath}' '${CLI}' check - <&-` }), /<stdin>: no input \(stdin was empty or closed\)$/);
  });

  it('stdin with binary data', () => expect2(run(['check', '-'], { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }), /<stdin>: not a text file \(binary data\)$/));

  it('stdin with invalid UTF-8', () => expect2(run(['check', '-'], { input: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) }), /<stdin>: not valid UTF-8 text$/));

  it('a missing file among good ones: nothing is printed for the good ones', () => {
    const good = file('good.bilingual', TEXT);
    expect2(run(['check', good, path.join(tmp, 'absent.bilingual')]), /absent\.bilingual: no such file or directory$/);
  });

  it('a glossary that does not exist', () => expect2(run(['check', file('g.bilingual', TEXT), '--glossary', path.join(tmp, 'none.tsv')]), /glossary not found: .*none\.tsv$/));

  it('a glossary that is a FIFO or a device is refused, not read forever (the check goes on)', () => {
    const fifo = path.join(tmp, 'glossary-fifo.tsv');
    spawnSync('mkfifo', [fifo]);
    for (const g of [fifo, '/dev/zero']) {
      const r = spawnSync(process.execPath, [CLI, 'check', file('gl.bilingual', TEXT), '--glossary', g], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.error, undefined, `the CLI hung on the glossary ${g}`);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /error glossary Cannot read the glossary: not a regular file/);
    }
  });

  it('an unknown rule and a bad severity', () => {
    expect2(run(['check', file('r.bilingual', TEXT), '--rule', 'no-such-rule=error']), /unknown rule "no-such-rule"/);
    expect2(run(['check', file('r2.bilingual', TEXT), '--rule', 'unpaired-line=fatal']), /--rule takes ID=SEVERITY/);
  });

  it('an option without its value', () => expect2(run(['check', file('v.bilingual', TEXT), '--format']), /--format needs a value$/));

  it('the CLI writes no file: the directory holds exactly what the tests put there', () => {
    const before = fs.readdirSync(tmp).sort();
    run(['check', tmp]);
    run(['check', path.join(tmp, 'secret.bilingual')]);
    assert.deepEqual(fs.readdirSync(tmp).sort(), before);
  });
});
