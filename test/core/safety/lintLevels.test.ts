import { strict as assert } from 'node:assert';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { attributeLevels, isLintAllowed } from '../../../src/core/safety/lintLevels';
import { nodesOfType } from '../../../src/core/safety/syntax';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function allowedAtBlocks(text: string): boolean[] {
  const doc = new ParsedDocument(parser, text);
  try {
    return nodesOfType(doc.root, new Set(['unsafe_block'])).map((n) => isLintAllowed(n, 'undocumented_unsafe_blocks'));
  } finally {
    doc.dispose();
  }
}

describe('lint levels', () => {
  it('parses allow/expect/warn lists and follows cfg_attr', () => {
    assert.deepEqual(attributeLevels('#[allow(clippy::a, clippy::b)]', undefined), [['allow', 'clippy::a'], ['allow', 'clippy::b']]);
    assert.deepEqual(attributeLevels('#[expect(clippy::a, reason = "x")]', undefined), [['expect', 'clippy::a']]);
    assert.deepEqual(attributeLevels('#[cfg_attr(feature = "x", allow(clippy::a))]', new Set<string>()), []);
    assert.deepEqual(attributeLevels('#[cfg_attr(feature = "x", allow(clippy::a))]', new Set(['feature="x"'])), [['allow', 'clippy::a']]);
  });

  it('lets the innermost level win', () => {
    const text = [
      '#![allow(clippy::undocumented_unsafe_blocks)]',
      'fn a() { unsafe {} }',
      '#[warn(clippy::undocumented_unsafe_blocks)]',
      'mod m {',
      '    fn b() { unsafe {} }',
      '    #[expect(clippy::restriction)]',
      '    fn c() { unsafe {} }',
      '    fn d() {',
      '        #[allow(clippy::undocumented_unsafe_blocks)]',
      '        let _x = unsafe { 1 };',
      '        let _y = unsafe { 2 };',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(allowedAtBlocks(text), [true, false, true, true, false]);
  });
});
