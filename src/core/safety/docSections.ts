/**
 * Doc comments of an item and the `# Safety` section clippy looks for. clippy renders the docs
 * with a Markdown parser and accepts a heading whose text is exactly `Safety`, `SAFETY`,
 * `Implementation safety` or `Implementation Safety` (any level, ATX or setext), outside code
 * blocks. This is a small line-based reading of the same Markdown rules.
 */
import type { SyntaxNode } from '../parser';
import type { Span } from '../positions';
import { outerAttributes, outerDocComments } from './syntax';

export interface DocLine {
  /** The line's Markdown text (marker and common indentation removed). */
  readonly text: string;
  /** Where the source line (comment or attribute) sits. */
  readonly span: Span;
}

export interface ItemDocs {
  readonly lines: readonly DocLine[];
  /** `#[doc(hidden)]` is present (clippy then skips the doc lints for the item). */
  readonly hidden: boolean;
}

export interface SafetySection {
  readonly heading: Span;
  /** Heading through the last line of the section. */
  readonly span: Span;
  readonly text: string;
}

const SAFETY_HEADINGS: ReadonlySet<string> = new Set(['Safety', 'SAFETY', 'Implementation safety', 'Implementation Safety']);

/** The outer docs of `item`: `///` and block doc comments comments and `#[doc = "..."]` attributes. */
export function itemDocs(item: SyntaxNode): ItemDocs {
  const raw: { text: string; span: Span }[] = [];
  const pieces = [...outerDocComments(item), ...outerAttributes(item)].sort((a, b) => a.startIndex - b.startIndex);
  let hidden = false;
  for (const p of pieces) {
    if (p.type === 'attribute_item') {
      const t = p.text;
      if (/^#\s*\[\s*doc\s*\(\s*hidden\s*\)\s*\]$/.test(t)) hidden = true;
      const m = /^#\s*\[\s*doc\s*=\s*"((?:[^"\\]|\\.)*)"\s*\]$/.exec(t);
      if (m) for (const l of unescape(m[1]!).split('\n')) raw.push({ text: l, span: { start: p.startIndex, end: p.endIndex } });
      continue;
    }
    // The comment's text without its marker: `///` or the block comment's delimiters.
    const full = p.text;
    const span = { start: p.startIndex, end: p.endIndex };
    if (p.type === 'line_comment') raw.push({ text: full.slice(3).replace(/\r?\n$/, ''), span });
    else for (const l of blockDocLines(full.slice(3, full.endsWith('*/') ? -2 : undefined))) raw.push({ text: l, span });
  }
  const indent = Math.min(...raw.filter((r) => r.text.trim() !== '').map((r) => /^[ \t]*/.exec(r.text)![0].length));
  const cut = Number.isFinite(indent) ? indent : 0;
  return { lines: raw.map((r) => ({ text: r.text.slice(Math.min(cut, /^[ \t]*/.exec(r.text)![0].length)), span: r.span })), hidden };
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|"|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Lines of a block doc comments body without the decorative ` * ` column rustc strips. */
function blockDocLines(body: string): string[] {
  const lines = body.split(/\r?\n/);
  if (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length > 0 && lines.every((l) => /^\s*\*/.test(l) || l.trim() === '')) return lines.map((l) => l.replace(/^\s*\*/, ''));
  return lines;
}

interface Heading {
  readonly index: number;
  readonly level: number;
  readonly text: string;
  /** Setext headings occupy two lines. */
  readonly lines: number;
}

/** Markdown headings outside code blocks. */
function headings(lines: readonly DocLine[]): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  let prevBlank = true;
  let prevParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(t);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && t.trim() === fenceMatch[1]) fence = undefined;
      prevBlank = false;
      prevParagraph = false;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      prevParagraph = false;
      continue;
    }
    if (t.trim() === '') {
      prevBlank = true;
      prevParagraph = false;
      continue;
    }
    if (/^( {4}|\t)/.test(t) && (prevBlank || !prevParagraph)) {
      prevBlank = false;
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(t);
    if (atx) {
      out.push({ index: i, level: atx[1]!.length, text: atx[2] ?? '', lines: 1 });
      prevParagraph = false;
      prevBlank = false;
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(t);
    if (setext && prevParagraph && out[out.length - 1]?.index !== i - 1) {
      out.push({ index: i - 1, level: setext[1]![0] === '=' ? 1 : 2, text: lines[i - 1]!.text.trim(), lines: 2 });
      prevParagraph = false;
      prevBlank = false;
      continue;
    }
    prevParagraph = true;
    prevBlank = false;
  }
  return out;
}

/** Text pieces of a heading as the Markdown parser would emit them, emphasis markers removed. */
function headingTexts(text: string): string[] {
  if (text.includes('`')) return text.split(/`[^`]*`/).map((t) => t.trim());
  return [text.replace(/^([*_]+)(.*?)\1$/, '$2').trim()];
}

/**
 * The `# Safety` section of an item's docs, if any. Each heading that counts spells "safety",
 * so docs that never do (most) are not read line by line.
 */
export function itemSafetySection(item: SyntaxNode): SafetySection | undefined {
  const mentions = (p: { readonly text: string }): boolean => /safety/i.test(p.text);
  if (!outerDocComments(item).some(mentions) && !outerAttributes(item).some(mentions)) return undefined;
  return findSafetySection(itemDocs(item));
}

/** The `# Safety` section of the docs, if any. */
export function findSafetySection(docs: ItemDocs): SafetySection | undefined {
  const hs = headings(docs.lines);
  for (let k = 0; k < hs.length; k++) {
    const h = hs[k]!;
    if (!headingTexts(h.text).some((t) => SAFETY_HEADINGS.has(t))) continue;
    const next = hs.slice(k + 1).find((o) => o.level <= h.level);
    const last = (next ? next.index : docs.lines.length) - 1;
    const bodyLines = docs.lines.slice(h.index + h.lines, last + 1).map((l) => l.text);
    const first = docs.lines[h.index]!;
    const end = docs.lines[Math.max(last, h.index + h.lines - 1)]!;
    return {
      heading: first.span,
      span: { start: first.span.start, end: end.span.end },
      text: bodyLines.join('\n').trim(),
    };
  }
  return undefined;
}
