// TEST ONLY, loaded with `node --require` before the server or the CLI: every way
// to reach the network or run a program throws and is recorded (one JSON line per
// call) in the file named by NO_NETWORK_LOG. test/protocol/no-network.test.ts asserts
// that nothing was recorded while the server served a whole review session.
'use strict';
const fs = require('node:fs');
const log = process.env.NO_NETWORK_LOG;
if (!log) throw new Error('NO_NETWORK_LOG is not set');
fs.appendFileSync(log, JSON.stringify({ armed: process.pid }) + '\n');

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
const OriginalWorker = wt.Worker;
wt.Worker = class TrappedWorker extends OriginalWorker {
  constructor(file, ...rest) {
    fs.appendFileSync(log, JSON.stringify({ call: 'worker_threads.Worker', arg: String(file) }) + '\n');
    throw new Error('blocked by the test: Worker');
    super(file, ...rest); // eslint-disable-line no-unreachable
  }
};
