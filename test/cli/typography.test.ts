// The bundled sample (the README's demo, "one of each kind of problem") through
// the CLI, and the typography rules switched with --rule.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI, ROOT } from '../support/paths';

const SAMPLE = path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI on the bundled sample', () => {
  it('one finding of each kind, in line order, each reading as a sentence', () => {
    const r = run(['check', SAMPLE, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const d = JSON.parse(r.stdout).files[0].diagnostics;
    assert.deepEqual(
      d.map((x: any) => `${x.range.start.line + 1} ${x.code}`),
      [
        '9 unbalanced-quotes',
        '12 number-mismatch',
        '14 unit-conversion',
        '18 term-inconsistency',
        '22 length-ratio',
        '24 unpaired-line',
        '26 date-mismatch',
        '28 multiplier-ambiguity',
        '37 punctuation-width',
        '43 glossary-term',
        '49 untranslated',
        '50 unpaired-line',
      ],
    );
    const text = run(['check', SAMPLE]).stdout;
    assert.match(text, /harbour-solar\.en-zh\.txt:9:22: warning unbalanced-quotes The quotation mark “ is opened but not closed in this line \(no ” after it\)/);
    assert.match(text, /:22:1: information length-ratio The Chinese is unusually short for its English: \d+% of the length this document’s translations usually have/);
    assert.match(text, /:37:3: warning punctuation-width Half-width “:” in Chinese text: use “：” \(2 marks in this line\)/);
    assert.match(text, /:49:12: warning untranslated English left untranslated in the Chinese: “the town museum of maritime history”/);
  });

  it('in Chinese, and with the rules switched off or on from the command line', () => {
    const zh = run(['check', SAMPLE, '--locale', 'zh-cn']).stdout;
    assert.match(zh, /punctuation-width 中文中使用了半角“:”，应为全角“：”（本行共 2 处）/);
    const off = JSON.parse(run(['check', SAMPLE, '--format', 'json', '--rule', 'punctuation-width=off', '--rule', 'untranslated=off']).stdout).files[0].diagnostics;
    assert.ok(!off.some((x: any) => x.code === 'punctuation-width' || x.code === 'untranslated'));
    // the untranslated line is then an ordinary pair: no unpaired-line either
    assert.equal(off.filter((x: any) => x.code === 'unpaired-line').length, 2);
    const on = JSON.parse(run(['check', SAMPLE, '--format', 'json', '--rule', 'cjk-latin-spacing=hint']).stdout).files[0].diagnostics;
    assert.deepEqual(on.filter((x: any) => x.code === 'cjk-latin-spacing').map((x: any) => x.range.start.line + 1), [49]);
  });
});
