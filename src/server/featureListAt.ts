/**
 * Where a feature name is being typed: inside `feature(` of an inner attribute (`#![feature(...)]`,
 * also nested in `cfg_attr`). Works on the text, not the tree, because while the user types the
 * attribute is usually unfinished and tree-sitter sees an ERROR node.
 */
import type { Span } from '../core/positions';

/** How far back a feature list may start; kernel gate lists are one line, a long one a few dozen. */
const LOOKBACK = 4000;
const IDENT = /[A-Za-z0-9_]/;

export interface FeatureListContext {
  /** The (partial) name under the cursor. */
  readonly word: Span;
  /** Names already in the list, not offered again. */
  readonly present: ReadonlySet<string>;
}

/** Whether `offset` is where a feature name goes: inside `feature(` of an inner attribute. */
export function featureListAt(text: string, offset: number): FeatureListContext | null {
  const from = Math.max(0, offset - LOOKBACK);
  const attr = text.lastIndexOf('#![', offset);
  if (attr < from) return null;
  const lineStart = Math.max(text.lastIndexOf('\n', attr), text.lastIndexOf('\r', attr)) + 1;
  if (text.slice(lineStart, attr).trim() !== '') return null; // e.g. inside a comment or string
  const segment = text.slice(attr + 3, offset);
  if (segment.includes(']')) return null;
  const open: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '(') open.push(i);
    else if (segment[i] === ')' && open.pop() === undefined) return null;
  }
  const paren = open.at(-1);
  if (paren === undefined) return null;
  const before = segment.slice(0, paren).trimEnd();
  const m = /(^|[\s(,])feature$/.exec(before);
  if (!m) return null;

  let start = offset;
  while (start > 0 && IDENT.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && IDENT.test(text[end]!)) end++;
  const listStart = attr + 3 + paren + 1;
  const close = text.slice(listStart).search(/[)\]]/);
  const listText = close < 0 ? text.slice(listStart, end) : text.slice(listStart, listStart + close);
  const current = text.slice(start, end);
  const present = new Set(
    listText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== current),
  );
  return { word: { start, end }, present };
}

