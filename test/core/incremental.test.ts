/**
 * Incremental analysis must give exactly what a from-scratch analysis gives. Kernel-style files
 * and the clippy corpus are edited at random (snippets that add or remove unsafe code, SAFETY
 * comments, lint attributes, items, macros, braces, block comments) through the same
 * incremental re-parse the server uses, and after every edit the cached result is compared with
 * a fresh analysis of the same text: findings (code, span, message, related spans, fixes) and
 * unsafe sites, deeply equal.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis, type AnalysisContext } from '../../src/core/analyze';
import { ContextResolver } from '../../src/core/context';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { loadRustParser, ParsedDocument, type RustParser } from '../../src/core/parser';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createRng } from '../../scripts/bench/rng.mjs';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kernel-style');
const CORPUS = path.join(__dirname, '..', 'clippy', 'corpus');

const SNIPPETS = [
  'unsafe ', 'unsafe { x() }', '// SAFETY: the pointer is valid.\n', '// SAFETY: TODO.\n', '// safety: lower case\n', '\n', '\n\n', '}', '{', ';',
  '/* SAFETY: block. */\n', '*/', '/*', '#[allow(clippy::undocumented_unsafe_blocks)]\n', '#![allow(clippy::unnecessary_safety_comment)]\n',
  '#[expect(clippy::missing_safety_doc)]\n', '/// # Safety\n///\n/// Callers must hold the lock.\n', 'pub unsafe fn f(p: *mut u8) {}\n',
  'unsafe impl Send for Foo {}\n', 'impl Sync for Bar {}\n', 'let v = unsafe { *p };\n', 'macro_rules! m { () => { unsafe { 1 } } }\n', 'm!();\n',
  'mod sub;\n', 'static S: u32 = unsafe { 0 };\n', 'const C: u8 = 1;\n', '#[cfg(test)]\n', 'fn g() { let a = 1; }\n', 'unsafe extern "C" { fn h(); }\n',
  '"', "'", 'é', '😀', '\r\n',
];

/** A small seeded generator (mulberry32): failures replay. */
const rng = (seed: number): (() => number) => createRng(seed).next;

function sources(): { name: string; text: string }[] {
  const read = (dir: string): { name: string; text: string }[] =>
    readdirSync(dir).filter((f) => f.endsWith('.rs')).sort().map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
  return [...read(FIXTURES), ...read(CORPUS)];
}

/** A random edit as an LSP change: an insertion, a deletion or a replacement at a random place. */
type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

/** `place` picks the offset; by default anywhere in the text. */
function randomEdit(doc: ParsedDocument, next: () => number, place?: (text: string) => number): Edit {
  const text = doc.text;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  // Edits at line starts are the common case in real typing around items; keep both kinds.
  let start = place ? place(text) : Math.floor(next() * (text.length + 1));
  if (next() < 0.4) start = text.lastIndexOf('\n', start - 1) + 1;
  // Never split a surrogate pair or a CRLF.
  if (/[\udc00-\udfff]/.test(text[start] ?? '') || (text[start] === '\n' && text[start - 1] === '\r')) start--;
  const kind = next();
  let end = start;
  if (kind > 0.6) end = Math.min(text.length, start + Math.floor(next() * 40));
  if (/[\udc00-\udfff]/.test(text[end] ?? '') || (text[end] === '\n' && text[end - 1] === '\r')) end++;
  const insert = kind > 0.85 ? '' : pick(SNIPPETS);
  return { range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) }, text: insert };
}

function comparable(a: Analysis): unknown {
  return { findings: a.findings, unsafeSites: a.unsafeSites, gates: a.gates };
}

/**
 * The reference for an incremental result: a full analysis of a fresh parse of the same text.
 * tree-sitter's incremental re-parse can differ from a fresh parse after some edits (an unclosed
 * block comment); with `sameTreeOnly` the reference is then a full analysis of the document's own
 * tree, and `onDifferentTree` is told.
 */
function freshAnalysis(parser: RustParser, doc: ParsedDocument, ctx: AnalysisContext, options: { sameTreeOnly?: boolean; onDifferentTree?: () => void } = {}): unknown {
  const fresh = new ParsedDocument(parser, doc.text);
  try {
    const sameTree = fresh.root.toString() === doc.root.toString();
    if (!sameTree) options.onDifferentTree?.();
    return comparable(analyze(sameTree || !options.sameTreeOnly ? fresh : doc, ctx));
  } finally {
    fresh.dispose();
  }
}

