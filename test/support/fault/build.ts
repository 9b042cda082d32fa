// Bundles the language server with test/support/fault/registry.ts in place of the
// product's rule registry (the way bench/build-synthetic.mjs does), into a temporary
// directory. Test only: the shipped bundle has no way to load these rules.

import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../paths';

export async function buildFaultServer(): Promise<{ server: string; cli: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-fault-'));
  const registry = path.join(ROOT, 'test', 'support', 'fault', 'registry.ts');
  const server = path.join(dir, 'server.js');
  const cli = path.join(dir, 'cli.js');
  const plugin: esbuild.Plugin = {
    name: 'fault-registry',
    setup(build) {
      build.onResolve({ filter: /rules\/registry$/ }, (args) => (args.importer === registry ? undefined : { path: registry }));
    },
  };
  const common: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', define: { __VERSION__: '"fault-test"' }, plugins: [plugin] };
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'server', 'src', 'server.ts')], outfile: server });
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'server', 'src', 'cli', 'main.ts')], outfile: cli });
  return { server, cli, dir };
}
