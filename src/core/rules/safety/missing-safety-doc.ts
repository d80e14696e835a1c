/**
 * # missing-safety-doc
 *
 * ## What it does
 * Reports an `unsafe fn` (free, inherent or declared in a trait) or an `unsafe trait` whose
 * docs have no `# Safety` section. Private items too when check-private-items is set.
 *
 * ## Why
 * Callers of an unsafe function and implementers of an unsafe trait can only uphold the
 * contract if it is written down.
 *
 * ## Example
 * ```rust
 * /// Reads the register.
 * pub unsafe fn read(addr: usize) -> u32 { .. }
 * ```
 *
 * ## Use instead
 * ```rust
 * /// Reads the register.
 * ///
 * /// # Safety
 * ///
 * /// `addr` must be a mapped MMIO address of this device.
 * pub unsafe fn read(addr: usize) -> u32 { .. }
 * ```
 *
 * ## Mirrors: `clippy::missing_safety_doc`
 */
import { codeInfo } from '../../codes';
import type { Finding, Fix } from '../../findings';
import { itemDocs } from '../../safety/docSections';
import { expectFix } from '../../safety/fixes';
import { isLintAllowed } from '../../safety/lintLevels';
import type { RuleContext, SafetyRule } from '../../safety/ruleContext';
import { outerDocComments, startWithAttributes } from '../../safety/syntax';
import { isExported, siteIsLive } from './common';

const CODE = 'missing-safety-doc';
const LINT = 'missing_safety_doc';

export const missingSafetyDoc: SafetyRule = {
  code: CODE,
  mirrors: `clippy::${LINT}`,
  options: ['checkPrivateItems'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const s of ctx.sites) {
      const { site, node } = s;
      if (site.kind !== 'fn' && site.kind !== 'trait') continue;
      if (site.inMacroDefinition || site.inMacroInvocation) continue;
      if (site.kind === 'fn' && (site.fnContext === 'extern' || site.fnContext === 'trait-impl')) continue;
      if (site.documentation?.kind === 'doc-section') continue;
      const docs = itemDocs(node);
      if (docs.hidden) continue;
      if (site.kind === 'fn' && !ctx.options.checkPrivateItems && !isExported(node)) continue;
      if (!siteIsLive(ctx, s) || isLintAllowed(node, LINT, ctx.options.activeCfg)) continue;
      const message = site.kind === 'fn' ? "unsafe function's docs are missing a `# Safety` section" : 'docs for unsafe trait missing `# Safety` section';
      findings.push({ code: CODE, severity: codeInfo(CODE).severity, message, span: site.reportSpan, fixes: fixesFor(ctx, node) });
    }
    return findings;
  },
};

function fixesFor(ctx: RuleContext, node: Parameters<typeof outerDocComments>[0]): Fix[] {
  const fixes: Fix[] = [];
  const docs = outerDocComments(node);
  const lines = ctx.lines;
  const indent = /^[ \t]*/.exec(lines.lineText(lines.lineOf(node.startIndex)))![0];
  const section = `${indent}/// # Safety\n${indent}///\n${indent}/// TODO.\n`;
  const last = docs[docs.length - 1];
  const at = last ? lines.lineStart(lines.lineOf(last.endIndex - 1) + 1) : lines.lineStart(lines.lineOf(startWithAttributes(node)));
  fixes.push({ title: 'Add a `# Safety` section to the docs', preferred: true, edits: [{ span: { start: at, end: at }, newText: (last ? `${indent}///\n` : '') + section }] });
  const expect = expectFix(lines, node, LINT);
  if (expect) fixes.push(expect);
  return fixes;
}

export const { code, mirrors, options, check } = missingSafetyDoc;
