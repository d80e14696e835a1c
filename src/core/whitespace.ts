/**
 * White space as JavaScript's `\s` and `String.prototype.trim` see it (the same set): ASCII
 * blanks, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
 * Read by code unit, so a scan needs no slice or regex per character.
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Space, tab, line feed or carriage return: the blanks the syntax helpers step over between
 * tokens. Narrower than isWhiteSpace; a scan that meets other white space stops there and its
 * caller takes the slower way (a question to the tree).
 */
export function isBlankOrLineBreak(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
