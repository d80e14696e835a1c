/**
 * tree-sitter-rust 0.24 does not know `unsafe extern "C" { ... }` (nor `safe fn` inside it) and
 * turns the block into ERROR nodes with its items spilled around them. When that happens the
 * SAFETY analysis reads a second tree parsed from a copy of the text in which those keywords are
 * blanked out with spaces: every offset stays the same, and the block parses as a plain
 * `extern` block. The blanked `unsafe` keywords are remembered so the inventory can still report
 * the `unsafe extern` block.
 */
import { Parser, type Tree } from 'web-tree-sitter';
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { Span } from '../positions';
import { rememberTreeText } from './syntax';

export interface SafetyTree {
  readonly root: SyntaxNode;
  /** `unsafe` keywords of `unsafe extern` blocks that were blanked in `root`'s text. */
  readonly unsafeExternKeywords: readonly Span[];
}

const UNSAFE_EXTERN = /\bunsafe(\s+extern\b(?:\s*"[^"]*")?\s*\{)/g;

interface CacheEntry {
  readonly text: string;
  readonly tree: Tree;
  /** The text `tree` was parsed from (`text` with the keywords blanked). */
  readonly masked: string;
  readonly keywords: Span[];
}

// A few recent masked trees: inventory and rules read the same document back to back. Evicted
// trees are deleted because wasm memory is not garbage-collected.
const cache: CacheEntry[] = [];
/** The last text found to have no `unsafe extern` block to mask (the document's tree is read). */
let lastUnmasked: string | undefined;
const CACHE_SIZE = 4;
let parser: Parser | undefined;

export function safetyTree(doc: ParsedDocument): SafetyTree {
  const root = doc.root;
  rememberTreeText(doc.tree, doc.text);
  if (!root.hasError || !doc.text.includes('extern')) return { root, unsafeExternKeywords: [] };
  // Remembered even when nothing is masked (incremental analysis asks once per changed item),
  // but only the last such text: each one held is a whole version of a document being typed in.
  if (lastUnmasked === doc.text) return { root, unsafeExternKeywords: [] };
  const hit = cache.find((e) => e.text === doc.text);
  if (hit) {
    rememberTreeText(hit.tree, hit.masked);
    return { root: hit.tree.rootNode, unsafeExternKeywords: hit.keywords };
  }

  const text = doc.text;
  const keywords: Span[] = [];
  const blanks: Span[] = [];
  for (const m of text.matchAll(UNSAFE_EXTERN)) {
    const at = m.index;
    const token = root.descendantForIndex(at, at + 6);
    if (!token || token.type !== 'unsafe') continue;
    keywords.push({ start: at, end: at + 6 });
    blanks.push({ start: at, end: at + 6 });
    safeItems(text, at + m[0].length, blanks);
  }
  // Most broken trees have no `unsafe extern` block: no copy of the text is made for them.
  let masked = '';
  if (keywords.length > 0) {
    let from = 0;
    for (const b of blanks.sort((x, y) => x.start - y.start)) {
      if (b.start < from) continue;
      masked += text.slice(from, b.start) + ' '.repeat(b.end - b.start);
      from = b.end;
    }
    masked += text.slice(from);
  }
  let tree: Tree | undefined;
  if (keywords.length > 0) {
    parser ??= new Parser();
    parser.setLanguage(doc.tree.language);
    tree = parser.parse(masked) ?? undefined;
    if (tree) rememberTreeText(tree, masked);
  }
  if (!tree) {
    lastUnmasked = text;
    return { root, unsafeExternKeywords: [] };
  }
  cache.push({ text, tree, masked, keywords });
  if (cache.length > CACHE_SIZE) cache.shift()!.tree.delete();
  return { root: tree.rootNode, unsafeExternKeywords: keywords };
}

/** The `safe` keywords before `fn`/`static` up to the `}` that closes the block opened before `from`. */
function safeItems(text: string, from: number, out: Span[]): void {
  let depth = 1;
  for (let i = from; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === 's' && /^safe\s+(fn|static)\b/.test(text.slice(i, i + 12)) && !/\w/.test(text[i - 1] ?? ' ')) {
      out.push({ start: i, end: i + 4 });
    }
  }
}
