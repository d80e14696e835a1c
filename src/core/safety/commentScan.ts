/**
 * The upward line scan clippy uses to decide whether the lines just above a span hold a SAFETY
 * comment. It is deliberately textual (clippy looks at source lines, not at the syntax tree), so
 * it is reproduced line for line here:
 * - blank lines are skipped everywhere;
 * - a group of `//` lines (doc lines too) counts when any line contains `SAFETY:` in any case,
 *   unless that line sits inside a ``` code block of a doc comment;
 * - otherwise the nearest line starting with `/*` counts when its comment contains `SAFETY:` and
 *   only whitespace follows it up to the scanned line;
 * - lines holding only attributes are stepped over when comments above attributes are accepted;
 *   an attribute followed by a lone SAFETY comment on the same line counts as that comment.
 */
import { Recent } from '../recent';
import type { LineIndex } from '../positions';
import { firstAtLeast } from '../sortedSearch';
import { markerOffsets } from './textMatches';

export interface ScanRange {
  /** Lowest 0-based line that may hold the comment. */
  readonly fromLine: number;
  /** 0-based line of the construct; the scan looks at the lines above it. */
  readonly toLine: number;
}

export interface FoundComment {
  /** UTF-16 offset of the first non-blank character of the line that holds `SAFETY:`. */
  readonly markerLineStart: number;
  /** The comment lines from that line down to the last comment line above the construct. */
  readonly start: number;
  readonly end: number;
}

const MARKER = 'SAFETY:';

/** ASCII-only upper-casing, as clippy's `to_ascii_uppercase`. */
export function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/**
 * `asciiUpper(s).includes('SAFETY:')`, without building the upper-cased copy: a non-unicode `i`
 * regex folds exactly the ASCII letters (ECMAScript never folds a non-ASCII character into ASCII
 * there, so `ſ` stays apart from `s`, as in asciiUpper).
 */
export function hasMarker(s: string): boolean {
  return MARKER_ANY_CASE.test(s);
}

const MARKER_ANY_CASE = new RegExp(MARKER, 'i');

interface Line {
  readonly line: number;
  /** Offset of the first non-blank character. */
  readonly start: number;
  readonly text: string;
}

/**
 * Strips attributes (`#[..]`, `#![..]`) from the start of `text`; undefined when it does not
 * start with one or an attribute does not close on this line.
 */
export function stripLeadingAttributes(text: string): string | undefined {
  let rest = text;
  let stripped = false;
  for (;;) {
    const m = /^#!?\s*\[/.exec(rest);
    if (!m) break;
    const close = matchingBracket(rest, m[0].length - 1);
    if (close < 0) return undefined;
    rest = rest.slice(close + 1).trimStart();
    stripped = true;
  }
  return stripped ? rest : undefined;
}

/** Index of the `]` closing the `[` at `open`, skipping string and char literals; -1 if none. */
export function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') {
      depth--;
      if (depth === 0) return c === ']' ? i : -1;
    }
  }
  return -1;
}

/** Length of the (nested) block comment starting at `from`, or -1 when it is not closed. */
export function blockCommentLength(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1 - from;
    }
  }
  return -1;
}

/**
 * The first comment on a line of code (skipping string, char and raw string literals), or
 * undefined. Returns the comment's text and its offset in `line`.
 */
export function firstComment(line: string): { text: string; at: number } | undefined {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '/' && line[i + 1] === '/') return { text: line.slice(i), at: i };
    if (c === '/' && line[i + 1] === '*') {
      const len = blockCommentLength(line, i);
      return { text: len < 0 ? line.slice(i) : line.slice(i, i + len), at: i };
    }
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    } else if (c === 'r' && /^r#*"/.test(line.slice(i)) && !/\w/.test(line[i - 1] ?? ' ')) {
      const hashes = /^r(#*)"/.exec(line.slice(i))![1]!;
      const close = line.indexOf(`"${hashes}`, i + hashes.length + 2);
      i = close < 0 ? line.length : close + hashes.length;
    } else if (c === "'") {
      // A char literal ('x', '\n', '\u{..}'); a lifetime has no closing quote nearby.
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]*\}|x[0-9a-fA-F]{2}|.)|[^\\'])'/u.exec(line.slice(i));
      if (m) i += m[0].length - 1;
    }
  }
  return undefined;
}

/** A doc comment (`///`, `//!`, block doc comments) rather than a plain one. */
function isDocComment(comment: string): boolean {
  return /^\/\/(\/(?!\/)|!)/.test(comment) || /^\/\*(\*(?![*/])|!)/.test(comment);
}

/** The non-blank lines from just above `toLine` up to `fromLine`, nearest first (a plain object: this runs per statement). */
class UpwardLines {
  private line: number;
  private readonly last: number;

  constructor(private readonly lines: LineIndex, toLine: number, fromLine: number) {
    this.line = toLine - 1;
    this.last = Math.max(0, fromLine);
  }

  next(): Line | undefined {
    while (this.line >= this.last) {
      const l = this.line--;
      const raw = this.lines.lineText(l);
      const trimmed = raw.trimStart();
      if (trimmed === '') continue;
      return { line: l, start: this.lines.lineStart(l) + (raw.length - trimmed.length), text: trimmed.trimEnd() };
    }
    return undefined;
  }
}

