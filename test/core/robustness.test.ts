/**
 * Bad input never breaks the engine: random bytes, token soup, truncated and spliced files,
 * 10,000-level nesting, very long lines, CRLF and mixed line endings, BOM, tabs, NUL bytes.
 * Every run must finish within a time bound, never throw, and keep every position inside the text.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/core/analyze';
import { ContextResolver } from '../../src/core/context';
import { decodeSource } from '../../src/core/files';
import { loadRustParser, ParsedDocument, type RustParser } from '../../src/core/parser';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const TOKENS = [
  'unsafe', '{', '}', '(', ')', '[', ']', '#', '!', '#![feature(', 'feature', 'cfg_attr', 'fn', 'impl', 'trait', 'extern', '"C"',
  'let', '=', ';', ',', 'x', 'é', '😀', '世', '// SAFETY: ok.', '// SAFETY: TODO.', '/* SAFETY: */', '/// # Safety', '///', '\n', '\r\n',
  '\r', '\t', ' ', 'macro_rules!', '=>', '$x', 'pub', 'static', 'const', 'mod', '\'a', 'r#"', '"', '\'', '\\', '::', 'Send', 'for',
];

/** A hang detector, not a speed test (speed is measured by scripts/bench.mjs): far above normal times, even on a loaded machine. */
const BUDGET_MS = 10_000;

let parser: RustParser;
const resolver = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true });

function run(text: string): Analysis {
  const t0 = performance.now();
  const doc = new ParsedDocument(parser, text);
  try {
    const result = analyze(doc, resolver.contextFor(undefined));
    const ms = performance.now() - t0;
    assert.ok(ms < BUDGET_MS, `took ${ms.toFixed(0)} ms`);
    for (const f of result.findings) {
      assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `finding ${f.code} span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
      for (const fix of f.fixes ?? [])
        for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `fix edit outside the text`);
    }
    for (const g of result.gates) assert.ok(g.span.end <= text.length && g.span.start >= 0);
    for (const s of result.unsafeSites) assert.ok(s.span.end <= text.length && s.keyword.start >= s.span.start);
    return result;
  } finally {
    doc.dispose();
  }
}

describe('robustness of the engine on bad input', function () {
  this.timeout(120_000);

  before(async () => {
    parser = await loadRustParser();
  });

  it('survives random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }), (tokens) => {
        run(tokens.join(' '));
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  it('survives random bytes decoded leniently, and reports them when strict', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const strict = decodeSource(bytes);
        if (strict.kind === 'ok') run(strict.text);
        run(new TextDecoder('utf-8').decode(bytes));
      }),
      { numRuns: 200, seed: 7 },
    );
    assert.deepEqual(decodeSource(Uint8Array.from([0x66, 0, 0x67])), { kind: 'skipped', reason: 'binary file (contains NUL bytes)' });
    assert.deepEqual(decodeSource(Uint8Array.from([0x61, 0xff])), { kind: 'skipped', reason: 'not valid UTF-8 (at byte 1)' });
  });

  const REAL = [
    '#![feature(allocator_api, new_uninit)]',
    '/// Frees it.',
    '///',
    '/// # Safety',
    '///',
    '/// `ptr` must come from `alloc`.',
    'pub unsafe fn free(ptr: *mut u8) {',
    '    // SAFETY: the caller guarantees `ptr` came from `alloc`.',
    '    unsafe { bindings::kfree(ptr.cast()) };',
    '}',
    '// SAFETY: `Foo` owns no thread-bound state.',
    'unsafe impl Send for Foo {}',
    'macro_rules! m { ($e:expr) => { unsafe { $e } } }',
  ].join('\n');

  it('survives every truncation and splice of a real-looking file', () => {
    for (let i = 0; i <= REAL.length; i += 3) run(REAL.slice(0, i));
    fc.assert(
      fc.property(fc.nat(REAL.length), fc.nat(REAL.length), fc.nat(REAL.length), (a, b, c) => {
        run(REAL.slice(0, a) + REAL.slice(Math.min(b, c), Math.max(b, c)) + REAL.slice(a));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('survives 10,000 levels of nesting', () => {
    const depth = 10_000;
    run(`fn f() {${'{'.repeat(depth)} unsafe { g() } ${'}'.repeat(depth)}}`);
    run(`fn f() { ${'unsafe {'.repeat(depth)} ${'}'.repeat(depth)} }`);
    run(`#![feature(${'('.repeat(depth)}a${')'.repeat(depth)})]`);
    run(`const X: u8 = ${'('.repeat(depth)}1${')'.repeat(depth)};`);
  });

  it('survives very long lines, CRLF, mixed endings, BOM, tabs and NUL', () => {
    run(`fn f() { ${'let x = 1; '.repeat(50_000)} unsafe { g() } }`);
    const crlf = run('fn f() {\r\n    // SAFETY: fine.\r\n    unsafe { g() }\r\n}\r\n');
    assert.equal(crlf.findings.filter((f) => f.code === 'missing-safety-comment').length, 0);
    run('fn f() {\n\t// SAFETY: fine.\r\n\tunsafe { g() }\r}\n');
    run('\uFEFF#![feature(asm_goto)]\nfn f() { unsafe { g() } }');
    run('fn f() { unsafe { g(\u0000) } }\u0000');
  });

  it('finds the same unsafe block in CRLF text as in LF text', () => {
    const lf = run('fn f() {\n    unsafe { g() }\n}\n');
    const crlf = run('fn f() {\r\n    unsafe { g() }\r\n}\r\n');
    assert.equal(lf.findings.length, 1);
    assert.equal(crlf.findings.length, 1);
    assert.equal(crlf.findings[0]!.span.start, lf.findings[0]!.span.start + 1);
  });
});
