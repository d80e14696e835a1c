import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng } from '../../../scripts/bench/rng.mjs';
import { analyze, type AnalysisContext } from '../../../src/core/analyze';
import { collectRustFiles } from '../../../src/core/files';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/positions';
import { linesBelowMatches, matchesReaching, nodesStartingOnLines, useWholeTreeSearch } from '../../../src/core/safety/candidates';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS, type SafetyOptions } from '../../../src/core/safety/types';
import { loadDatabase } from '../../../src/core/features/database';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});
afterEach(() => useWholeTreeSearch(false));

describe('candidates: lines below a comment', () => {
  it('follows `//` groups, attributes and blank lines down to the first code line', () => {
    const text = ['fn a() {}', '// SAFETY: x', '// more', '', '#[inline]', 'unsafe impl Send for S {}', 'fn b() {}'].join('\n');
    assert.deepEqual(linesBelowMatches(new LineIndex(text), /safety:/i, { blockComments: true }), [2, 3, 4, 5]);
  });

  it('covers a block comment whose lines look like code', () => {
    const text = ['/* SAFETY: the pointer', 'is valid for the call', '*/', 'let x = 1;', 'let y = 2;'].join('\n');
    assert.deepEqual(linesBelowMatches(new LineIndex(text), /safety:/i, { blockComments: true }), [1, 2, 3]);
  });

  it('takes the next line after code with a trailing comment', () => {
    const text = ['foo(); // SAFETY: checked', 'bar();', 'baz();'].join('\n');
    assert.deepEqual(linesBelowMatches(new LineIndex(text), /safety:/i, { blockComments: true }), [1]);
  });

  it('only counts matches on doc lines when asked to', () => {
    const text = ['let safety = 1;', '/// # Safety', '///', 'pub fn f() {}', '// SAFETY: plain comment', 'g();'].join('\n');
    assert.deepEqual(linesBelowMatches(new LineIndex(text), /safety/i, { matchOnDocLine: true }), [2, 3]);
  });

  it('reaches a range of lines from the matches matchesReaching names exactly as from all matches', () => {
    const pieces = ['// SAFETY: ok', '/* SAFETY: open', '*/', 'still in a comment', '/// # Safety', '///', '#[inline]', '', 'fn f() {}', 'let x = 1; // SAFETY: trailing', 'unsafe { g() }', '  * safety: star line'];
    const r = createRng(5);
    for (let round = 0; round < 400; round++) {
      const lines = new LineIndex(Array.from({ length: r.int(1, 25) }, () => r.pick(pieces)).join('\n'));
      const from = r.int(0, lines.lineCount - 1);
      const to = r.int(from, lines.lineCount - 1);
      const inRange = (ls: number[]): number[] => ls.filter((l) => l >= from && l <= to);
      for (const [trigger, options] of [[/safety:/i, { blockComments: true }], [/safety/i, { matchOnDocLine: true }]] as const) {
        const within = [matchesReaching(lines, from, to, 'blockComments' in options)];
        assert.deepEqual(inRange(linesBelowMatches(lines, trigger, options, within)), inRange(linesBelowMatches(lines, trigger, options)), `${JSON.stringify(lines.text)} lines ${from}-${to}`);
      }
    }
  });

  it('leaves out the matches that a line of code above the range stops', () => {
    const text = ['// SAFETY: far above', 'fn f() {}', '', '// SAFETY: just above', 'unsafe impl Send for S {}'].join('\n');
    const lines = new LineIndex(text);
    assert.deepEqual(matchesReaching(lines, 4, 4, true), { start: lines.lineStart(1), end: text.length });
    // A `*/` below could close a block comment holding the first match: it is followed too.
    const open = `${text}\n*/`;
    assert.deepEqual(matchesReaching(new LineIndex(open), 4, 4, true), { start: 0, end: new LineIndex(open).lineStart(5) });
  });
});

describe('candidates: nodes starting on lines', () => {
  const starting = (text: string, line: number, wanted: string[]): string[] => {
    const doc = new ParsedDocument(parser, text);
    try {
      return (nodesStartingOnLines(doc.root, doc.lines, [line], new Set(wanted), new Set(['token_tree', 'macro_definition']))?.nodes ?? []).map((n) => `${n.type}@${n.startIndex}`);
    } finally {
      doc.dispose();
    }
  };

  it('finds items that start mid-line after a comment, an attribute or another statement', () => {
    const text = 'fn f() {\n    // SAFETY: x\n    /* c */ struct A; let y = 1; struct B;\n}\n';
    assert.deepEqual(starting(text, 2, ['struct_item', 'block']), ['block@7', 'struct_item@38', 'struct_item@59']);
  });

  it('leaves out nodes inside macro bodies', () => {
    const text = 'macro_rules! m {\n    () => {\n        struct Inner;\n    };\n}\n';
    assert.deepEqual(starting(text, 2, ['struct_item']), []);
  });
});

