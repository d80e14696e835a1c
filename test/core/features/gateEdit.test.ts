import assert from 'node:assert/strict';
import { applyEdits, gateRemovalEdit } from '../../../src/core/features/gateEdit';
import { extractGates } from '../../../src/core/features/gates';
import { loadRustParser, type RustParser } from '../../../src/core/parser';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

/** The text after removing gate `name` (the first with that name). */
function without(text: string, name: string): string {
  const tree = parser.parse(text);
  try {
    const gate = extractGates(tree.rootNode).find((g) => g.name === name);
    assert.ok(gate, `no gate ${name}`);
    return applyEdits(text, [gateRemovalEdit(gate, text)]);
  } finally {
    tree.delete();
  }
}

describe('features/gateEdit', () => {
  it('removes the first, a middle and the last name with one comma', () => {
    const text = '#![feature(a, b, c)]\n';
    assert.equal(without(text, 'a'), '#![feature(b, c)]\n');
    assert.equal(without(text, 'b'), '#![feature(a, c)]\n');
    assert.equal(without(text, 'c'), '#![feature(a, b)]\n');
  });

  it('keeps the layout of a list over several lines', () => {
    const text = '#![feature(\n    a,\n    b,\n)]\n';
    assert.equal(without(text, 'a'), '#![feature(\n    b,\n)]\n');
    assert.equal(without(text, 'b'), '#![feature(\n    a,\n)]\n');
  });

  it('removes a lone name with its attribute and line, or only the attribute when it shares the line', () => {
    assert.equal(without('//! Doc.\n#![feature(a)]\n#![no_std]\n', 'a'), '//! Doc.\n#![no_std]\n');
    assert.equal(without('#![feature(a)]\r\nfn f() {}\r\n', 'a'), 'fn f() {}\r\n');
    assert.equal(without('#![no_std] #![feature(a)]\n', 'a'), '#![no_std] \n');
    assert.equal(without('#![feature(a)]', 'a'), '');
  });

  it('applies non-overlapping edits from the end', () => {
    assert.equal(applyEdits('abcdef', [{ span: { start: 0, end: 1 }, newText: 'X' }, { span: { start: 4, end: 6 }, newText: '' }]), 'Xbcd');
  });
});
