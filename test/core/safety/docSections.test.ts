import { strict as assert } from 'node:assert';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { findSafetySection, itemDocs } from '../../../src/core/safety/docSections';

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
