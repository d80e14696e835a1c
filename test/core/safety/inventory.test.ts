import { strict as assert } from 'node:assert';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { collectUnsafeSites } from '../../../src/core/safety/inventory';
import type { UnsafeSite } from '../../../src/core/safety/types';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function sites(text: string): UnsafeSite[] {
  const doc = new ParsedDocument(parser, text);
  try {
    return collectUnsafeSites(doc);
  } finally {
    doc.dispose();
  }
}

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('collectUnsafeSites', () => {
  it('finds blocks with keyword, span, first-line report span and the SAFETY comment', () => {
    const text = 'fn f(p: *const u8) -> u8 {\n    // SAFETY: `p` is valid.\n    unsafe {\n        *p\n    }\n}\n';
    const [s] = sites(text);
    assert.equal(s!.kind, 'block');
    assert.equal(slice(text, s!.keyword), 'unsafe');
    assert.equal(slice(text, s!.span), 'unsafe {\n        *p\n    }');
    assert.equal(slice(text, s!.reportSpan), 'unsafe {');
    assert.deepEqual(s!.documentation, { kind: 'comment', span: { start: 31, end: 55 }, text: '`p` is valid.' });
    assert.equal(s!.inMacroDefinition, false);
  });

  it('classifies unsafe fns by context and reads `# Safety` sections', () => {
    const text = [
      '/// # Safety',
      '/// Call with the lock held.',
      'pub unsafe fn free() {}',
      'struct S;',
      'impl S { unsafe fn inherent(&self) {} }',
      'trait T { unsafe fn declared(&self); }',
      'impl T for S { unsafe fn declared(&self) {} }',
      'extern "C" { fn c_fn(); }',
    ].join('\n');
    const fns = sites(text).filter((s) => s.kind === 'fn');
    assert.deepEqual(fns.map((s) => [s.name, s.fnContext]), [
      ['free', 'free'], ['inherent', 'inherent'], ['declared', 'trait'], ['declared', 'trait-impl'], ['c_fn', 'extern'],
    ]);
    assert.deepEqual(fns[0]!.documentation, { kind: 'doc-section', span: { start: 0, end: 42 }, text: 'Call with the lock held.' });
    assert.equal(slice(text, fns[0]!.reportSpan), 'pub unsafe fn free()');
  });

  it('gives an unsafe fn its body block, and none to a signature or a foreign fn', () => {
    const text = 'pub unsafe fn free(p: *const u8) -> u8 {\n    unsafe { *p }\n}\ntrait T {\n    unsafe fn declared(&self);\n}\nunsafe extern "C" {\n    fn c_side();\n}\n';
    const fns = sites(text).filter((s) => s.kind === 'fn');
    assert.deepEqual(fns.map((s) => [s.name, s.body && slice(text, s.body)]), [
      ['free', '{\n    unsafe { *p }\n}'],
      ['declared', undefined],
      ['c_side', undefined],
    ]);
  });

  it('names unsafe impls and traits', () => {
    const text = 'pub unsafe trait Pod {}\nunsafe impl Pod for u32 {}\n';
    assert.deepEqual(sites(text).map((s) => [s.kind, s.name, slice(text, s.reportSpan)]), [
      ['trait', 'Pod', 'pub unsafe trait Pod'],
      ['impl', 'Pod for u32', 'unsafe impl Pod for u32 {}'],
    ]);
  });

  it('handles `unsafe extern` blocks that tree-sitter-rust 0.24 cannot parse', () => {
    const text = '// SAFETY: the C side matches.\nunsafe extern "C" {\n    fn strlen(p: *const u8) -> usize;\n    safe fn abs(x: i32) -> i32;\n}\n';
    const all = sites(text);
    assert.deepEqual(all.map((s) => [s.kind, s.name ?? '', s.fnContext ?? '']), [
      ['extern-block', '', ''],
      ['fn', 'strlen', 'extern'],
    ]);
    assert.equal(slice(text, all[0]!.keyword), 'unsafe');
    assert.equal(slice(text, all[0]!.reportSpan), 'unsafe extern "C" {');
    assert.equal(all[0]!.documentation?.text, 'the C side matches.');
  });

  it('finds unsafe attributes and their comment', () => {
    const text = '// SAFETY: unique symbol.\n#[unsafe(no_mangle)]\npub extern "C" fn f() {}\n';
    const [s] = sites(text);
    assert.equal(s!.kind, 'attribute');
    assert.equal(slice(text, s!.keyword), 'unsafe');
    assert.equal(s!.documentation?.text, 'unique symbol.');
  });

  it('scans token trees of macro definitions and invocations', () => {
    const text = [
      'macro_rules! m {',
      '    () => {',
      '        // SAFETY: fine.',
      '        unsafe { 1 }',
      '    };',
      '}',
      'macro_rules! i { ($t:ty) => { unsafe impl Send for $t {} }; }',
      'fn f() {',
      '    g!(unsafe { 2 });',
      '    // SAFETY: documented argument.',
      '    g!(unsafe { 3 });',
      '}',
    ].join('\n');
    assert.deepEqual(sites(text).map((s) => [s.kind, s.inMacroDefinition, s.inMacroInvocation, s.documentation?.text ?? null]), [
      ['block', true, false, 'fine.'],
      ['impl', true, false, null],
      ['block', false, true, null],
      ['block', false, true, 'documented argument.'],
    ]);
  });
});
