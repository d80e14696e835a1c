/**
 * # safety-comment-placeholder
 *
 * ## What it does
 * Reports a SAFETY comment that is still the kernel's placeholder, `// SAFETY: TODO.`.
 *
 * ## Why
 * The placeholder silences clippy but justifies nothing; it marks unsafe code whose reasoning
 * is still owed.
 *
 * ## Example
 * ```rust
 * // SAFETY: TODO.
 * unsafe { bindings::mutex_lock(ptr) };
 * ```
 *
 * ## Use instead
 * ```rust
 * // SAFETY: `ptr` points to the initialised mutex embedded in `self`.
 * unsafe { bindings::mutex_lock(ptr) };
 * ```
 *
 * ## Mirrors: no clippy lint (kernel convention)
 */
import { codeInfo } from '../../codes';
import type { Finding } from '../../findings';
import type { RuleContext, SafetyRule } from '../../safety/ruleContext';
import { siteIsLive } from './common';

const CODE = 'safety-comment-placeholder';

/** `TODO` alone (optionally with a period) on the marker's line. */
export function isPlaceholder(text: string): boolean {
  const eol = text.indexOf('\n');
  return /^TODO\.?$/i.test((eol < 0 ? text : text.slice(0, eol)).trim());
}

export const safetyCommentPlaceholder: SafetyRule = {
  code: CODE,
  options: [],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const s of ctx.sites) {
      const doc = s.site.documentation;
      if (doc?.kind !== 'comment' || !isPlaceholder(doc.text) || !siteIsLive(ctx, s)) continue;
      findings.push({
        code: CODE,
        severity: codeInfo(CODE).severity,
        message: 'SAFETY comment is a `TODO` placeholder: explain why this unsafe code is sound',
        span: { start: doc.span.start, end: ctx.lines.lineEnd(ctx.lines.lineOf(doc.span.start)) },
        related: [{ span: s.site.reportSpan, message: 'the unsafe code it should justify' }],
      });
    }
    return findings;
  },
};

export const { code, mirrors, options, check } = safetyCommentPlaceholder;
