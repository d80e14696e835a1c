import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectRustFiles } from '../../../src/core/files';
import { loadRustParser, ParsedDocument, type RustParser, type SyntaxNode } from '../../../src/core/parser';
import { pathToLineStart, pathToOffset, previousSiblingOf, typeOf } from '../../../src/core/safety/treeIndex';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

/** tree-sitter's own answer: the token at `offset`, then its parents up to the root. */
function nativePath(root: SyntaxNode, offset: number): number[] {
  const ids: number[] = [];
  for (let n: SyntaxNode | null = root.descendantForIndex(offset, offset + 1); n; n = n.parent) ids.unshift(n.id);
  return ids;
}

const SAMPLES = [
  'fn f() {\n    // SAFETY: x\n    let a = unsafe { g(1, (2 + 3)) }; let b = 1;\n}\n',
  'impl S {\n    /// Docs.\n    #[inline]\n    pub unsafe fn f(&self) -> u8 { m!(unsafe { 1 }) }\n}\nstruct T;\n',
  // Broken code: ERROR nodes and MISSING tokens.
  'fn f( {\n  let x = unsafe { ;\n}\nunsafe extern "C" { safe fn g(); }\n/* open',
  '\n\n   fn é😀() { "a\nb" }\n\r\nmod m { fn g() {} }',
];

function fixtureTexts(): string[] {
  return collectRustFiles([path.resolve(__dirname, '..', '..', 'fixtures', 'rules')]).files.map((f) => readFileSync(f, 'utf8'));
}

describe('treeIndex: paths found by offset', () => {
  it('pathToOffset gives the path to the token descendantForIndex finds, whatever was asked before', () => {
    let compared = 0;
    for (const text of [...SAMPLES, ...fixtureTexts()]) {
      const doc = new ParsedDocument(parser, text);
      try {
        // Forward, then backward: the search starts from the previous path either way.
        const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
        for (const o of [...offsets, ...offsets.reverse()]) {
          const found = pathToOffset(doc.root, o, 1000);
          assert.deepEqual(found?.map((n) => n.id), nativePath(doc.root, o), `offset ${o} of ${JSON.stringify(text.slice(0, 40))}`);
          compared++;
        }
      } finally {
        doc.dispose();
      }
    }
    assert.ok(compared > 2000, `offsets compared: ${compared}`);
  });

  it('pathToOffset says nothing for a token deeper than the bound', () => {
    const doc = new ParsedDocument(parser, `fn f() { ${'{ '.repeat(30)}x ${'} '.repeat(30)}}`);
    try {
      const at = doc.text.indexOf('x');
      const depth = nativePath(doc.root, at).length - 1;
      assert.equal(pathToOffset(doc.root, at, depth - 1), undefined);
      assert.equal(pathToOffset(doc.root, at, depth)?.length, depth + 1);
    } finally {
      doc.dispose();
    }
  });

  it('pathToLineStart stops at the outermost node starting on the line', () => {
    for (const text of SAMPLES) {
      const doc = new ParsedDocument(parser, text);
      try {
        for (let line = 1; line < doc.lines.lineCount; line++) {
          const lineStart = doc.lines.lineStart(line);
          let first = lineStart;
          while (text[first] === ' ' || text[first] === '\t') first++;
          if (first >= text.length || text[first] === '\n' || text[first] === '\r') continue;
          // The native path up to and including its first node starting on the line.
          const native: SyntaxNode[] = [];
          for (let n: SyntaxNode | null = doc.root.descendantForIndex(first, first + 1); n; n = n.parent) native.unshift(n);
          let end = 0;
          while (end < native.length - 1 && native[end]!.startIndex < lineStart) end++;
          const found = pathToLineStart(doc.root, first, lineStart, 1000)!;
          assert.deepEqual(found.map((n) => n.id), native.slice(0, end + 1).map((n) => n.id), `line ${line} of ${JSON.stringify(text)}`);
        }
      } finally {
        doc.dispose();
      }
    }
  });

  it('previousSiblingOf, guided by the text, answers what node.previousSibling does', () => {
    let compared = 0;
    for (const text of [...SAMPLES, ...fixtureTexts()]) {
      const doc = new ParsedDocument(parser, text);
      try {
        const walk = (n: SyntaxNode): void => {
          const children = n.children.filter((c): c is SyntaxNode => c !== null);
          // Last child first: each answer is a node the next question starts from.
          for (let i = children.length - 1; i >= 0; i--) {
            assert.equal(previousSiblingOf(children[i]!, text)?.id, children[i - 1]?.id, `${children[i]!.type} at ${children[i]!.startIndex}`);
            compared++;
          }
          for (const c of children) walk(c);
        };
        walk(doc.root);
      } finally {
        doc.dispose();
      }
    }
    assert.ok(compared > 2000, `siblings compared: ${compared}`);
  });

  it('typeOf answers what node.type does', () => {
    const doc = new ParsedDocument(parser, SAMPLES[2]!);
    try {
      const walk = (n: SyntaxNode): void => {
        assert.equal(typeOf(n), n.type);
        assert.equal(typeOf(n), n.type);
        for (const c of n.children) if (c) walk(c);
      };
      walk(doc.root);
    } finally {
      doc.dispose();
    }
  });
});
