// Bundles the integration suite to CommonJS in out/integration/ (ignored):
// index.js (the extensionTestsPath entry) and one file per *.test.ts.
// mocha stays external: mocha 11 (CommonJS) loads from node_modules in the host.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;
const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts').map((f) => dir + f);
await esbuild.build({
  entryPoints: entries,
  outdir: root + 'out/integration',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
