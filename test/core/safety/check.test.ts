import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CODES, CODES } from '../../../src/core/codes';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { checkSafety, SAFETY_RULES } from '../../../src/core/safety/check';
import { collectUnsafeSites } from '../../../src/core/safety/inventory';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS, type SafetyOptions } from '../../../src/core/safety/types';
import { fixtureCases, markedLines, runFixture, FIXTURES } from './ruleFixtures';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function check(text: string, options: SafetyOptions = CLIPPY_DEFAULT_SAFETY_OPTIONS) {
  const doc = new ParsedDocument(parser, text);
  try {
    return checkSafety(doc, collectUnsafeSites(doc), options);
  } finally {
    doc.dispose();
  }
}

describe('checkSafety rule fixtures', () => {
  const safetyCodes = ALL_CODES.filter((c) => CODES[c].family === 'safety');

  it('has a rule and a fixture folder for every SAFETY code', () => {
    assert.deepEqual(SAFETY_RULES.map((r) => r.code).sort(), [...safetyCodes].sort());
    for (const code of safetyCodes) assert.ok(existsSync(path.join(FIXTURES, code, `${code}.rs`)), code);
  });

  for (const c of fixtureCases()) {
    describe(c.name, () => {
      it('matches the golden .expected', async () => {
        const result = await runFixture(c);
        assert.equal(result.expected, readFileSync(path.join(c.dir, `${c.code}.expected`), 'utf8'));
      });

      it('reports exactly the lines marked with //~^', async () => {
        const source = readFileSync(c.source, 'utf8');
        const result = await runFixture(c);
        assert.deepEqual(result.lines, markedLines(source, c.code));
        const invalidAt = source.split('\n').findIndex((l) => l.trim() === '// Invalid') + 1;
        assert.ok(invalidAt > 0, 'fixture has an // Invalid section');
        assert.ok(source.includes('// Valid'), 'fixture has a // Valid section');
        // Option variants may turn valid code invalid; the base fixture keeps its sections honest.
        if (c.name === c.code) for (const line of result.lines) assert.ok(line > invalidAt, `finding on line ${line} is in the Valid section`);
      });

      it('matches the golden .fixed when the rule has fixes', async () => {
        const result = await runFixture(c);
        const fixedFile = path.join(c.dir, `${c.code}.fixed`);
        if (result.fixed === undefined) assert.equal(existsSync(fixedFile), false);
        else assert.equal(result.fixed, readFileSync(fixedFile, 'utf8'));
      });
    });
  }
});

