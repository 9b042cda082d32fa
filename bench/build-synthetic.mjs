// Bundles the server and the CLI with bench/synthetic-registry.ts in place of the
// product's rule registry (benchmark only; output under bench/out/synthetic/).
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const registry = join(root, 'bench', 'synthetic-registry.ts');

/** @type {import('esbuild').Plugin} */
const swapRegistry = {
  name: 'swap-registry',
  setup(build) {
    build.onResolve({ filter: /rules\/registry$/ }, (args) => (args.importer.includes(`${join(root, 'bench')}`) ? undefined : { path: registry }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, logLevel: 'warning', define: { __VERSION__: '"bench"' }, plugins: [swapRegistry] };
await Promise.all([
  esbuild.build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'bench/out/synthetic/server.js') }),
  esbuild.build({ ...common, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'bench/out/synthetic/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
]);
