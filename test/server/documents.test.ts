import assert from 'node:assert/strict';
import { loadRustParser } from '../../src/core/parser';
import { LineIndex } from '../../src/core/positions';
import { applyTextChanges, DocumentStore } from '../../src/server/documents';

const SOURCE = [
  '// é 日本 😀',
  '#![feature(let_chains)]',
  'fn main() {',
  '    // SAFETY: the pointer is valid.',
  '    let x = unsafe { *p };',
  '}',
  '',
].join('\n');

describe('DocumentStore', () => {
  it('keeps the incremental tree equal to a fresh parse after a series of edits', async () => {
    const parser = await loadRustParser();
    const store = new DocumentStore(loadRustParser);
    const uri = 'file:///tmp/a.rs';
    store.open(uri, 'rust', 1, SOURCE);
    await store.parsed(uri); // a tree exists, so later edits are applied incrementally
    const edits = [
      { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: '🦀' },
      { range: { start: { line: 4, character: 21 }, end: { line: 4, character: 23 } }, text: '*q.add(1)' },
      { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 7 } }, text: 'start' },
      { range: { start: { line: 5, character: 1 }, end: { line: 5, character: 1 } }, text: '\r\nunsafe impl Send for X {}\n' },
    ];
    let version = 1;
    for (const e of edits) {
      store.change(uri, ++version, [e]);
      if (version === 3) await store.parsed(uri); // apply some edits one by one, the rest as a batch
    }
    const doc = await store.parsed(uri);
    const expected = '// é 日本 😀🦀\n#![feature(let_chains)]\nfn start() {\n    // SAFETY: the pointer is valid.\n    let x = unsafe { *q.add(1) };\n}\r\nunsafe impl Send for X {}\n\n';
    assert.equal(store.get(uri)!.text, expected);
    assert.equal(store.get(uri)!.version, 5);
    assert.equal(doc!.text, expected);
    const fresh = parser.parse(expected);
    try {
      assert.equal(doc!.root.toString(), fresh.rootNode.toString());
    } finally {
      fresh.delete();
    }
    store.dispose();
  });

  it('keeps its line index equal to indexing the text, and hands the tree the same text', async () => {
    const store = new DocumentStore(loadRustParser);
    const uri = 'file:///tmp/b.rs';
    store.open(uri, 'rust', 1, SOURCE);
    await store.parsed(uri);
    store.change(uri, 2, [
      { range: { start: { line: 4, character: 4 }, end: { line: 4, character: 4 } }, text: 'let y = 2;\n    ' },
      { range: { start: { line: 0, character: 3 }, end: { line: 2, character: 0 } }, text: '' },
    ]);
    store.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// é\r\n' }]);
    const text = store.get(uri)!.text;
    assert.equal(text, '// fn main() {\n// é\r\n    // SAFETY: the pointer is valid.\n    let y = 2;\n    let x = unsafe { *p };\n}\n');
    assert.deepEqual(store.lines(uri)!.lineStarts, [0, 15, 21, 58, 73, 100, 102]);
    assert.deepEqual(store.lines(uri)!.lineStarts, new LineIndex(text).lineStarts);
    const doc = await store.parsed(uri);
    // One text and one index for the store and the tree: nothing to compare or rebuild per keystroke.
    assert.equal(doc!.text, text);
    assert.equal(doc!.lines, store.lines(uri));
    store.dispose();
  });

  it('holds at most the configured number of trees and rebuilds an evicted one from the text', async () => {
    const store = new DocumentStore(loadRustParser, 2);
    for (const n of [1, 2, 3]) store.open(`file:///t/${n}.rs`, 'rust', 1, `fn f${n}() {}`);
    for (const n of [1, 2, 3]) await store.parsed(`file:///t/${n}.rs`);
    assert.equal(store.liveTrees, 2);
    store.change('file:///t/1.rs', 2, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } }, text: 'g' }]);
    const doc = await store.parsed('file:///t/1.rs');
    assert.equal(doc!.text, 'fn g() {}');
    assert.equal(doc!.root.descendantsOfType('function_item')[0]!.childForFieldName('name')!.text, 'g');
    assert.equal(store.liveTrees, 2);
    store.close('file:///t/1.rs');
    assert.equal(store.liveTrees, 1);
    assert.equal(await store.parsed('file:///t/1.rs'), undefined);
    store.dispose();
  });

  it('calls close listeners and ignores changes to documents that are not open', () => {
    const store = new DocumentStore(loadRustParser);
    const closed: string[] = [];
    store.onClose((uri) => closed.push(uri));
    assert.equal(store.change('file:///nope.rs', 2, [{ text: 'x' }]), false);
    store.open('file:///a.rs', 'rust', 1, 'fn a() {}');
    store.close('file:///a.rs');
    assert.deepEqual(closed, ['file:///a.rs']);
  });
});

describe('applyTextChanges', () => {
  it('applies ranged changes in order, counting UTF-16 units, and full replacements', () => {
    const text = 'a😀b\nc';
    const out = applyTextChanges(text, [
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'B' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'é' },
    ]);
    assert.equal(out, 'a😀B\né');
    assert.equal(applyTextChanges(out, [{ text: 'new' }, { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' }]), 'new!');
  });
});
