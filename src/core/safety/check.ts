/**
 * Runs the SAFETY rules (one file per code under src/core/rules/safety/) over a document's
 * unsafe sites. The sites handed in come from `collectUnsafeSites` (clippy's default options);
 * the rules recompute documentation under the caller's options.
 */
import type { Finding } from '../findings';
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { Span } from '../positions';
import { missingSafetyComment } from '../rules/safety/missing-safety-comment';
import { missingSafetyDoc } from '../rules/safety/missing-safety-doc';
import { safetyCommentPlaceholder } from '../rules/safety/safety-comment-placeholder';
import { safetyCommentStyle } from '../rules/safety/safety-comment-style';
import { unnecessarySafetyComment } from '../rules/safety/unnecessary-safety-comment';
import { unnecessarySafetyDoc } from '../rules/safety/unnecessary-safety-doc';
import { safetyTree } from './externBlocks';
import { collectSites } from './inventory';
import type { RuleContext, SafetyRule } from './ruleContext';
import type { SafetyOptions, UnsafeSite } from './types';

export const SAFETY_RULES: readonly SafetyRule[] = [
  missingSafetyComment,
  missingSafetyDoc,
  unnecessarySafetyComment,
  unnecessarySafetyDoc,
  safetyCommentPlaceholder,
  safetyCommentStyle,
];

/** `scope`, `skip`: analyse only these nodes (see RuleContext); `sites` come from the same scope. */
export function checkSafety(doc: ParsedDocument, sites: readonly UnsafeSite[], options: SafetyOptions, scope?: readonly SyntaxNode[], skip?: readonly Span[]): Finding[] {
  // The given sites fix which constructs exist; documentation depends on the options, so the
  // located sites are recomputed under them and matched back by keyword position.
  const wanted = new Set(sites.map((s) => s.keyword.start));
  const located = collectSites(doc, options, scope, skip).filter((s) => wanted.has(s.site.keyword.start));
  const ctx: RuleContext = { doc, lines: doc.lines, root: safetyTree(doc).root, sites: located, options, scope, skip };
  return SAFETY_RULES.flatMap((rule) => rule.check(ctx));
}
