/**
 * The nodes the SAFETY analysis visits, found from the text instead of a search through the
 * whole tree. Such a search, even inside the parser, costs about a quarter of the parse itself,
 * while everything the rules look at is marked in the text: an `unsafe` keyword for the
 * inventory, a `SAFETY:` comment for unnecessary comments, the word "safety" in the docs for
 * unnecessary `# Safety` sections. So the tree is entered only where the text points, and each
 * function below returns a superset of the nodes that can matter (the rules then apply the same
 * checks as before to each one).
 */
import type { TreeCursor } from 'web-tree-sitter';
import type { SyntaxNode } from '../parser';
import type { LineIndex, Span } from '../positions';
import { firstAtLeast } from '../sortedSearch';
import { isBlankOrLineBreak } from '../whitespace';
import { sourceText } from './syntax';
import { wordOffsets } from './textMatches';
import { pathFromRoot, pathToLineStart, pathToOffset, typeOf } from './treeIndex';

let reference = false;

/**
 * Switches the analysis to the whole-tree search these functions replace. Tests run both and
 * require the same results; the whole-tree search also stays the fallback for texts the line
 * arithmetic here does not cover (a lone `\r`, lines nested too deep).
 */
export function useWholeTreeSearch(on: boolean): void {
  reference = on;
}

export function wholeTreeSearch(): boolean {
  return reference;
}

/** Incremental analysis: only nodes starting inside one of `scope` and outside every `skip` span. */
export interface Restriction {
  readonly scope?: readonly SyntaxNode[];
  readonly skip?: readonly Span[];
}

/** Whether an offset is where a restricted analysis looks (always, without a restriction). */
export function restrictionTest(r: Restriction): (start: number) => boolean {
  const { scope, skip } = r;
  if (!scope && !skip?.length) return () => true;
  return (start) =>
    (!scope || scope.some((top) => start >= top.startIndex && start < top.endIndex)) &&
    !(skip ?? []).some((s) => start >= s.start && start < s.end);
}

/**
 * The path to the token at `offset` found from the token itself: for a `root` that is not its
 * tree's root, and for paths longer than `maxDepth` (undefined), where pathToOffset says nothing.
 */
function pathFromLeaf(root: SyntaxNode, offset: number, maxDepth: number): readonly SyntaxNode[] | undefined {
  const leaf = root.descendantForIndex(offset, offset + 1);
  return leaf ? pathFromRoot(leaf, maxDepth) : undefined;
}