/**
 * Looks for a SAFETY comment on the lines directly above `range.toLine`, never above
 * `range.fromLine`. Returns where it is, or undefined.
 */
export function findSafetyComment(
  lines: LineIndex,
  range: ScanRange,
  acceptAttributes: boolean,
): FoundComment | undefined {
  if (range.toLine <= range.fromLine) return undefined;
  const it = new UpwardLines(lines, range.toLine, range.fromLine);
  let lastCommentLine = -1;
  let inCodeBlock = false;
  let group = false;
  for (let line = it.next(); line; line = it.next()) {
    const rest = stripLeadingAttributes(line.text);
    if (rest === '') {
      if (acceptAttributes) continue;
      return undefined;
    }
    if (lastCommentLine < 0) lastCommentLine = line.line;
    if (rest !== undefined) {
      // An attribute followed by more on its line: only a SAFETY comment right after it counts.
      const c = firstComment(rest);
      return c && hasMarker(c.text) ? { markerLineStart: line.start, start: line.start, end: lines.lineEnd(lastCommentLine) } : undefined;
    }
    if (group || line.text.startsWith('//')) {
      if (!line.text.startsWith('//')) return undefined;
      group = true;
      if (line.text.replace(/^\/+/, '').trimStart().startsWith('```')) inCodeBlock = !inCodeBlock;
      if (hasMarker(line.text) && !inCodeBlock) return { markerLineStart: line.start, start: line.start, end: lines.lineEnd(commentRunEnd(lines, line.line, lastCommentLine)) };
      continue;
    }
    // The line directly above is code (or starts with a block comment): its first comment counts.
    const c = firstComment(line.text);
    if (c && hasMarker(c.text)) {
      const start = line.start + c.at;
      return { markerLineStart: start, start, end: start + c.text.length };
    }
    return blockCommentAbove(lines, it, line, range.toLine);
  }
  return undefined;
}

/**
 * Last line of the comment that starts on `markerLine`: the following `//` lines of the same
 * kind (plain or doc), up to `limit`; a doc comment or a blank line belongs to something else.
 */
function commentRunEnd(lines: LineIndex, markerLine: number, limit: number): number {
  const kind = (t: string): string => (/^\/\/(\/(?!\/)|!)/.test(t) ? 'doc' : 'plain');
  const first = kind(lines.lineText(markerLine).trim());
  let end = markerLine;
  for (let l = markerLine + 1; l <= limit; l++) {
    const t = lines.lineText(l).trim();
    if (!t.startsWith('//') || kind(t) !== first) break;
    end = l;
  }
  return end;
}

/** The nearest line starting a block comment, which must contain SAFETY and be followed by blanks only. */
function blockCommentAbove(lines: LineIndex, it: UpwardLines, first: Line, toLine: number): FoundComment | undefined {
  const text = lines.text;
  // Only blank space may follow the comment, so the text above must end with `*/`; checking
  // that first avoids walking up a whole file of code for every statement.
  let last = lines.lineStart(toLine) - 1;
  while (last > 0 && /\s/.test(text[last]!)) last--;
  if (text[last] !== '/' || text[last - 1] !== '*') return undefined;
  for (let line: Line | undefined = first; line; ) {
    if (line.text.startsWith('/*')) {
      const limit = lines.lineStart(toLine);
      const len = blockCommentLength(text.slice(0, limit), line.start);
      if (len < 0) return undefined;
      const comment = text.slice(line.start, line.start + len);
      if (!hasMarker(comment) || text.slice(line.start + len, limit).trim() !== '') return undefined;
      return { markerLineStart: line.start, start: line.start, end: line.start + len };
    }
    line = it.next();
  }
  return undefined;
}

/** clippy also accepts a SAFETY comment as the first thing inside an unsafe block's braces. */
export function commentInsideBlock(text: string, openBrace: number): FoundComment | undefined {
  let i = openBrace + 1;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const rest = text.slice(i, i + 2);
  if (rest !== '//' && rest !== '/*') return undefined;
  let end: number;
  if (rest === '//') {
    const nl = text.slice(i).search(/\r?\n|\r/);
    end = nl < 0 ? text.length : i + nl;
  } else {
    const len = blockCommentLength(text, i);
    end = len < 0 ? text.length : i + len;
  }
  const comment = text.slice(i, end);
  if (isDocComment(comment) || !hasMarker(comment)) return undefined;
  return { markerLineStart: i, start: i, end };
}

// Lines holding the marker, per text: a scan can only find a comment where one of them lies.
const markerLineCache = new Recent<LineIndex, Int32Array>(2);

/**
 * Whether any line from `fromLine` to `toLine` (0-based, inclusive) contains `SAFETY:` in any
 * ASCII case. Every comment findSafetyComment returns has the marker on one of its lines, so a
 * range without one needs no scan.
 */
export function markerBetween(lines: LineIndex, fromLine: number, toLine: number): boolean {
  let found = markerLineCache.get(lines);
  if (!found) {
    // Non-unicode `i` folds only ASCII letters there, exactly as asciiUpper does.
    found = Int32Array.from(markerOffsets(lines.text), (at) => lines.lineOf(at));
    markerLineCache.set(lines, found);
  }
  const first = firstAtLeast(found, fromLine);
  return first < found.length && found[first]! <= toLine;
}