/**
 * A file of large impl, trait and mod blocks (nested too) whose members are cached one by one:
 * unsafe fns with and without `# Safety` docs, SAFETY comments in and above members, lint
 * attributes and inner attributes on the blocks, cfg, visibility and a macro defined in a mod.
 */
function containerFile(): string {
  const member = (i: number): string => [
    `    /// Reads slot ${i}.\n    ///\n    /// # Safety\n    ///\n    /// The slot must be initialised.\n    pub unsafe fn read_${i}(&self) -> u32 {\n        // SAFETY: the caller guarantees slot ${i} is initialised.\n        unsafe { *self.p.add(${i}) }\n    }\n`,
    `    fn write_${i}(&mut self, v: u32) {\n        unsafe { *self.p.add(${i}) = v };\n    }\n`,
    `    // SAFETY: not needed on a safe fn.\n    fn safe_${i}(&self) -> u32 {\n        ${i}\n    }\n`,
    `    #[allow(clippy::undocumented_unsafe_blocks)]\n    fn allowed_${i}(&self) {\n        let _ = unsafe { *self.p };\n    }\n`,
    `    const C_${i}: u32 = unsafe { ${i} };\n`,
  ][i % 5]!;
  const members = (n: number, from: number): string => Array.from({ length: n }, (_, i) => member(from + i)).join('\n');
  return [
    '#![allow(dead_code)]\n',
    `pub struct Buf {\n    p: *mut u32,\n}\n`,
    `impl Buf {\n${members(10, 0)}}\n`,
    `// SAFETY: Buf owns its pointer.\nunsafe impl Send for Buf {\n}\n`,
    `#[expect(clippy::missing_safety_doc)]\nimpl Clone for Buf {\n    fn clone(&self) -> Self {\n        Self { p: self.p }\n    }\n\n    unsafe fn raw(&self) {}\n}\n`,
    `/// # Safety\n///\n/// Implementors must be sound.\npub unsafe trait Device {\n    /// # Safety\n    ///\n    /// Only from probe.\n    unsafe fn probe(&self);\n\n    unsafe fn remove(&self);\n\n    fn name(&self) -> &str {\n        unsafe { core::str::from_utf8_unchecked(b"dev") }\n    }\n}\n`,
    `mod private {\n    #![allow(clippy::undocumented_unsafe_blocks)]\n\n    pub unsafe fn hidden() {}\n\n    pub mod deeper {\n        pub unsafe fn exported() {}\n\n        impl super::super::Buf {\n${members(6, 10).replace(/^/gm, '    ')}        }\n    }\n\n    macro_rules! m {\n        () => { unsafe { 1 } };\n    }\n\n    fn uses() -> u32 {\n        m!()\n    }\n}\n`,
    `pub mod open {\n    #[cfg(test)]\n    pub unsafe fn test_only() {}\n\n    pub unsafe fn documented() {}\n\n${members(5, 20)}}\n`,
  ].join('\n');
}

/** A random offset inside the body of an impl, trait or mod block (so the members' cache is hit). */
function insideContainer(doc: ParsedDocument, next: () => number): (text: string) => number {
  const lists = doc.root.descendantsOfType('declaration_list').flatMap((n) => (n ? [{ start: n.startIndex + 1, end: n.endIndex - 1 }] : []));
  return (text) => {
    const list = lists[Math.floor(next() * lists.length)];
    return list && list.end > list.start ? list.start + Math.floor(next() * (list.end - list.start)) : Math.floor(next() * (text.length + 1));
  };
}

/** What a test of one document works with (see withDocument). */
interface Session {
  readonly doc: ParsedDocument;
  readonly ctx: AnalysisContext;
  readonly incremental: IncrementalAnalyzer;
  /** Types `inserted` at offset `at`. */
  insert(at: number, inserted: string): void;
}

