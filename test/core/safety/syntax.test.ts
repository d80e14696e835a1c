import { strict as assert } from 'node:assert';
import { loadRustParser, ParsedDocument, type RustParser, type SyntaxNode } from '../../../src/core/parser';
import { safetyTree } from '../../../src/core/safety/externBlocks';
import { outerAttributes, outerDocComments, unsafeKeyword, visibility } from '../../../src/core/safety/syntax';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function withItems<T>(text: string, read: (items: SyntaxNode[], doc: ParsedDocument) => T): T {
  const doc = new ParsedDocument(parser, text);
  try {
    // Registers the text with the tree, as every analysis does first.
    safetyTree(doc);
    const items: SyntaxNode[] = [];
    const walk = (n: SyntaxNode): void => {
      if (/_item$/.test(n.type)) items.push(n);
      for (const c of n.namedChildren) if (c) walk(c);
    };
    walk(doc.root);
    return read(items, doc);
  } finally {
    doc.dispose();
  }
}

describe('syntax: unsafeKeyword', () => {
  it('finds the keyword of blocks, impls, traits and functions (in their modifiers), and nothing in safe ones', () => {
    const text = 'pub const unsafe extern "C" fn f() {}\nunsafe impl Send for S {}\nunsafe trait T {}\nfn g() { unsafe { h() } }\nimpl S {}\n';
    const found = withItems(text, (items) => items.map((n) => {
      const kw = unsafeKeyword(n);
      return `${n.type}:${kw ? `${kw.start}-${kw.end}` : '-'}`;
    }));
    assert.deepEqual(found, ['function_item:10-16', 'impl_item:38-44', 'trait_item:64-70', 'function_item:-', 'impl_item:-']);
    const block = withItems(text, (_items, doc) => {
      const b = doc.root.descendantsOfType('unsafe_block')[0]!;
      return unsafeKeyword(b);
    });
    assert.deepEqual(block, { start: 91, end: 97 });
  });
});

describe('syntax: attributes and doc comments before a node', () => {
  const text = [
    '/// One.',
    '// plain',
    '#[inline]',
    '/** Two. */',
    '#[cfg(test)]',
    '//// not a doc',
    'fn f() {}',
    'struct A; fn g() {}',
  ].join('\n');

  it('reads the run of attributes and comments right before the node, in source order', () => {
    withItems(text, (items) => {
      const f = items.find((n) => n.type === 'function_item')!;
      assert.deepEqual(outerAttributes(f).map((a) => [a.type, a.text]), [['attribute_item', '#[inline]'], ['attribute_item', '#[cfg(test)]']]);
      assert.deepEqual(outerDocComments(f).map((c) => c.text), ['/// One.\n', '/** Two. */']);
      // Asked again (the run is kept per tree): the same answers, as new arrays.
      const again = outerAttributes(f);
      assert.deepEqual(again.map((a) => a.startIndex), [18, 40]);
      assert.notEqual(again, outerAttributes(f));
    });
  });

  it('stops at the previous item, also on the same line', () => {
    withItems(text, (items) => {
      const g = items.filter((n) => n.type === 'function_item')[1]!;
      assert.deepEqual(outerAttributes(g), []);
      assert.deepEqual(outerDocComments(g), []);
    });
  });
});

describe('syntax: visibility', () => {
  it('reads the visibility modifier without blanks, and nothing for private items', () => {
    const text = 'pub fn a() {}\npub( crate ) unsafe fn b() {}\nfn c() {}\npub(in super::x) mod m {}\n';
    assert.deepEqual(withItems(text, (items) => items.map(visibility)), ['pub', 'pub(crate)', '', 'pub(insuper::x)']);
  });
});