describe('checkSafety findings', () => {
  it('inserts an indented `// SAFETY: TODO.` above the statement and offers #[expect]', () => {
    const text = 'fn f(p: *const u8) -> u8 {\n    let v =\n        unsafe { *p };\n    v\n}\n';
    const [f] = check(text);
    assert.equal(f!.code, 'missing-safety-comment');
    assert.deepEqual(f!.span, { start: 47, end: 60 });
    assert.equal(text.slice(f!.span.start, f!.span.end), 'unsafe { *p }');
    assert.deepEqual(f!.fixes![0], { title: 'Add a `// SAFETY: TODO.` comment', preferred: true, edits: [{ span: { start: 27, end: 27 }, newText: '    // SAFETY: TODO.\n' }] });
    assert.deepEqual(f!.fixes![1]!.edits, [{ span: { start: 0, end: 0 }, newText: '#[expect(clippy::undocumented_unsafe_blocks)]\n' }]);
  });

  it('cuts a multi-line block at the end of its first line', () => {
    const text = 'fn f(p: *const u8) -> u8 {\n    unsafe {\n        *p\n    }\n}\n';
    const [f] = check(text);
    assert.equal(text.slice(f!.span.start, f!.span.end), 'unsafe {');
  });

  it('adds a `# Safety` section after the existing docs', () => {
    const text = '/// Reads.\npub unsafe fn read() {}\n';
    const [f] = check(text);
    assert.equal(f!.code, 'missing-safety-doc');
    assert.equal(text.slice(f!.span.start, f!.span.end), 'pub unsafe fn read()');
    assert.deepEqual(f!.fixes![0]!.edits, [{ span: { start: 11, end: 11 }, newText: '///\n/// # Safety\n///\n/// TODO.\n' }]);
  });

  it('points an unnecessary comment at the comment line it found', () => {
    const text = 'fn f() {\n    // SAFETY: nothing.\n    let a = 1;\n}\n';
    const [f] = check(text);
    assert.equal(f!.code, 'unnecessary-safety-comment');
    assert.equal(f!.message, 'statement has unnecessary safety comment');
    assert.deepEqual(f!.related, [{ span: { start: 13, end: 32 }, message: 'consider removing the safety comment' }]);
    assert.deepEqual(f!.fixes![0]!.edits, [{ span: { start: 9, end: 33 }, newText: '' }]);
  });

  it('moves a `// SAFETY:` comment on an unsafe fn into a `# Safety` section', () => {
    const text = '// SAFETY: `p` must be valid.\n/// Reads.\npub unsafe fn read(p: *const u8) {}\n';
    const f = check(text).find((x) => x.code === 'unnecessary-safety-comment')!;
    assert.equal(f.message, 'function has unnecessary safety comment');
    assert.deepEqual(f.fixes![0], {
      title: 'Move the comment into a `# Safety` doc section',
      preferred: true,
      edits: [
        { span: { start: 0, end: 30 }, newText: '' },
        { span: { start: 41, end: 41 }, newText: '///\n/// # Safety\n///\n/// `p` must be valid.\n' },
      ],
    });
  });

  it('honours #![allow] at crate level and clippy lint groups', () => {
    assert.deepEqual(check('#![allow(clippy::undocumented_unsafe_blocks)]\nfn f() { unsafe {} }\n'), []);
    assert.deepEqual(check('#[allow(clippy::restriction)]\nfn f() { unsafe {} }\n'), []);
    assert.equal(check('#[allow(clippy::all)]\nfn f() { unsafe {} }\n').length, 1);
    assert.deepEqual(check('#[allow(clippy::style)]\npub unsafe fn f() {}\n'), []);
  });

  it('reads a file whose root tree-sitter made an ERROR node as the module it is', () => {
    const items = [
      '#![allow(clippy::undocumented_unsafe_blocks)]',
      '// SAFETY: A is only touched under its lock.',
      'unsafe impl Send for A {}',
      'unsafe impl Sync for A {}',
      'fn f() { unsafe { g() } }',
      'macro_rules! m { () => {} }',
      'm!();',
      '// SAFETY: not needed here.',
      'fn safe() {}',
    ].join('\n');
    const tail = '\npub unsafe fn h() {}\n';
    const clean = `${items}\nimpl A {\n    fn f(&self, e: u8) -> u8 {\n        match e {\n            _ => 1,\n        }\n    }\n}${tail}`;
    // `=1>` breaks the parse badly enough that the root itself becomes an ERROR node.
    const broken = clean.replace('_ => 1', '_ =1> 1');
    const brokenDoc = new ParsedDocument(parser, broken);
    try {
      assert.equal(brokenDoc.root.type, 'ERROR');
    } finally {
      brokenDoc.dispose();
    }
    // The crate-level allow (no finding on `unsafe { g() }`), the unsafe impls' comments, the
    // unnecessary comment and the undocumented pub unsafe fn read the same on both sides of the break.
    const describe = (text: string) => check(text).filter((f) => f.span.start < items.length || f.span.start >= text.length - tail.length).map((f) => `${f.code}@${text.slice(f.span.start, f.span.end)}`).sort();
    const expected = ['missing-safety-doc@pub unsafe fn h()', 'unnecessary-safety-comment@fn safe() {}'];
    assert.deepEqual(describe(clean), expected);
    assert.deepEqual(describe(broken), expected);
  });

  it('checks private unsafe functions only with checkPrivateItems', () => {
    const text = 'unsafe fn private() {}\npub mod m { pub unsafe fn exported() {} }\nmod p { pub unsafe fn hidden_by_module() {} }\n';
    assert.deepEqual(check(text).map((f) => f.span.start), [35]);
    assert.deepEqual(check(text, { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, checkPrivateItems: true }).map((f) => f.span.start), [0, 35, 73]);
  });

  it('skips code under a false cfg when the active cfg set is known', () => {
    const text = '#[cfg(feature = "x")]\nfn f() { unsafe {} }\n#[test]\nfn t() { unsafe {} }\n';
    assert.equal(check(text).length, 2);
    assert.equal(check(text, { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, activeCfg: new Set(['unix']) }).length, 0);
    assert.equal(check(text, { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, activeCfg: new Set(['feature="x"']) }).length, 1);
  });
});
