import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/positions';
import { commentInsideBlock, findSafetyComment, firstComment, stripLeadingAttributes } from '../../../src/core/safety/commentScan';

/** Scans above the last line of `text` (the construct) from line 0. */
function scan(text: string, acceptAttributes = true) {
  const lines = new LineIndex(text);
  return findSafetyComment(lines, { fromLine: 0, toLine: lines.lineCount - 1 }, acceptAttributes);
}

describe('findSafetyComment', () => {
  it('finds a line comment directly above and reports the marker line', () => {
    const text = '  // SAFETY: ok.\n  unsafe {}';
    assert.deepEqual(scan(text), { markerLineStart: 2, start: 2, end: 16 });
  });

  it('accepts the marker anywhere in a comment group, in any case, across blank lines', () => {
    assert.equal(scan('// Reads the register.\n// safety: ok\n\n// more\nunsafe {}')?.markerLineStart, 23);
  });

  it('rejects a group without the marker, or `SAFETY` without a colon', () => {
    assert.equal(scan('// nothing here\nunsafe {}'), undefined);
    assert.equal(scan('// SAFETY the pointer\nunsafe {}'), undefined);
  });

  it('stops at code', () => {
    assert.equal(scan('// SAFETY: far away.\nlet x = 1;\nunsafe {}'), undefined);
  });

  it('accepts a SAFETY comment trailing the code line directly above', () => {
    assert.deepEqual(scan('let y = 2; // SAFETY: ok.\nunsafe {}'), { markerLineStart: 11, start: 11, end: 25 });
    assert.equal(scan('let y = "//"; // hi\nunsafe {}'), undefined);
  });

  it('accepts a block comment followed only by blank space', () => {
    assert.equal(scan('/*\n * SAFETY: ok.\n */\nunsafe {}')?.start, 0);
    assert.equal(scan('/* SAFETY: ok. */\nlet a = 1;\nunsafe {}'), undefined);
  });

  it('ignores markers inside doc code blocks', () => {
    assert.equal(scan('/// ```\n/// // SAFETY: example.\n/// ```\nunsafe {}'), undefined);
  });

  it('steps over single-line attributes only when comments above attributes are accepted', () => {
    const text = '// SAFETY: ok.\n#[allow(unused)]\nunsafe impl Send for A {}';
    assert.equal(scan(text, true)?.start, 0);
    assert.equal(scan(text, false), undefined);
    assert.equal(scan('// SAFETY: ok.\n#[allow(\n  unused)]\nunsafe impl Send for A {}'), undefined);
  });

  it('accepts a SAFETY comment right after an attribute on its line, but nothing else there', () => {
    assert.equal(scan('#[allow(unused)] // SAFETY: ok.\nunsafe impl Send for A {}', false)?.start, 0);
    assert.equal(scan('// SAFETY: ok.\n#[allow(unused)] // other\nunsafe impl Send for A {}'), undefined);
  });

  it('never looks above fromLine', () => {
    const lines = new LineIndex('// SAFETY: ok.\nfn f() {\n    unsafe {}\n}');
    assert.equal(findSafetyComment(lines, { fromLine: 1, toLine: 2 }, true), undefined);
    assert.equal(findSafetyComment(lines, { fromLine: 0, toLine: 1 }, true)?.start, 0);
  });
});

describe('comment helpers', () => {
  it('commentInsideBlock accepts a plain comment first inside the braces', () => {
    const text = 'unsafe { // SAFETY: ok.\n *p }';
    assert.deepEqual(commentInsideBlock(text, 7), { markerLineStart: 9, start: 9, end: 23 });
    assert.equal(commentInsideBlock('unsafe { //! SAFETY: doc.\n *p }', 7), undefined);
    assert.equal(commentInsideBlock('unsafe { *p // SAFETY: late.\n }', 7), undefined);
  });

  it('firstComment skips strings and char literals', () => {
    assert.deepEqual(firstComment('let s = "// no"; let c = \'/\'; // yes'), { text: '// yes', at: 30 });
    assert.deepEqual(firstComment("fn f<'a>(x: &'a u8) /* c */"), { text: '/* c */', at: 20 });
  });

  it('stripLeadingAttributes removes whole attributes, brackets in strings included', () => {
    assert.equal(stripLeadingAttributes('#[doc = "]"] #[inline] // c'), '// c');
    assert.equal(stripLeadingAttributes('#[allow('), undefined);
    assert.equal(stripLeadingAttributes('let x = 1;'), undefined);
  });
});
