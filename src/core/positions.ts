/**
 * The one place that converts between the position systems RFL Lens meets:
 * - offsets: UTF-16 code units into the JS string. This is what web-tree-sitter reports
 *   (`startIndex`), what LSP ranges are made of, and what every `Span` in src/core holds.
 * - LSP positions: 0-based line, 0-based UTF-16 character.
 * - rustc/CLI positions: 1-based line, 1-based column counted in Unicode code points.
 * - UTF-8 byte offsets: what rustc's JSON diagnostics and on-disk files use.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in the LSP specification.
 */

export interface Span {
  /** UTF-16 offset of the first code unit. */
  readonly start: number;
  /** UTF-16 offset one past the last code unit. */
  readonly end: number;
}

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

/** 1-based line and 1-based code-point column, as rustc prints them. */
export interface RustcPosition {
  readonly line: number;
  readonly column: number;
}

/** Line starts of text with `\n` breaks only: indexOf is native and far faster than a char loop. */
function lineStartsLf(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}

/** Line starts when `\r\n` or a lone `\r` may break lines. */
function lineStartsWithCr(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Line starts of a text known to have no `\r` (not exported: only LineIndex.afterEdit makes them). */
class KnownLfStarts {
  constructor(readonly starts: readonly number[]) {}
}

export class LineIndex {
  /** UTF-16 offset at which each line starts; always begins with 0. */
  readonly lineStarts: readonly number[];

  /** Whether the text has a `\r` (then line breaks are not just `\n`). */
  private readonly hasCr: boolean;

  constructor(
    readonly text: string,
    /** Line starts afterEdit worked out for a text without `\r`; only it can make one. */
    known?: KnownLfStarts,
  ) {
    this.hasCr = known ? false : text.includes('\r');
    this.lineStarts = known?.starts ?? (this.hasCr ? lineStartsWithCr(text) : lineStartsLf(text));
  }

  /**
   * The index of `text`, which is this index's text with [start, oldEnd) replaced by `inserted`.
   * When no `\r` is involved only the line starts after the edit move, which on a large file is
   * much cheaper than indexing the new text (a keystroke's cost); otherwise the text is indexed.
   */
  afterEdit(text: string, start: number, oldEnd: number, inserted: string): LineIndex {
    if (this.hasCr || inserted.includes('\r')) return new LineIndex(text);
    const old = this.lineStarts;
    const delta = inserted.length - (oldEnd - start);
    // Line starts up to `start` stay; those whose `\n` was removed go; later ones shift.
    const keep = this.lineOf(start) + 1;
    if ((old[keep] === undefined || old[keep]! > oldEnd) && !inserted.includes('\n')) {
      // No line break removed or inserted (a keystroke, mostly): one copy of the right size, the
      // later starts shifted; building it by pushes would allocate about twice as much.
      const same = old.slice();
      if (delta !== 0) for (let i = keep; i < same.length; i++) same[i]! += delta;
      return new LineIndex(text, new KnownLfStarts(same));
    }
    const starts = old.slice(0, keep);
    for (let nl = inserted.indexOf('\n'); nl >= 0; nl = inserted.indexOf('\n', nl + 1)) starts.push(start + nl + 1);
    let from = keep;
    while (from < old.length && old[from]! <= oldEnd) from++;
    for (let i = from; i < old.length; i++) starts.push(old[i]! + delta);
    return new LineIndex(text, new KnownLfStarts(starts));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing `offset` (clamped into the text). */
  lineOf(offset: number): number {
    const o = clamp(offset, 0, this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** UTF-16 offset where `line` starts (clamped). */
  lineStart(line: number): number {
    return this.lineStarts[clamp(line, 0, this.lineStarts.length - 1)]!;
  }

  /** UTF-16 offset of the end of `line`'s content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStarts[line]!);
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): LspPosition {
    const o = clamp(offset, 0, this.text.length);
    const line = this.lineOf(o);
    return { line, character: o - this.lineStarts[line]! };
  }

  /** UTF-16 offset of an LSP position; characters past the line end clamp to it. */
  offsetAt(pos: LspPosition): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line]!;
    return clamp(start + pos.character, start, this.lineEnd(pos.line));
  }

  rangeOf(span: Span): LspRange {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: LspRange): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** 1-based line and code-point column, as rustc and the CLI print them. */
  rustcPositionAt(offset: number): RustcPosition {
    const o = clamp(offset, 0, this.text.length);
    const line = this.lineOf(o);
    return { line: line + 1, column: codePointCount(this.text, this.lineStarts[line]!, o) + 1 };
  }

  /** UTF-16 offset of a rustc position (1-based line, 1-based code-point column). */
  offsetAtRustc(pos: RustcPosition): number {
    const line = clamp(pos.line - 1, 0, this.lineStarts.length - 1);
    const start = this.lineStarts[line]!;
    const end = this.lineEnd(line);
    let o = start;
    for (let col = 1; col < pos.column && o < end; col++) o += isHighSurrogateAt(this.text, o) ? 2 : 1;
    return o;
  }

  /** UTF-8 byte offset of a UTF-16 offset. */
  byteOffsetAt(offset: number): number {
    return utf8Length(this.text, 0, clamp(offset, 0, this.text.length));
  }

  /** UTF-16 offset of a UTF-8 byte offset (a byte inside a character maps to that character). */
  offsetAtByte(byte: number): number {
    let bytes = 0;
    let i = 0;
    while (i < this.text.length) {
      const step = isHighSurrogateAt(this.text, i) ? 2 : 1;
      const size = utf8Length(this.text, i, i + step);
      if (bytes + size > byte) return i;
      bytes += size;
      i += step;
    }
    return this.text.length;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function isHighSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Code points in text[from, to). A lone surrogate counts as one. */
export function codePointCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    n++;
    if (isHighSurrogateAt(text, i) && i + 1 < to) i++;
  }
  return n;
}

/** UTF-8 length of text[from, to). Lone surrogates count as U+FFFD (3 bytes), as TextEncoder writes them. */
export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogateAt(text, i) && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
