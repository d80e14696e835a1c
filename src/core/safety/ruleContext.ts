/** What every SAFETY rule receives, and the shape each rule file exports. */
import type { Code } from '../codes';
import type { Finding } from '../findings';
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { LineIndex, Span } from '../positions';
import type { LocatedSite } from './inventory';
import { linesBelowMatches, matchesReaching, nodesStartingOnLines, restrictionTest, wholeTreeSearch, type NodesOnLines, type TextOffsets } from './candidates';
import { nodesOfType } from './syntax';
import type { SafetyOptions } from './types';

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly lines: LineIndex;
  /** The tree to read (the document's, or the re-parse that understands `unsafe extern`). */
  readonly root: SyntaxNode;
  readonly sites: readonly LocatedSite[];
  readonly options: SafetyOptions;
  /**
   * When set, only these top-level nodes (children of the root) are analysed: incremental
   * analysis re-checks the items that changed. Sites are already limited to them.
   */
  readonly scope?: readonly SyntaxNode[];
  /**
   * Text ranges left out of the scope: nodes starting inside them are not analysed (incremental
   * analysis checks the members of a large impl, trait or mod on their own). Sorted, disjoint.
   */
  readonly skip?: readonly Span[];
}

/** The nodes of the given types a rule visits: the whole tree, or the nodes in scope. */
export function scopeNodes(ctx: RuleContext, wanted: ReadonlySet<string>, prune?: ReadonlySet<string>): SyntaxNode[] {
  const skip = ctx.skip;
  if (skip?.length) return (ctx.scope ?? [ctx.root]).flatMap((top) => nodesOutside(top, wanted, prune, skip));
  return ctx.scope ? ctx.scope.flatMap((top) => nodesOfType(top, wanted, prune)) : nodesOfType(ctx.root, wanted, prune);
}

/** What marks the text a rule's nodes must be near (see linesBelowMatches). */
export interface TextMark {
  readonly trigger: RegExp | TextOffsets;
  /** Only matches on lines that can hold item docs count (doc comments, attributes). */
  readonly matchOnDocLine?: boolean;
  /** A match may sit in a block comment that goes on over the following lines. */
  readonly blockComments?: boolean;
}

/**
 * scopeNodes, narrowed to the nodes starting on the lines `mark` points at (see
 * nodesStartingOnLines): a superset of the nodes whose comment or docs check can succeed, found
 * without a search through the whole tree. With the block children starting on those lines, or
 * undefined for them when the whole tree was searched (the caller then visits every block).
 */
export function nodesNearText(ctx: RuleContext, wanted: ReadonlySet<string>, prune: ReadonlySet<string> | undefined, mark: TextMark): NodesOnLines | { readonly nodes: readonly SyntaxNode[]; readonly blockChildren?: undefined } {
  if (wholeTreeSearch()) return { nodes: scopeNodes(ctx, wanted, prune) };
  const { scope, skip } = ctx;
  let lineNumbers: number[];
  if (scope) {
    // Incremental analysis re-checks a few items: only their lines are walked, and only from the
    // matches that can reach them.
    const ranges = scope.map((top) => [ctx.lines.lineOf(top.startIndex), ctx.lines.lineOf(top.endIndex)] as const);
    const within = mergedSpans(ranges.map(([from, to]) => matchesReaching(ctx.lines, from, to, mark.blockComments === true)));
    lineNumbers = linesBelowMatches(ctx.lines, mark.trigger, mark, within).filter((l) => ranges.some(([from, to]) => l >= from && l <= to));
  } else {
    lineNumbers = linesBelowMatches(ctx.lines, mark.trigger, mark);
  }
  const found = nodesStartingOnLines(ctx.root, ctx.lines, lineNumbers, wanted, prune);
  if (!found) return { nodes: scopeNodes(ctx, wanted, prune) };
  if (!scope && !skip?.length) return found;
  const inScope = restrictionTest(ctx);
  return { nodes: found.nodes.filter((n) => inScope(n.startIndex)), blockChildren: found.blockChildren.filter((b) => inScope(b.block.startIndex)) };
}

/**
 * nodesOfType for a scope with skipped ranges: a cursor walk that never enters a node starting in
 * one of them. The skipped members of a large container are most of its nodes, so this visits
 * little more than its header, where tree-sitter's own search would visit every node.
 */
export function nodesOutside(top: SyntaxNode, wanted: ReadonlySet<string>, prune: ReadonlySet<string> | undefined, skip: readonly Span[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const skipped = (at: number): boolean => skip.some((r) => at >= r.start && at < r.end);
  const cursor = top.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      const enter = !skipped(cursor.startIndex);
      if (enter && wanted.has(type)) out.push(cursor.currentNode);
      if (enter && !prune?.has(type) && cursor.gotoFirstChild()) continue;
      // Up until there is a next sibling, never above `top`.
      let done = false;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  } finally {
    cursor.delete();
  }
  return out;
}

export interface SafetyRule {
  readonly code: Code;
  /** The clippy lint this rule mirrors, if any. */
  readonly mirrors?: string;
  /** The SafetyOptions fields that change what the rule reports. */
  readonly options: readonly (keyof SafetyOptions)[];
  check(ctx: RuleContext): Finding[];
}

/** Spans sorted by start, overlapping and touching ones merged. */
function mergedSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}
