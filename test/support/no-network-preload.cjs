// TEST ONLY, loaded with `node --require` before the server or the CLI: every way
// to reach the network or run a program throws and is recorded (one JSON line per
// call, { call }) in the file named by NO_NETWORK_LOG. test/protocol/no-network.test.ts asserts
// that nothing was recorded while the server served a whole review session.
'use strict';
const fs = require('node:fs');
const log = process.env.NO_NETWORK_LOG;
if (!log) throw new Error('NO_NETWORK_LOG is not set');
// the process (its main thread) is armed; so is each worker thread (below)
if (require('worker_threads').isMainThread) fs.appendFileSync(log, JSON.stringify({ armed: process.pid }) + '\n');

function trap(mod, name, owner = require(mod)) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function trapped(...args) {
    let what;
    try {
      what = JSON.stringify(args[0]);
    } catch {
      what = String(args[0]);
    }
    fs.appendFileSync(log, JSON.stringify({ call: `${mod}.${name}`, arg: what, stack: new Error().stack.split('\n').slice(2, 6).join(' | ') }) + '\n');
    throw new Error(`blocked by the test: ${mod}.${name}`);
  };
}

for (const name of ['connect', 'createConnection', 'createServer']) trap('net', name);
trap('net', 'connect', require('net').Socket.prototype);
for (const mod of ['http', 'https']) for (const name of ['request', 'get', 'createServer']) trap(mod, name);
trap('tls', 'connect');
trap('dgram', 'createSocket');
trap('http2', 'connect');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap('child_process', name);
trap('dns', 'lookup');
trap('dns', 'resolve');
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function trappedFetch(input) {
    fs.appendFileSync(log, JSON.stringify({ call: 'fetch', arg: String(input) }) + '\n');
    return Promise.reject(new Error('blocked by the test: fetch'));
  };
}
const wt = require('worker_threads');
const path = require('node:path');
// The CLI checks on several threads (server/src/cli/parallel.ts): a worker of the program
// being run itself (process.argv[1], never code given as a string) is allowed, and recorded.
// The preload runs in each such thread too (workers inherit --require), armed there as well.
if (!wt.isMainThread) fs.appendFileSync(log, JSON.stringify({ armedThread: process.pid }) + '\n');
const self = process.argv[1] ? path.resolve(process.argv[1]) : undefined;
const OriginalWorker = wt.Worker;
wt.Worker = class TrappedWorker extends OriginalWorker {
  constructor(file, ...rest) {
    const ownFile = self !== undefined && typeof file === 'string' && path.resolve(file) === self && !(rest[0] && rest[0].eval);
    if (ownFile) {
      fs.appendFileSync(log, JSON.stringify({ thread: String(file) }) + '\n');
      super(file, ...rest);
      return;
    }
    fs.appendFileSync(log, JSON.stringify({ call: 'worker_threads.Worker', arg: String(file) }) + '\n');
    throw new Error('blocked by the test: Worker');
    super(file, ...rest); // eslint-disable-line no-unreachable
  }
};