/** Text edits that create and break the constructs the search is guided by. */
const SNIPPETS = [
  'unsafe {', '}', '{', '// SAFETY: x', '/* SAFETY: y', '*/', '/*', '#[allow(clippy::undocumented_unsafe_blocks)]', 'extern "C" {',
  'unsafe extern "C" {', '\r', '\r\n', '/// # Safety', '///', '//! SAFETY: top', 'unsafe fn z() {}', 'unsafe impl Send for Q {}',
  'macro_rules! mm { () => { let v = unsafe { 1 }; } }', 'let a = unsafe { 1 };', '#[cfg(test)]', 'mod t {', '"', "'", 'fn x();',
  'struct S; // SAFETY: no', 'r#"', '"#', '#[unsafe(no_mangle)]', 'safe fn f();', 'trait T { unsafe fn g(); }', '\t', 'é😀',
];

/** Every `.rs` file of the fixtures and examples (those under `target/` too). */
function corpus(): string[] {
  const dirs = ['test/fixtures', 'examples'].map((dir) => path.resolve(__dirname, '..', '..', '..', dir));
  return collectRustFiles(dirs, { skipDirs: [] }).files.map((f) => readFileSync(f, 'utf8'));
}

function mutate(text: string, seed: number): string {
  const r = createRng(seed);
  const lines = text.split('\n');
  for (let i = r.int(1, 8); i > 0; i--) {
    const at = r.int(0, lines.length);
    const op = r.next();
    if (op < 0.3) lines.splice(at, 1);
    else if (op < 0.75) lines.splice(at, 0, r.pick(SNIPPETS));
    else {
      const l = lines[at] ?? '';
      const c = r.int(0, l.length);
      lines[at] = l.slice(0, c) + r.pick(SNIPPETS) + l.slice(c);
    }
  }
  return lines.join('\n');
}

describe('candidates: text-guided search equals the whole-tree search', () => {
  const db = loadDatabase().db;
  const context = (safety: SafetyOptions): AnalysisContext => ({ db, toolchain: '1.78.0', toolchainOrigin: 'test', safety });
  const OPTIONS: SafetyOptions[] = [
    CLIPPY_DEFAULT_SAFETY_OPTIONS,
    { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, acceptCommentAboveStatement: false, acceptCommentAboveAttributes: false },
    { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, crateRoot: false, checkPrivateItems: true },
  ];

  const run = (text: string, safety: SafetyOptions, whole: boolean): string => {
    useWholeTreeSearch(whole);
    const doc = new ParsedDocument(parser, text);
    try {
      const a = analyze(doc, context(safety));
      return JSON.stringify({ findings: a.findings, sites: a.unsafeSites });
    } finally {
      doc.dispose();
      useWholeTreeSearch(false);
    }
  };

  it('near the depth bound of the inventory', () => {
    // Sites at depths around the bound (200): the text-guided search must drop the same ones.
    for (const depth of [60, 95, 99, 100, 101, 105, 140]) {
      const open = 'fn f() { '.concat('{ '.repeat(depth));
      const text = `${open}// SAFETY: x\nunsafe { g() }; unsafe { h() } ${'} '.repeat(depth)}}\nm!(unsafe { 1 });\n`;
      for (const safety of OPTIONS) assert.equal(run(text, safety, false), run(text, safety, true), `depth ${depth}`);
    }
  });

  it('on every fixture and 1,200 seeded mutations of them, under three option sets', () => {
    const base = corpus();
    assert.ok(base.length >= 20, `fixtures found: ${base.length}`);
    let compared = 0;
    let withFindings = 0;
    for (let i = 0; i < base.length + 1200; i++) {
      const text = i < base.length ? base[i]! : mutate(base[i % base.length]!, i);
      const safety = OPTIONS[i % OPTIONS.length]!;
      const expected = run(text, safety, true);
      assert.equal(run(text, safety, false), expected, `sample ${i}`);
      compared++;
      if (expected.includes('"code"')) withFindings++;
    }
    assert.equal(compared, base.length + 1200);
    // The comparison is only worth something if the samples produce findings.
    assert.ok(withFindings > compared / 2, `samples with findings: ${withFindings}`);
  });
});