describe('IncrementalAnalyzer', function () {
  let parser: RustParser;
  const resolver = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true });

  before(async () => {
    parser = await loadRustParser();
  });

  /** `body` with a document of `text`, the default context and a fresh analyzer; the tree is freed afterwards. */
  const withDocument = (text: string, body: (session: Session) => void): void => {
    const doc = new ParsedDocument(parser, text);
    const insert = (at: number, inserted: string): void => doc.applyChanges([{ range: { start: doc.lines.positionAt(at), end: doc.lines.positionAt(at) }, text: inserted }]);
    try {
      body({ doc, ctx: resolver.contextFor(undefined), incremental: new IncrementalAnalyzer(), insert });
    } finally {
      doc.dispose();
    }
  };

  it('equals a fresh analysis after each of 400 random edits', () => {
    const next = rng(7);
    const files = sources();
    let edits = 0;
    let cachedChunks = 0;
    let reusedChunks = 0;
    let differentTrees = 0;
    for (let round = 0; edits < 400; round++) {
      const source = files[round % files.length]!;
      const ctx = resolver.contextFor(undefined);
      const doc = new ParsedDocument(parser, source.text);
      const incremental = new IncrementalAnalyzer();
      try {
        for (let i = 0; i < 25 && edits < 400; i++, edits++) {
          doc.applyChanges([randomEdit(doc, next)]);
          const cached = incremental.analyze(doc, ctx);
          const expected = freshAnalysis(parser, doc, ctx, { sameTreeOnly: true, onDifferentTree: () => differentTrees++ });
          assert.deepStrictEqual(comparable(cached), expected, `${source.name}, edit ${i + 1}:\n${doc.text}`);
          cachedChunks += incremental.cachedChunks;
          reusedChunks += incremental.reusedChunks;
        }
      } finally {
        doc.dispose();
      }
    }
    // The cache is used at all: most chunks come from it after the first analysis.
    if (differentTrees) console.log(`      (${differentTrees} edits re-parsed to a tree unlike a fresh parse; compared on the same tree)`);
    assert.ok(cachedChunks > 400, `only ${cachedChunks} chunks were served from the cache`);
    // Most of them by their place, the edit lying elsewhere.
    assert.ok(reusedChunks > cachedChunks / 2, `only ${reusedChunks} of ${cachedChunks} cached chunks were taken by their place`);
  });

  it('equals a fresh analysis after each of 600 random edits inside impl, trait and mod blocks', () => {
    const next = rng(11);
    const generated = { name: 'containers.rs', text: containerFile() };
    const files = [generated, generated, ...sources().filter((f) => /\b(impl|trait|mod)\b[^;{]*\{\s*\n/.test(f.text))];
    const kernel = resolver.contextFor(undefined);
    // The kernel's check-private-items and clippy's default both: visibility decides the doc lints only without it.
    const contexts = [kernel, { ...kernel, safety: { ...kernel.safety, checkPrivateItems: !kernel.safety.checkPrivateItems } }];
    let edits = 0;
    let cachedMembers = 0;
    let wholeFile = 0;
    for (let round = 0; edits < 600; round++) {
      const source = files[round % files.length]!;
      const ctx = contexts[round % contexts.length]!;
      const doc = new ParsedDocument(parser, source.text);
      const incremental = new IncrementalAnalyzer();
      try {
        incremental.analyze(doc, ctx);
        if (incremental.wholeFile) wholeFile++;
        for (let i = 0; i < 30 && edits < 600; i++, edits++) {
          doc.applyChanges([randomEdit(doc, next, insideContainer(doc, next))]);
          const cached = incremental.analyze(doc, ctx);
          assert.deepStrictEqual(comparable(cached), freshAnalysis(parser, doc, ctx, { sameTreeOnly: true }), `${source.name}, edit ${i + 1}:\n${doc.text}`);
          cachedMembers += incremental.cachedMembers;
          if (incremental.wholeFile) wholeFile++;
        }
      } finally {
        doc.dispose();
      }
    }
    // Members are served from their own cache entries, not only whole top-level items.
    assert.ok(cachedMembers > 1000, `only ${cachedMembers} members were served from the cache`);
    // Both paths ran: item by item, and the whole file at once when an edit left too much to redo.
    assert.ok(wholeFile > 0 && wholeFile < edits / 2, `${wholeFile} of ${edits} edits and first analyses took the whole file at once`);
  });

  it('re-analyses only the member of a large impl that changed', () => {
    withDocument(containerFile(), ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      assert.equal(incremental.cachedMembers, 0);
      // Inside `write_1`, the second member of `impl Buf`.
      const at = doc.text.indexOf('unsafe { *self.p.add(1) = v }');
      insert(at, ' ');
      const result = incremental.analyze(doc, ctx);
      // One top-level chunk (the impl) missed; of its 10 members, only the edited one did.
      assert.equal(incremental.wholeFile, false);
      assert.equal(incremental.lastChunks - incremental.cachedChunks, 1);
      assert.equal(incremental.lastMembers, 10);
      assert.equal(incremental.cachedMembers, 9);
      // The impl's header and the edited member in one pass.
      assert.equal(incremental.freshPasses, 1);
      const fresh = new ParsedDocument(parser, doc.text);
      try {
        const expected = analyze(fresh, ctx);
        assert.deepStrictEqual(comparable(result), comparable(expected));
        // The edited member's missing SAFETY comment is still reported, at its new place.
        const line = fresh.lines.lineOf(at);
        assert.deepStrictEqual(
          result.findings.filter((f) => f.code === 'missing-safety-comment' && doc.lines.lineOf(f.span.start) === line).map((f) => doc.lines.rangeOf(f.span)),
          [{ start: { line, character: 9 }, end: { line, character: 38 } }],
        );
      } finally {
        fresh.dispose();
      }
    });
  });

  it('keeps the members of a container that no recent edit touched', () => {
    withDocument(containerFile(), ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      // Several analyses of edits outside `impl Buf`: its chunk is found whole each time.
      for (let i = 0; i < 4; i++) {
        insert(doc.text.indexOf('p: *mut u32'), 'x');
        incremental.analyze(doc, ctx);
        assert.equal(incremental.lastChunks - incremental.cachedChunks, 1);
      }
      const at = doc.text.indexOf('unsafe { *self.p.add(1) = v }');
      insert(at, ' ');
      const result = incremental.analyze(doc, ctx);
      assert.equal(incremental.lastMembers, 10);
      assert.equal(incremental.cachedMembers, 9);
      assert.deepStrictEqual(comparable(result), freshAnalysis(parser, doc, ctx));
    });
  });

  it('keeps an item whose block comments open inside it cached when code above it changes', () => {
    const text = [
      '/* A header comment. */',
      'fn first() {',
      '    let a = 1;',
      '}',
      '',
      'fn target(p: *const u8) -> u8 {',
      '    /* SAFETY: the caller passes a valid pointer. */',
      '    unsafe { *p }',
      '}',
      '',
      'fn other(p: *const u8) -> u8 {',
      '    unsafe { *p }',
      '}',
      '',
    ].join('\n');
    withDocument(text, ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      const at = doc.text.indexOf('a = 1');
      insert(at, 'x');
      const result = incremental.analyze(doc, ctx);
      // Only the edited item: `target` reads no text above its own comment.
      assert.equal(incremental.lastChunks, 3);
      assert.equal(incremental.cachedChunks, 2);
      assert.deepStrictEqual(comparable(result), comparable(analyze(doc, ctx)));
      assert.deepStrictEqual(
        result.findings.map((f) => [f.code, doc.lines.lineOf(f.span.start)]),
        [['missing-safety-comment', 11]],
      );
    });
  });

  it('takes the chunks an edit cannot reach by their place, shifted after it', () => {
    const fns = Array.from({ length: 12 }, (_, i) => `fn f${i}(p: *const u8) -> u8 {\n    // SAFETY: p is valid.\n    unsafe { *p.add(${i}) }\n}\n\nfn g${i}(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n`).join('\n');
    withDocument(`// é 日本 😀\n${fns}`, ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      // Two lines into f5's body: every chunk after it moves down, the ones before stay.
      insert(doc.text.indexOf('    unsafe { *p.add(5) }'), 'let _x = 1;\n    // note\n    ');
      const result = incremental.analyze(doc, ctx);
      assert.equal(incremental.lastChunks, 24);
      assert.equal(incremental.cachedChunks, 23);
      // g5, the chunk right after the edit, keys on f5's last line, which the edit did not reach either.
      assert.equal(incremental.reusedChunks, 23);
      assert.deepStrictEqual(comparable(result), freshAnalysis(parser, doc, ctx));
      const g11 = doc.lines.lineOf(doc.text.indexOf('unsafe { *p }', doc.text.indexOf('fn g11')));
      assert.deepStrictEqual(result.findings.filter((f) => f.code === 'missing-safety-comment').map((f) => doc.lines.lineOf(f.span.start)).at(-1), g11);
    });
  });

  it('analyses the chunks an edit left to redo in one pass', () => {
    const fns = Array.from({ length: 6 }, (_, i) => `fn f${i}(p: *const u8) -> u8 {\n    unsafe { *p.add(${i}) }\n}\n`).join('\n');
    withDocument(fns, ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      // A blank before f2's closing brace: f2's text changes, and so does the line above f3 (its key).
      const at = doc.text.indexOf('}\n\nfn f3');
      insert(at, ' ');
      const result = incremental.analyze(doc, ctx);
      assert.equal(incremental.lastChunks - incremental.cachedChunks, 2);
      assert.equal(incremental.freshPasses, 1);
      assert.deepStrictEqual(comparable(result), freshAnalysis(parser, doc, ctx));
      assert.deepStrictEqual(result.findings.map((f) => doc.lines.lineOf(f.span.start)), [1, 5, 9, 13, 17, 21]);
    });
  });

  it('checks again whether the macros of a chunk it takes by place are expanded', () => {
    const text = [
      'macro_rules! poke {',
      '    () => {',
      '        unsafe { core::ptr::null::<u8>().read() }',
      '    };',
      '}',
      '',
      'fn a() -> u8 {',
      '    1',
      '}',
      '',
    ].join('\n');
    withDocument(text, ({ doc, ctx, incremental, insert }) => {
      assert.deepStrictEqual(incremental.analyze(doc, ctx).findings.map((f) => f.code), []);
      // A call below the macro expands it: its undocumented unsafe block is now reported.
      const at = doc.text.indexOf('    1');
      doc.applyChanges([{ range: { start: doc.lines.positionAt(at), end: doc.lines.positionAt(at + 5) }, text: '    poke!()' }]);
      const result = incremental.analyze(doc, ctx);
      assert.equal(incremental.reusedChunks, 0);
      assert.deepStrictEqual(comparable(result), freshAnalysis(parser, doc, ctx));
      assert.deepStrictEqual(result.findings.map((f) => [f.code, doc.lines.lineOf(f.span.start)]), [['missing-safety-comment', 2]]);
      // And a keystroke elsewhere that leaves the call: the macro chunk is taken by place again.
      const end = doc.text.length;
      insert(end, '\n');
      assert.deepStrictEqual(comparable(incremental.analyze(doc, ctx)), freshAnalysis(parser, doc, ctx));
      assert.ok(incremental.reusedChunks >= 1);
    });
  });

  it('shares a whole-file analysis out to chunks and members exactly', () => {
    // Large enough that analysing every chunk on its own costs more than the whole file at once.
    const text = Array.from({ length: 10 }, (_, i) => containerFile().replace(/\bBuf\b/g, `Buf${i}`).replace('#![allow(dead_code)]\n', '')).join('\n');
    withDocument(text, ({ doc, ctx, incremental }) => {
      const next = rng(5);
      assert.deepStrictEqual(comparable(incremental.analyze(doc, ctx)), comparable(analyze(doc, ctx)));
      assert.equal(incremental.wholeFile, true);
      let cachedMembers = 0;
      for (let i = 0; i < 40; i++) {
        doc.applyChanges([randomEdit(doc, next, insideContainer(doc, next))]);
        const cached = incremental.analyze(doc, ctx);
        cachedMembers += incremental.cachedMembers;
        assert.deepStrictEqual(comparable(cached), freshAnalysis(parser, doc, ctx, { sameTreeOnly: true }), `edit ${i + 1}:\n${doc.text}`);
      }
      assert.ok(cachedMembers > 40 * 20, `only ${cachedMembers} members were served from the cache`);
    });
  });

  it('follows a change of SAFETY options without stale results', () => {
    const text = readFileSync(path.join(CORPUS, 'statements.rs'), 'utf8');
    withDocument(text, ({ doc, ctx, incremental }) => {
      const strict = { ...ctx, safety: { ...ctx.safety, acceptCommentAboveStatement: false, acceptCommentAboveAttributes: false } };
      const loose = incremental.analyze(doc, ctx);
      const tight = incremental.analyze(doc, strict);
      assert.deepStrictEqual(comparable(tight), comparable(analyze(doc, strict)));
      assert.deepStrictEqual(comparable(incremental.analyze(doc, ctx)), comparable(loose));
      // The options matter for this file: otherwise the test proves nothing.
      assert.notDeepStrictEqual(comparable(tight), comparable(loose));
    });
  });

  it('keeps the items an edit that turned the root into an ERROR node did not reach, and finds everything cached when it is undone', () => {
    const text = [
      '// SAFETY: nothing to uphold.',
      'unsafe impl Send for A {}',
      '',
      'impl A {',
      '    fn f(&self, e: u8) -> Result {',
      '        let next = match e {',
      '            0 => 1,',
      '            _ => return Err(EINVAL),',
      '        };',
      '        // SAFETY: the pointer is valid.',
      '        unsafe { g() }',
      '    }',
      '}',
      '',
      'pub unsafe fn h() {}',
      '',
      'fn k() {',
      '    unsafe { x() };',
      '}',
      '',
    ].join('\n');
    withDocument(text, ({ doc, ctx, incremental }) => {
      incremental.analyze(doc, ctx);
      incremental.analyze(doc, ctx);
      const at = doc.lines.positionAt(text.indexOf('_ =') + 3);
      doc.applyChanges([{ range: { start: at, end: at }, text: '1' }]);
      // An ERROR root stands for the module (see isModuleRoot): the items around the break stay cached.
      assert.equal(doc.root.type, 'ERROR');
      const broken = incremental.analyze(doc, ctx);
      assert.equal(incremental.wholeFile, false);
      assert.ok(incremental.cachedChunks >= 1, `${incremental.cachedChunks} of ${incremental.lastChunks} chunks cached`);
      assert.deepStrictEqual(comparable(broken), comparable(analyze(doc, ctx)));
      doc.applyChanges([{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
      assert.equal(doc.root.type, 'source_file');
      const restored = incremental.analyze(doc, ctx);
      assert.equal(incremental.wholeFile, false);
      assert.equal(incremental.cachedChunks, incremental.lastChunks);
      assert.equal(incremental.freshPasses, 0);
      assert.deepStrictEqual(comparable(restored), freshAnalysis(parser, doc, ctx));
      // The file has findings, so the comparison above is about something.
      assert.ok(restored.findings.length > 0);
    });
  });

  it('finds everything cached when an edit inside a crate-level attribute is undone', () => {
    const text = '#![allow(clippy::undocumented_unsafe_blocks)]\n\nfn f() {\n    unsafe { g() };\n}\n\npub unsafe fn h() {}\n';
    withDocument(text, ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      incremental.analyze(doc, ctx);
      // `allow` becomes `xallow`: the crate-level attributes are a file-wide fact.
      insert(text.indexOf('allow'), 'x');
      const changed = incremental.analyze(doc, ctx);
      assert.equal(incremental.wholeFile, true);
      assert.deepStrictEqual(comparable(changed), freshAnalysis(parser, doc, ctx));
      doc.applyChanges([{ range: { start: doc.lines.positionAt(text.indexOf('allow')), end: doc.lines.positionAt(text.indexOf('allow') + 1) }, text: '' }]);
      const restored = incremental.analyze(doc, ctx);
      assert.equal(incremental.wholeFile, false);
      assert.equal(incremental.cachedChunks, incremental.lastChunks);
      assert.deepStrictEqual(comparable(restored), freshAnalysis(parser, doc, ctx));
      assert.notDeepStrictEqual(restored.findings, changed.findings);
    });
  });

  it('re-analyses only the item that changed', () => {
    const text = readFileSync(path.join(FIXTURES, 'lock.rs'), 'utf8');
    withDocument(text, ({ doc, ctx, incremental, insert }) => {
      incremental.analyze(doc, ctx);
      const total = incremental.lastChunks;
      const at = doc.text.indexOf('unsafe {');
      insert(at, ' ');
      const result = incremental.analyze(doc, ctx);
      assert.equal(incremental.lastChunks - incremental.cachedChunks, 1);
      assert.ok(total > 3);
      assert.deepStrictEqual(comparable(result), freshAnalysis(parser, doc, ctx));
    });
  });
});
