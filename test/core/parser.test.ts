import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineIndex } from '../../src/core/positions';
import { loadRustParser, ParsedDocument, type TextChange } from '../../src/core/parser';
import { createRng } from '../../scripts/bench/rng.mjs';
import { findHistoryDependentEdits } from '../support/historyDependentEdits';

const SOURCE = `// SPDX-License-Identifier: GPL-2.0
//! 驱动 — driver 😀
#![feature(allocator_api)]

impl Foo {
    fn bar(&self) -> u32 {
        // SAFETY: the pointer is valid.
        unsafe { *self.ptr }
    }
}
`;

const KERNEL_FILE = readFileSync(path.join(__dirname, '..', '..', 'examples', 'minikernel', 'rust', 'kernel', 'types.rs'), 'utf8');


describe('parser', () => {
  it('loads once and shares the parser', async () => {
    const [a, b] = await Promise.all([loadRustParser(), loadRustParser()]);
    assert.equal(a, b);
  });

  it('parses broken Rust with error recovery instead of throwing', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, 'fn f( { unsafe { let x = ; }\nimpl');
    assert.equal(doc.root.hasError, true);
    assert.ok(doc.root.descendantsOfType('unsafe_block').length >= 1);
    doc.dispose();
  });

  it('incremental edits give the same tree as a fresh parse', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, SOURCE);
    const random = createRng(42).next;
    const inserts = ['x', '😀', 'é', '\n', '{', '}', 'unsafe ', '// SAFETY: ok.\n', '', '\r\n'];
    for (let i = 0; i < 300; i++) {
      const lines = new LineIndex(doc.text);
      const a = Math.floor(random() * (doc.text.length + 1));
      const b = Math.min(doc.text.length, a + Math.floor(random() * 4));
      // Never split a surrogate pair: LSP clients never do.
      const fix = (o: number): number => (o > 0 && /[\ud800-\udbff]/.test(doc.text[o - 1] ?? '') ? o + 1 : o);
      const change: TextChange = { range: lines.rangeOf({ start: fix(a), end: fix(Math.max(a, b)) }), text: inserts[Math.floor(random() * inserts.length)]! };
      doc.applyChanges([change]);
      if (i % 25 === 0 || i === 299) {
        const fresh = parser.parse(doc.text);
        assert.equal(doc.root.toString(), fresh.rootNode.toString(), `after edit ${i}`);
        fresh.delete();
      }
    }
    doc.dispose();
  });

  it('applies several changes of one notification in order', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, 'fn a() {}\n');
    doc.applyChanges([
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'bé' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'fn c() {}\n' },
      { text: 'fn whole() {}' },
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } }, text: 'w' },
    ]);
    assert.equal(doc.text, 'fn w() {}');
    assert.equal(doc.root.toString(), parser.parse('fn w() {}').rootNode.toString());
    doc.dispose();
  });

  it('gets the clean tree back when an edit that broke the parse is undone', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, SOURCE);
    const clean = doc.tree;
    const cleanLines = doc.lines;
    // `1` typed into `->` (line 5) breaks the signature.
    const at = { line: 5, character: SOURCE.split('\n')[5]!.indexOf('->') + 1 };
    doc.applyChanges([{ range: { start: at, end: at }, text: '1' }]);
    assert.equal(doc.root.hasError, true);
    doc.applyChanges([{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    assert.equal(doc.text, SOURCE);
    assert.equal(doc.tree, clean, 'the tree from before the edit, not a re-parse');
    assert.equal(doc.lines, cleanLines);
    assert.equal(doc.root.toString(), parser.parse(SOURCE).rootNode.toString());
    assert.equal(doc.mayDifferFromFreshParse, false);
    doc.dispose();
  });

  it('re-parses when the text after a breaking edit is not the one before it', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, SOURCE);
    const clean = doc.tree;
    const at = { line: 5, character: SOURCE.split('\n')[5]!.indexOf('->') + 1 };
    doc.applyChanges([{ range: { start: at, end: at }, text: '1' }]);
    // Same length as the clean text, other content: the kept tree must not come back.
    doc.applyChanges([{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '#' }]);
    assert.notEqual(doc.tree, clean);
    assert.equal(doc.root.toString(), parser.parse(doc.text).rootNode.toString());
    doc.dispose();
  });

  it('keeps no tree aside for edits that leave the parse as clean as it was', async () => {
    const parser = await loadRustParser();
    const doc = new ParsedDocument(parser, SOURCE);
    const first = doc.tree;
    const at = { line: 5, character: 8 };
    doc.applyChanges([{ range: { start: at, end: at }, text: 'x' }]);
    assert.equal(doc.root.hasError, false);
    doc.applyChanges([{ range: { start: at, end: { line: 5, character: 9 } }, text: '' }]);
    // The first tree was freed after the clean edit, so the undo is a re-parse.
    assert.notEqual(doc.tree, first);
    assert.equal(doc.root.toString(), parser.parse(SOURCE).rootNode.toString());
    doc.dispose();
  });

  it('settles a broken incremental tree to exactly the fresh parse', async () => {
    // tree-sitter's error recovery depends on edit history; settle() is how the server converges.
    let checked = false;
    const edits = await findHistoryDependentEdits(KERNEL_FILE, 7, {
      onDiverged: (doc, freshSexp) => {
        assert.equal(doc.mayDifferFromFreshParse, true, 'only broken incremental trees diverge');
        assert.equal(doc.settle(), true);
        assert.equal(doc.root.toString(), freshSexp);
        assert.equal(doc.mayDifferFromFreshParse, false);
        checked = true;
      },
    });
    assert.ok(edits && checked, 'the edit sequence reaches a history-dependent tree');
  });
});
