import * as assert from 'node:assert/strict';
import { utf16FromByte, utf16RangeFromBytes } from '../../server/src/lsp/positions';

describe('byte columns from Neovim 0.7 read back as UTF-16', () => {
  const line = '渡轮🚢票价在𠀀两个夏天里上涨了三倍。';
  it('converts byte columns at character boundaries, astral characters included', () => {
    assert.equal(utf16FromByte(line, 0), 0);
    assert.equal(utf16FromByte(line, 6), 2); // after 渡轮 (3 bytes each)
    assert.equal(utf16FromByte(line, 10), 4); // after 🚢 (4 bytes, 2 units)
    const at = line.indexOf('上涨');
    assert.equal(utf16FromByte(line, Buffer.byteLength(line.slice(0, at))), at);
    assert.equal(utf16FromByte(line, Buffer.byteLength(line)), line.length);
    assert.equal(utf16FromByte('abc', 2), 2);
  });
  it('rejects columns inside a character or past the end', () => {
    assert.equal(utf16FromByte(line, 1), undefined);
    assert.equal(utf16FromByte(line, 8), undefined); // inside 🚢
    assert.equal(utf16FromByte(line, Buffer.byteLength(line) + 1), undefined);
  });
  it('converts a range, or gives undefined', () => {
    const lines = ['x', line];
    assert.deepEqual(utf16RangeFromBytes({ start: { line: 1, character: 10 }, end: { line: 1, character: 19 } }, (l) => lines[l]), { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } });
    assert.equal(utf16RangeFromBytes({ start: { line: 1, character: 1 }, end: { line: 1, character: 19 } }, (l) => lines[l]), undefined);
  });
});
