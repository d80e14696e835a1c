/** What every SAFETY rule receives, and the shape each rule file exports. */
import type { Code } from '../codes';
import type { Finding } from '../findings';
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { LineIndex, Span } from '../positions';
import type { LocatedSite } from './inventory';
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
