import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, FIXTURES, ROOT, SEED } from '../support/paths';

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const DIR = path.join(FIXTURES, 'terms');
const codes = (stdout: string, code: string) =>
  JSON.parse(stdout)
    .files[0].diagnostics.filter((d: any) => d.code === code)
    .map((d: any) => [d.range.start.line, d.range.start.character, d.message]);

describe('CLI: glossaries and terms', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'br-cli-terms-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('without a glossary: term-inconsistency on the seed cathodes/anodes only', () => {
    const r = run(['check', SEED, '--format', 'json']);
    assert.deepEqual(
      codes(r.stdout, 'term-inconsistency').map((d: any) => d[0]),
      [18, 18, 38, 38],
    );
    assert.equal(codes(r.stdout, 'glossary-term').length, 0);
  });

  it('--glossary in TSV, CSV and TBX give the same findings', () => {
    const outs = ['glossary.tsv', 'glossary.csv', 'glossary.tbx'].map((g) => {
      const r = run(['check', SEED, '--format', 'json', '--glossary', path.join(DIR, g)]);
      assert.equal(r.stderr, '');
      return codes(r.stdout, 'glossary-term');
    });
    assert.deepEqual(
      outs[0].map((d: any) => d[0]),
      [31, 38, 107, 109],
    );
    assert.deepEqual(outs[1], outs[0]);
    assert.deepEqual(outs[2], outs[0]);
  });

  it('finds .bilingual/glossary.* in the checked file’s folder (the bundled sample)', () => {
    const r = run(['check', path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt')]);
    assert.match(r.stdout, /glossary-term “electric vehicles” is rendered 电动车, a variant the glossary forbids; use 电动汽车/);
  });

  it('finds .bilingual/glossary.* in the current directory', () => {
    fs.mkdirSync(path.join(tmp, 'cwd', '.bilingual'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'cwd', '.bilingual', 'glossary.csv'), 'electric vehicle,电动汽车,电动车\n');
    const r = run(['check', SEED, '--format', 'json'], path.join(tmp, 'cwd'));
    assert.deepEqual(codes(r.stdout, 'glossary-term').map((d: any) => d[0]), [31, 107, 109]);
  });

  it('a broken glossary is reported with its line on stderr, and the document is still checked', () => {
    const bad = path.join(tmp, 'bad.tsv');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('electric vehicle\t电动汽车\t电动车\n'), Buffer.from([0x63, 0x61, 0x74, 0x09, 0xd5, 0xfd, 0xbc, 0xab, 0x0a])]));
    let r = run(['check', SEED, '--format', 'json', '--glossary', bad]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.tsv:2:1: error glossary The glossary is not valid UTF-8/);
    assert.equal(JSON.parse(r.stdout).files[0].pairs, 51);
    assert.equal(codes(r.stdout, 'term-inconsistency').length, 4);

    r = run(['check', SEED, '--format', 'json', '--glossary', path.join(DIR, 'missing-column.tsv'), '--glossary', path.join(DIR, 'malformed.tbx')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /missing-column\.tsv:3:1: error glossary Missing the Chinese column for “cathode”/);
    assert.match(r.stderr, /malformed\.tbx:7:\d+: error glossary Malformed TBX \(XML\)/);
    // the good rows still apply (electric vehicle and solar farm, no forbidden variants): missing renderings on the English lines
    const found = codes(r.stdout, 'glossary-term');
    assert.deepEqual(found.map((d: any) => d[0]), [21, 30, 106, 108]);
    for (const d of found) assert.match(d[2], /should be rendered (电动汽车|太阳能电站) \(glossary\)/);
  });

  it('a missing --glossary file is a usage error (exit 2)', () => {
    const r = run(['check', SEED, '--glossary', path.join(tmp, 'nope.tsv')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /glossary not found/);
  });
});
