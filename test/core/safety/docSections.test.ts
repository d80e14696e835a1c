import { strict as assert } from 'node:assert';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { findSafetySection, itemDocs, itemSafetySection } from '../../../src/core/safety/docSections';
import { safetyTree } from '../../../src/core/safety/externBlocks';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function section(docs: string) {
  const doc = new ParsedDocument(parser, `${docs}\npub unsafe fn f() {}\n`);
  try {
    const item = doc.root.namedChildren.find((n) => n?.type === 'function_item')!;
    return findSafetySection(itemDocs(item));
  } finally {
    doc.dispose();
  }
}

describe('findSafetySection', () => {
  it('accepts the headings clippy accepts', () => {
    for (const h of ['/// # Safety', '/// ## SAFETY', '/// ### Implementation safety', '/// # Implementation Safety', '/// # *Safety*', '/// Safety\n/// ------']) {
      assert.ok(section(`${h}\n/// Body.`), h);
    }
  });

  it('rejects other text, paragraphs and code', () => {
    for (const h of ['/// # Safety notes', '/// Safety: body.', '/// ```\n/// # Safety\n/// ```', '/// Text\n///\n///     # Safety', '/// # `Safety`']) {
      assert.equal(section(`${h}\n/// Body.`), undefined, h);
    }
  });

  it('returns the section text up to the next heading of the same level', () => {
    assert.equal(section('/// # Safety\n///\n/// `p` is valid.\n///\n/// # Examples\n/// none')?.text, '`p` is valid.');
  });

  it('reads block doc comments and #[doc] attributes', () => {
    assert.equal(section('/**\n * # Safety\n *\n * Lock held.\n */')?.text, 'Lock held.');
    assert.equal(section('#[doc = "# Safety"]\n#[doc = "Lock held."]')?.text, 'Lock held.');
  });
});

describe('itemSafetySection', () => {
  it('answers as findSafetySection over the item docs, also when the docs never say "safety"', () => {
    const docs = [
      '/// # Safety\n/// Lock held.',
      '/// # SAFETY\n/// Lock held.',
      '/// Reads it.\n///\n/// # Panics\n/// Never.',
      '#[doc = "# Safety"]\n#[doc = "Lock held."]',
      '#[inline]\n/**\n * Docs.\n *\n * # Implementation safety\n *\n * Held.\n */',
      '/// Plain docs.\n#[inline]',
      '// SAFETY: a plain comment is not docs.',
      '',
    ];
    for (const d of docs) {
      const doc = new ParsedDocument(parser, `${d}\npub unsafe fn f() {}\n`);
      try {
        safetyTree(doc);
        const item = doc.root.namedChildren.find((n) => n?.type === 'function_item')!;
        assert.deepEqual(itemSafetySection(item), findSafetySection(itemDocs(item)), d);
      } finally {
        doc.dispose();
      }
    }
    // The cases above include both outcomes.
    const found = docs.map((d) => {
      const doc = new ParsedDocument(parser, `${d}\npub unsafe fn f() {}\n`);
      try {
        return itemSafetySection(doc.root.namedChildren.find((n) => n?.type === 'function_item')!)?.text;
      } finally {
        doc.dispose();
      }
    });
    assert.deepEqual(found, ['Lock held.', 'Lock held.', undefined, 'Lock held.', 'Held.', undefined, undefined, undefined]);
  });
});
