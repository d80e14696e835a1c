/**
 * # missing-safety-comment
 *
 * ## What it does
 * Reports an `unsafe` block or `unsafe impl` that has no `// SAFETY:` comment on the lines
 * directly above it (or above its statement, when the options allow).
 *
 * ## Why
 * The kernel requires every unsafe block to say why the operations inside are sound; reviewers
 * and later readers depend on that reasoning.
 *
 * ## Example
 * ```rust
 * let v = unsafe { *ptr };
 * ```
 *
 * ## Use instead
 * ```rust
 * // SAFETY: `ptr` is valid for reads, as guaranteed by the caller.
 * let v = unsafe { *ptr };
 * ```
 *
 * ## Mirrors: `clippy::undocumented_unsafe_blocks`
 */
import { codeInfo } from '../../codes';
import type { Finding, Fix } from '../../findings';
import { findSafetyComment } from '../../safety/commentScan';
import { expectFix, insertLineAbove } from '../../safety/fixes';
import { isLintAllowed } from '../../safety/lintLevels';
import { bodySearchFromLine, statementAnchor } from '../../safety/placement';
import type { SyntaxNode } from '../../parser';
import type { RuleContext, SafetyRule } from '../../safety/ruleContext';
import { startWithAttributes } from '../../safety/syntax';
import { siteIsLive } from './common';
import { parentOf } from '../../safety/treeIndex';

const CODE = 'missing-safety-comment';
const LINT = 'undocumented_unsafe_blocks';

/**
 * A block in macro arguments: the lines directly above `unsafe` count; so do the lines above
 * the statement when the macro is used as an expression (its expansion keeps the argument's
 * place in the statement), but not when the call is a statement of its own.
 */
function invocationArgumentDocumented(ctx: RuleContext, token: SyntaxNode, invocation: SyntaxNode): boolean {
  const { lines, options } = ctx;
  const from = bodySearchFromLine(token, lines, options.crateRoot);
  if (from === undefined) return true;
  if (findSafetyComment(lines, { fromLine: from, toLine: lines.lineOf(token.startIndex) }, options.acceptCommentAboveAttributes)) return true;
  if (!options.acceptCommentAboveStatement || parentOf(invocation)?.type === 'expression_statement') return false;
  const anchor = statementAnchor(invocation);
  if (!anchor) return false;
  const start = options.acceptCommentAboveAttributes ? Math.min(anchor.start, startWithAttributes(anchor.node)) : anchor.start;
  return findSafetyComment(lines, { fromLine: from, toLine: lines.lineOf(start) }, options.acceptCommentAboveAttributes) !== undefined;
}

export const missingSafetyComment: SafetyRule = {
  code: CODE,
  mirrors: `clippy::${LINT}`,
  options: ['acceptCommentAboveStatement', 'acceptCommentAboveAttributes'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const s of ctx.sites) {
      const { site, node } = s;
      if (site.kind !== 'block' && site.kind !== 'impl') continue;
      if (s.invocation) {
        if (invocationArgumentDocumented(ctx, node, s.invocation)) continue;
      } else if (site.documentation || s.assumedDocumented) continue;
      if (!siteIsLive(ctx, s)) continue;
      if (isLintAllowed(node, LINT, ctx.options.activeCfg)) continue;
      const message = site.kind === 'block' ? 'unsafe block missing a safety comment' : 'unsafe impl missing a safety comment';
      const fixes: Fix[] = [];
      const anchor = site.kind === 'block' && !site.inMacroDefinition && !site.inMacroInvocation ? statementAnchor(node) : undefined;
      const at = site.kind === 'impl' ? startWithAttributes(node) : anchor && ctx.options.acceptCommentAboveStatement ? startWithAttributes(anchor.node) : site.keyword.start;
      fixes.push(insertLineAbove(ctx.lines, at, '// SAFETY: TODO.', 'Add a `// SAFETY: TODO.` comment', true));
      const expect = expectFix(ctx.lines, node, LINT);
      if (expect) fixes.push(expect);
      findings.push({ code: CODE, severity: codeInfo(CODE).severity, message, span: site.reportSpan, fixes });
    }
    return findings;
  },
};

export const { code, mirrors, options, check } = missingSafetyComment;
