/**
 * The edit that removes one name from a `#![feature(...)]`: the name and one adjacent comma when
 * the list holds others; when it is the last name, the list's `feature(...)` item inside a
 * `cfg_attr` that applies other attributes, or else the whole attribute (with its line when
 * nothing else is on it).
 */
import type { TextEdit } from '../findings';
import type { Gate } from './types';

const BLANK = /^[ \t]*$/;

function wholeAttribute(gate: Gate, text: string): TextEdit {
  const { start, end } = gate.attribute;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  if (BLANK.test(text.slice(lineStart, start)) && BLANK.test(text.slice(end, lineEnd).replace(/\r$/, ''))) {
    return { span: { start: lineStart, end: nl < 0 ? text.length : nl + 1 }, newText: '' };
  }
  return { span: { start, end }, newText: '' };
}

/** Skips whitespace and comments forward from `i`. */
function skipTrivia(text: string, i: number, limit: number): number {
  for (;;) {
    while (i < limit && /\s/.test(text[i]!)) i++;
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > limit) return i;
      i = close + 2;
    } else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl > limit) return i;
      i = nl + 1;
    } else return i;
  }
}

export function gateRemovalEdit(gate: Gate, text: string): TextEdit {
  if (gate.siblings <= 1) return gate.listRemoval ? { span: gate.listRemoval, newText: '' } : wholeAttribute(gate, text);
  const listEnd = gate.featureList.end;
  if (gate.index < gate.siblings - 1) {
    // `a, b` -> `b`: the name, its comma, and the space up to the next name.
    let end = skipTrivia(text, gate.span.end, listEnd);
    if (text[end] === ',') end++;
    const lineStart = text.lastIndexOf('\n', gate.span.start - 1) + 1;
    const nl = text.indexOf('\n', end);
    // One name per line: take the whole line so no blank indentation is left behind.
    if (nl >= 0 && nl < listEnd && BLANK.test(text.slice(lineStart, gate.span.start)) && BLANK.test(text.slice(end, nl).replace(/\r$/, ''))) {
      return { span: { start: lineStart, end: nl + 1 }, newText: '' };
    }
    while (end < listEnd && /[ \t]/.test(text[end]!)) end++;
    return { span: { start: gate.span.start, end }, newText: '' };
  }
  // The last of several: take the comma before it instead.
  let p = gate.span.start - 1;
  while (p > gate.featureList.start && /\s/.test(text[p]!)) p--;
  const start = text[p] === ',' ? p : gate.span.start;
  return { span: { start, end: gate.span.end }, newText: '' };
}

/** Applies non-overlapping edits to `text` (for tests and the CLI's --fix-like previews). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