/** Document order: by start, outer before inner. */
function documentOrder(nodes: Iterable<SyntaxNode>): SyntaxNode[] {
  const seen = new Map<number, SyntaxNode>();
  for (const n of nodes) if (!seen.has(n.id)) seen.set(n.id, n);
  return [...seen.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/**
 * The inventory's candidates: for every `unsafe` word in `text`, the nearest ancestor of the
 * token there whose type is in `siteTypes`, or the outermost `pruned` ancestor (a macro token
 * tree) when there is one; for every `extern` word, the extern block it opens and the function
 * declarations in it (each one is unsafe to call, whether or not it says so). Candidates more
 * than `maxDepth` levels deep are left out, as the inventory leaves out sites below its bound;
 * their tokens are looked for down to `tokenDepth` levels further (nested macro token trees).
 */
export function unsafeSiteCandidates(
  root: SyntaxNode,
  text: string,
  siteTypes: ReadonlySet<string>,
  pruned: ReadonlySet<string>,
  maxDepth: number,
  restriction: Restriction,
  tokenDepth: number,
): SyntaxNode[] {
  const inScope = restrictionTest(restriction);
  const found: SyntaxNode[] = [];
  const pathAt = (start: number): readonly SyntaxNode[] | undefined => {
    return pathToOffset(root, start, maxDepth + tokenDepth) ?? pathFromLeaf(root, start, maxDepth + tokenDepth);
  };
  // Candidates deeper than `maxDepth` (their index in the path) are left out here, so the
  // inventory needs no depth check of its own.
  const add = (path: readonly SyntaxNode[], i: number): void => {
    if (i <= maxDepth && inScope(path[i]!.startIndex)) found.push(path[i]!);
  };
  for (const at of wordOffsets(text, 'unsafe')) {
    if (!inScope(at)) continue;
    const path = pathAt(at);
    if (!path) continue;
    // One pass down the path: the outermost pruned node decides when there is one, else the
    // deepest site below the root.
    let outer = -1;
    let deepest = -1;
    for (let i = 0; i < path.length; i++) {
      const type = typeOf(path[i]!);
      if (pruned.has(type)) {
        outer = i;
        break;
      }
      if (i >= 1 && siteTypes.has(type)) deepest = i;
    }
    if (outer >= 0) {
      if (siteTypes.has(typeOf(path[outer]!))) add(path, outer);
      continue;
    }
    if (deepest >= 1) add(path, deepest);
  }
  for (const word of wordOffsets(text, 'extern')) {
    if (!inScope(word)) continue;
    const path = pathAt(word);
    // `extern` is the block's first token, or the first of its `extern_modifier`.
    if (!path || path.some((n) => pruned.has(typeOf(n)))) continue;
    const at = path.findIndex((n, i) => i >= path.length - 3 && typeOf(n) === 'foreign_mod_item');
    if (at < 0) continue;
    add(path, at);
    // The declarations are one level further down (body, then item).
    if (at + 2 > maxDepth) continue;
    for (const item of path[at]!.childForFieldName('body')?.namedChildren ?? []) {
      if (item && item.type === 'function_signature_item' && siteTypes.has(item.type) && inScope(item.startIndex)) found.push(item);
    }
  }
  return documentOrder(found);
}

/** What follows `macro_rules` in a definition (`\bmacro_rules\s*!`). */
const BANG = /\s*!/y;

/** The `macro_rules!` definitions in the tree, found from their keyword. */
export function macroDefinitions(root: SyntaxNode, text: string, restriction: Restriction): SyntaxNode[] {
  const inScope = restrictionTest(restriction);
  const found: SyntaxNode[] = [];
  for (const at of wordOffsets(text, 'macro_rules')) {
    BANG.lastIndex = at + 'macro_rules'.length;
    if (!BANG.test(text)) continue;
    const path = pathToOffset(root, at, MAX_LINE_DEPTH) ?? pathFromLeaf(root, at, MAX_LINE_DEPTH);
    const def = path?.slice(-3).find((n) => n.type === 'macro_definition');
    if (def && def.startIndex === at && inScope(def.startIndex)) found.push(def);
  }
  return documentOrder(found);
}

/** Where a trigger occurs in a text (the shared scans of textMatches.ts). */
export type TextOffsets = (text: string) => readonly number[];

function matchOffsets(text: string, trigger: RegExp | TextOffsets): readonly number[] {
  if (typeof trigger === 'function') return trigger(text);
  const re = new RegExp(trigger.source, trigger.flags.includes('g') ? trigger.flags : `${trigger.flags}g`);
  return Array.from(text.matchAll(re), (m) => m.index);
}

/** Lines whose first non-blank text is a comment or an attribute, or that are blank. */
const COMMENT_OR_ATTRIBUTE = /^(\/\/|\/\*|\*|#)/;

function commentLike(lines: LineIndex, line: number): boolean {
  const t = lines.lineText(line).trim();
  return t === '' || COMMENT_OR_ATTRIBUTE.test(t);
}

/** Lines that can carry item docs: doc comments, block doc comment lines, attributes. */
const DOC_LINE = /^(\/\/\/|\/\*\*|\*|#)/;

/**
 * The lines a construct can start on when a comment (or doc text) holding a match of `trigger`
 * is to count as written directly above it: for each line with a match, the following lines
 * down to and including the first one that is neither blank nor a comment or attribute line (or,
 * with `blockComments`, inside the block comment holding the match). The upward scans of
 * commentScan.ts and the doc pre-checks never pass a line of code, so they can only succeed from
 * one of these lines.
 */
export function linesBelowMatches(
  lines: LineIndex,
  trigger: RegExp | TextOffsets,
  options: { readonly matchOnDocLine?: boolean; readonly blockComments?: boolean },
  /** Only matches at these offsets ([start, end), sorted) are followed; see matchesReaching. */
  within?: readonly Span[],
): number[] {
  const text = lines.text;
  const out = new Set<number>();
  const last = lines.lineCount - 1;
  const all = matchOffsets(text, trigger);
  const follow = (at: number): void => {
    const line = lines.lineOf(at);
    if (options.matchOnDocLine && !DOC_LINE.test(lines.lineText(line).trim())) return;
    let commentEnd = line;
    if (options.blockComments) {
      // Not after `//` on its line: the match may sit in a block comment running further down.
      if (text.lastIndexOf('//', at) < lines.lineStart(line)) {
        const close = text.indexOf('*/', at);
        if (close >= 0) commentEnd = lines.lineOf(close);
      }
    }
    for (let l = line + 1; l <= last; l++) {
      // From a line an earlier walk reached, this walk would go on exactly as that one did.
      if (out.has(l) && l > commentEnd) break;
      out.add(l);
      if (l > commentEnd && !commentLike(lines, l)) break;
    }
  };
  if (!within) all.forEach(follow);
  else for (const w of within) for (let i = firstAtLeast(all, w.start); i < all.length && all[i]! < w.end; i++) follow(all[i]!);
  return [...out].sort((a, b) => a - b);
}

/**
 * Offsets of the matches whose walk in linesBelowMatches can reach lines `from` to `to`: those on
 * the lines down to `to` from the first line above `from` that is not comment-like (a walk stops
 * there), or, with block comments, from just after the last `*\/` above that line (a match in a
 * block comment walks on to its end). Matches before are walked too when unsure: extra walks only
 * add lines outside the range.
 */
export function matchesReaching(lines: LineIndex, from: number, to: number, blockComments: boolean): Span {
  const text = lines.text;
  const end = to + 1 < lines.lineCount ? lines.lineStart(to + 1) : text.length;
  let stop = from - 1;
  while (stop >= 0 && commentLike(lines, stop)) stop--;
  if (stop < 0) return { start: 0, end };
  const stopStart = lines.lineStart(stop);
  if (!blockComments || text.indexOf('*/', stopStart) < 0) return { start: stopStart, end };
  return { start: text.lastIndexOf('*/', stopStart - 1) + 1, end };
}

/** Nodes whose direct children are items or statements (ERROR: where recovery left them). */
const CONTAINERS: ReadonlySet<string> = new Set(['source_file', 'declaration_list', 'block', 'ERROR']);

/** A child of a block (a statement, an item, a tail expression) and the block. */
export interface BlockChild {
  readonly block: SyntaxNode;
  readonly child: SyntaxNode;
}

export interface NodesOnLines {
  /** The wanted nodes, in document order. */
  readonly nodes: readonly SyntaxNode[];
  /** Every child of a block starting on one of the lines (whatever its type), in document order. */
  readonly blockChildren: readonly BlockChild[];
}

/** Bounds the walk down to a line's first token; deeper lines make the caller search the whole tree. */
const MAX_LINE_DEPTH = 400;

/**
 * Nodes of a `wanted` type starting on one of `lineNumbers` as children of a container (source
 * file, declaration list, block) that starts on an earlier line, plus the blocks containing
 * those lines, and every child of such a block starting on the lines; nodes inside a `prune`
 * node are left out (a pruned node itself stays when wanted). These are all the nodes a comment or doc section on the lines above can belong to:
 * an item or statement whose container starts on its own line has no line above it to search.
 * Undefined when a line lies too deep in the tree; the caller then searches the whole tree.
 */
export function nodesStartingOnLines(
  root: SyntaxNode,
  lines: LineIndex,
  lineNumbers: readonly number[],
  wanted: ReadonlySet<string>,
  prune: ReadonlySet<string> | undefined,
): NodesOnLines | undefined {
  // The tree's own text: where `unsafe extern` was blanked, a line's first token is `extern`.
  const text = sourceText(root) ?? lines.text;
  const out: SyntaxNode[] = [];
  const blockChildren: BlockChild[] = [];
  let cursor: TreeCursor | undefined;
  try {
    for (const line of lineNumbers) {
      const lineStart = lines.lineStart(line);
      const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
      let first = lineStart;
      while (first < lineEnd && (text[first] === ' ' || text[first] === '\t')) first++;
      // Nothing starts on a blank line, and only a comment on a `//` line.
      if (first >= lineEnd || text[first] === '\n' || text[first] === '\r' || text.startsWith('//', first)) continue;
      // Only the nodes down to the first one starting on the line are read below: the levels
      // under it, down to the token, are counted (the depth bound is the token's) but not made.
      const path = pathToLineStart(root, first, lineStart, MAX_LINE_DEPTH) ?? pathFromLeaf(root, first, MAX_LINE_DEPTH);
      if (!path) return undefined;
      const end = path[path.length - 1]!;
      if (end.startIndex >= lineStart) {
        cursor ??= root.walk();
        if (path.length - 1 + levelsToToken(cursor, end, first) > MAX_LINE_DEPTH) return undefined;
      }
      for (let i = 0; i + 1 < path.length; i++) {
        const node = path[i]!;
        if (node.startIndex >= lineStart) break;
        const type = typeOf(node);
        if (prune?.has(type)) break;
        if (!CONTAINERS.has(type)) continue;
        if (wanted.has(type)) out.push(node);
        // Its children starting on the line: the one holding the line's first token (next on the
        // path; nothing but blanks lies before it on the line), then any that follow on the line.
        for (let c: SyntaxNode | null = path[i + 1]!; c && c.startIndex < lineEnd; c = c.nextSibling) {
          if (c.startIndex >= lineStart) {
            if (wanted.has(typeOf(c))) out.push(c);
            if (type === 'block') blockChildren.push({ block: node, child: c });
          }
          const end = c.endIndex;
          // Nodes start at a non-blank character: after blanks only, the next one is below.
          if (end >= lineEnd || blankUpTo(text, end, lineEnd)) break;
        }
      }
    }
  } finally {
    cursor?.delete();
  }
  const seen = new Set<number>();
  return {
    nodes: documentOrder(out),
    blockChildren: blockChildren.filter((b) => !seen.has(b.child.id) && seen.add(b.child.id)).sort((a, b) => a.child.startIndex - b.child.startIndex),
  };
}

/** Whether `text` holds only blanks (line breaks included) from `from` up to `to`. */
function blankUpTo(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlankOrLineBreak(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Levels from `top` (a node holding the character at `offset`) down to the token that
 * descendantForIndex(offset, offset + 1) finds: at each level the first child ending after
 * `offset`, when it does not start after it. Read by cursor, so no node object is made.
 */
function levelsToToken(cursor: TreeCursor, top: SyntaxNode, offset: number): number {
  cursor.reset(top);
  let levels = 0;
  while (cursor.gotoFirstChild()) {
    while (cursor.endIndex <= offset) if (!cursor.gotoNextSibling()) return levels;
    if (cursor.startIndex > offset) return levels;
    levels++;
  }
  return levels;
}
