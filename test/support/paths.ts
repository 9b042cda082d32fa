import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEED = path.resolve(ROOT, '..', 'shared', 'seeds', '000_8a6ed06ea1bff06e.txt');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
