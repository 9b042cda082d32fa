// A file too big for Node's default heap is checked by a second run of the CLI with a
// heap sized for it (up to 60 % of the machine's memory), not refused: a book of
// 100,000 pairs is about 56 MB, over the 43 MB the default 4 GB heap holds. Here the
// default heap is shrunk to 256 MB (limit 8 MB) so a 9 MB file exercises the same path.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT } from '../support/paths';

describe('CLI on a file larger than the default heap holds', () => {
  it('checks it in a run with a bigger heap, with the same output as a small file', function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-large-'));
    try {
      const sample = fs.readFileSync(path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt'), 'utf8');
      const copies = Math.ceil((9 * 1048576) / Buffer.byteLength(sample));
      const big = path.join(dir, 'big.en-zh.txt');
      fs.cpSync(path.join(ROOT, 'samples', '.bilingual'), path.join(dir, '.bilingual'), { recursive: true });
      fs.writeFileSync(big, (sample.endsWith('\n') ? sample : sample + '\n').repeat(copies));
      assert.ok(fs.statSync(big).size > 8 * 1048576);
      const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' };
      const r = spawnSync(process.execPath, [CLI, 'check', big, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 110_000 });
      assert.equal(r.status, 1, r.stderr);
      const report = JSON.parse(r.stdout).files[0];
      const one = JSON.parse(spawnSync(process.execPath, [CLI, 'check', path.join(ROOT, 'samples', 'harbour-solar.en-zh.txt'), '--format', 'json'], { encoding: 'utf8' }).stdout).files[0];
      assert.equal(report.pairs, one.pairs * copies);
      // every kind of problem of the sample is found in the big file too, but for terms: a term
      // in more than 5,000 pairs is rendered by context and not analysed (MAX_TERM_PAIRS)
      const codes = new Set(report.diagnostics.map((d: { code: string }) => d.code));
      for (const d of one.diagnostics) if (d.code !== 'term-inconsistency') assert.ok(codes.has(d.code), d.code);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
