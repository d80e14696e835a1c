/**
 * The Rust sources the server tests open. Multi-byte text (é, CJK, emoji: one, one and two UTF-16
 * units) sits before the constructs so every range checks UTF-16 counting.
 */

/** Feature gates of every status, an undocumented unsafe fn and an unjustified unsafe block. */
export const GATES_AND_UNSAFE = [
  '//! é 日本 😀 crate docs',
  '#![feature(let_chains, allocator_api)]',
  '#![feature(generic_const_exprs)]',
  '#![feature(no_such_feature_xyz)]',
  '',
  '/// Reads a byte.',
  'pub unsafe fn read_it(p: *const u8) -> u8 {',
  '    // SAFETY: the caller guarantees that `p` is valid.',
  '    unsafe { *p }',
  '}',
  '',
  'fn main() {',
  '    let v = 1u8;',
  '    let _x = /* 日本😀 */ unsafe { read_it(&v) };',
  '}',
  '',
].join('\n');

/** One unsafe block and nothing else that RFL Lens reports. */
export const ONE_UNSAFE_BLOCK = ['// é😀', 'fn main() {', '    let v = 1u8;', '    let _x = unsafe { *(&v as *const u8) };', '}', ''].join('\n');

/** A block preceded by a SAFETY comment above the enclosing statement, as clippy accepts by default. */
export const COMMENT_ABOVE_STATEMENT = [
  'fn main() {',
  '    let v = 1u8;',
  '    // SAFETY: `v` is a live local.',
  '    let _x =',
  '        unsafe { *(&v as *const u8) };',
  '}',
  '',
].join('\n');

/** A Rust file of exactly `lines` lines (plus the final line break) with gates, comments and one unsafe block. */
export function largeSource(lines: number): string {
  const tail = ['fn main() {', '    let v = 1u8;', '    let _x = unsafe { *(&v as *const u8) };', '}'];
  const out = ['//! A large file. é 日本 😀', '#![feature(let_chains, allocator_api)]', ''];
  for (let i = 0; out.length + 7 <= lines - tail.length; i++) {
    out.push(`/// Function ${i}.`, `pub fn f${i}(x: u32) -> u32 {`, `    // Adds ${i}; é 日本.`, `    let y = x.wrapping_add(${i});`, '    y', '}', '');
  }
  while (out.length < lines - tail.length) out.push('');
  return `${[...out, ...tail].join('\n')}\n`;
}
