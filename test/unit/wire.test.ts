// The stdio encoder writes publishes from the cached JSON of each diagnostic: the
// bytes must be exactly what JSON.stringify writes, for every message.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DocumentSession } from '../../server/src/core';
import { toDiagnosticCached } from '../../server/src/lsp/diagnostics';
import { messageBytes } from '../../server/src/lsp/wire';
import { SEED } from '../support/paths';

describe('stdio message encoding', () => {
  it('writes publishes and every other message exactly as JSON.stringify does', () => {
    const uri = 'file:///tmp/seed.en-zh.txt';
    const s = new DocumentSession(fs.readFileSync(SEED, 'utf8'));
    const diagnostics = s.check().findings.map((f) => toDiagnosticCached(uri, f));
    assert.ok(diagnostics.length > 16);
    const messages: unknown[] = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 3, diagnostics } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics, version: 4 } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 3, diagnostics: diagnostics.slice(0, 3) } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 3, diagnostics: [] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 3, diagnostics: [...diagnostics, { message: 'x\u2028"\\' }] } },
      { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '“x”\n' } } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hello' } },
    ];
    for (const m of messages) assert.ok(Buffer.from(messageBytes(m)).equals(Buffer.from(JSON.stringify(m), 'utf-8')), JSON.stringify(m).slice(0, 200));
    // the second time from the cache
    for (const m of messages) assert.ok(Buffer.from(messageBytes(m)).equals(Buffer.from(JSON.stringify(m), 'utf-8')));
  });
});
