/** What every SAFETY rule receives, and the shape each rule file exports. */
import type { Code } from '../codes';
import type { Finding } from '../findings';
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { LineIndex } from '../positions';
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
}

/** The nodes of the given types a rule visits: the whole tree, or the nodes in scope. */
export function scopeNodes(ctx: RuleContext, wanted: ReadonlySet<string>, prune?: ReadonlySet<string>): SyntaxNode[] {
  if (!ctx.scope) return nodesOfType(ctx.root, wanted, prune);
  return ctx.scope.flatMap((top) => nodesOfType(top, wanted, prune));
}

export interface SafetyRule {
  readonly code: Code;
  /** The clippy lint this rule mirrors, if any. */
  readonly mirrors?: string;
  /** The SafetyOptions fields that change what the rule reports. */
  readonly options: readonly (keyof SafetyOptions)[];
  check(ctx: RuleContext): Finding[];
}
