/**
 * # safety-comment-style
 *
 * ## What it does
 * Reports a SAFETY comment not written the kernel way: the marker must be exactly `SAFETY:`
 * (clippy accepts any case) and the justification must end its sentence with a period.
 *
 * ## Why
 * The kernel's coding guidelines fix one spelling so comments are easy to grep and review, and
 * ask for full sentences.
 *
 * ## Example
 * ```rust
 * // Safety: the pointer is valid
 * unsafe { *p }
 * ```
 *
 * ## Use instead
 * ```rust
 * // SAFETY: The pointer is valid.
 * unsafe { *p }
 * ```
 *
 * ## Mirrors: no clippy lint (kernel style)
 */
import { codeInfo } from '../../codes';
import type { Finding } from '../../findings';
import type { RuleContext, SafetyRule } from '../../safety/ruleContext';
import { siteIsLive } from './common';
import { isPlaceholder } from './safety-comment-placeholder';

const CODE = 'safety-comment-style';

export const safetyCommentStyle: SafetyRule = {
  code: CODE,
  options: [],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const s of ctx.sites) {
      const doc = s.site.documentation;
      if (doc?.kind !== 'comment' || isPlaceholder(doc.text) || !siteIsLive(ctx, s)) continue;
      const raw = ctx.lines.text.slice(doc.span.start, doc.span.end);
      const at = raw.toUpperCase().indexOf('SAFETY:');
      const problems: string[] = [];
      if (at >= 0 && raw.slice(at, at + 7) !== 'SAFETY:') problems.push('write the marker as `SAFETY:`');
      // Without a `*/` there is no closing delimiter to cut (and no regex to run).
      const text = (doc.text.includes('*/') ? doc.text.replace(/\s*\*\/\s*$/, '') : doc.text).trimEnd();
      if (text !== '' && !/[.!?]$|```$/.test(text)) problems.push('end the sentence with a period');
      if (problems.length === 0) continue;
      const start = at >= 0 ? doc.span.start + at : doc.span.start;
      findings.push({
        code: CODE,
        severity: codeInfo(CODE).severity,
        message: `SAFETY comment style: ${problems.join(' and ')}`,
        span: { start, end: ctx.lines.lineEnd(ctx.lines.lineOf(start)) },
      });
    }
    return findings;
  },
};

export const { code, mirrors, options, check } = safetyCommentStyle;
