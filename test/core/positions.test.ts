import assert from 'node:assert/strict';
import { LineIndex, codePointCount, utf8Length } from '../../src/core/positions';

describe('positions', () => {
  // "é" is 1 UTF-16 unit / 2 bytes, "世" 1 unit / 3 bytes, "😀" 2 units / 4 bytes / 1 code point.
  const text = 'fn a() {}\n// é世😀 x\r\nlet y = 1;\rz';
  const lines = new LineIndex(text);
  const xOffset = text.indexOf('x');

  it('splits lines on \\n, \\r\\n and a lone \\r', () => {
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['fn a() {}', '// é世😀 x', 'let y = 1;', 'z']);
  });

  it('finds the same line starts on the \\n-only fast path as a char-by-char scan', () => {
    // A reference scan, written out here so the fast path is checked against the plain definition.
    const reference = (t: string): number[] => {
      const starts = [0];
      for (let i = 0; i < t.length; i++) {
        if (t[i] === '\n') starts.push(i + 1);
        else if (t[i] === '\r') {
          if (t[i + 1] === '\n') i++;
          starts.push(i + 1);
        }
      }
      return starts;
    };
    for (const t of ['', '\n', '\n\n', 'a', 'a\nb', 'a\n', '\na\n\nb\n', 'x\r', '\r\n\r', 'a\r\nb\nc\rd', '😀\n世\n']) {
      assert.deepEqual(new LineIndex(t).lineStarts, reference(t), JSON.stringify(t));
    }
    assert.deepEqual(new LineIndex('ab\ncd\n\ne').lineStarts, [0, 3, 6, 7]);
  });

  it('moves only the line starts after an edit, equal to indexing the new text', () => {
    const base = 'fn a() {}\n\nlet é = 1;\n😀\nz\n';
    const cases: [number, number, string][] = [
      [0, 0, 'x'], [3, 3, '\n'], [9, 10, ''], [10, 11, 'a\nb\n'], [0, base.length, ''], [base.length, base.length, '\n\n'],
      [5, 16, 'q'], [12, 12, 'é😀'], [21, 22, ''], [2, 20, '\n'],
    ];
    for (const [start, end, inserted] of cases) {
      const next = base.slice(0, start) + inserted + base.slice(end);
      const moved = new LineIndex(base).afterEdit(next, start, end, inserted);
      assert.equal(moved.text, next);
      assert.deepEqual(moved.lineStarts, new LineIndex(next).lineStarts, JSON.stringify([start, end, inserted]));
    }
    // A `\r` before or in the edit: the text is indexed anew, lone `\r` and `\r\n` included.
    const crlf = 'a\r\nb\n';
    assert.deepEqual(new LineIndex(crlf).afterEdit('a\r\nb\rc\n', 5, 5, '\rc').lineStarts, [0, 3, 5, 7]);
    assert.deepEqual(new LineIndex('ab\n').afterEdit('a\rb\n', 1, 1, '\r').lineStarts, [0, 2, 4]);
    // Chained edits keep agreeing with a fresh index.
    let lines = new LineIndex(base);
    for (let i = 0; i < 30; i++) {
      const at = (i * 7) % (lines.text.length + 1);
      const end = Math.min(lines.text.length, at + (i % 3));
      const inserted = ['\n', 'x', '', 'é\n'][i % 4]!;
      const next = lines.text.slice(0, at) + inserted + lines.text.slice(end);
      lines = lines.afterEdit(next, at, end, inserted);
      assert.deepEqual(lines.lineStarts, new LineIndex(next).lineStarts, `edit ${i}`);
    }
  });

  it('gives LSP positions in UTF-16 code units', () => {
    assert.deepEqual(lines.positionAt(xOffset), { line: 1, character: 8 });
    assert.equal(lines.offsetAt({ line: 1, character: 8 }), xOffset);
  });

  it('gives rustc positions in 1-based code points', () => {
    // "// é世😀 x": x is the 8th code point, so column 8 (1-based) vs UTF-16 character 8 (0-based).
    assert.deepEqual(lines.rustcPositionAt(xOffset), { line: 2, column: 8 });
    assert.equal(lines.offsetAtRustc({ line: 2, column: 8 }), xOffset);
  });

  it('gives UTF-8 byte offsets and back', () => {
    const byte = Buffer.from(text.slice(0, xOffset), 'utf8').length;
    assert.equal(lines.byteOffsetAt(xOffset), byte);
    assert.equal(lines.offsetAtByte(byte), xOffset);
    // A byte inside the emoji maps to the emoji's start.
    const emoji = text.indexOf('😀');
    assert.equal(lines.offsetAtByte(lines.byteOffsetAt(emoji) + 2), emoji);
  });

  it('round-trips every offset through every system', () => {
    for (let o = 0; o <= text.length; o++) {
      if (o > 0 && text.charCodeAt(o - 1) >= 0xd800 && text.charCodeAt(o - 1) <= 0xdbff) continue; // inside a pair
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
      assert.equal(lines.offsetAt(lines.positionAt(o)), o, `lsp ${o}`);
      assert.equal(lines.offsetAtRustc(lines.rustcPositionAt(o)), o, `rustc ${o}`);
      assert.equal(lines.offsetAtByte(lines.byteOffsetAt(o)), o, `byte ${o}`);
    }
  });

  it('clamps positions past the end of a line or the text', () => {
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 9);
    assert.equal(lines.offsetAt({ line: 99, character: 0 }), text.length);
    assert.deepEqual(lines.positionAt(10_000), { line: 3, character: 1 });
  });

  it('counts code points and UTF-8 bytes with surrogate pairs', () => {
    assert.equal(codePointCount('a😀b', 0, 4), 3);
    assert.equal(utf8Length('a😀b', 0, 4), 6);
    assert.equal(utf8Length('\ud800', 0, 1), 3); // lone surrogate -> U+FFFD
  });
});
