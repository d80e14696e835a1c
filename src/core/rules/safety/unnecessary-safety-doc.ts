/**
 * # unnecessary-safety-doc
 *
 * ## What it does
 * Reports a `# Safety` section in the docs of a safe function or a safe trait.
 *
 * ## Why
 * A safety section tells callers they carry obligations; on safe code it is wrong, or the item
 * lost its `unsafe` and the docs were not updated.
 *
 * ## Example
 * ```rust
 * /// # Safety
 * ///
 * /// Always safe.
 * pub fn len(&self) -> usize { .. }
 * ```
 *
 * ## Use instead
 * ```rust
 * /// Returns the length.
 * pub fn len(&self) -> usize { .. }
 * ```
 *
 * ## Mirrors: `clippy::unnecessary_safety_doc`
 */
import { codeInfo } from '../../codes';
import type { Finding } from '../../findings';
import { isCompiled } from '../../safety/cfg';
import { findSafetySection, itemDocs } from '../../safety/docSections';
import { firstLine } from '../../safety/inventory';
import { isLintAllowed } from '../../safety/lintLevels';
import { nodesNearText, type RuleContext, type SafetyRule } from '../../safety/ruleContext';
import { unsafeKeyword } from '../../safety/syntax';
import { safetyOffsets } from '../../safety/textMatches';
import { isExported } from './common';
import { parentOf } from '../../safety/treeIndex';

const CODE = 'unnecessary-safety-doc';
const LINT = 'unnecessary_safety_doc';

const DOCUMENTED: ReadonlySet<string> = new Set(['function_item', 'function_signature_item', 'trait_item']);
const MACRO_BODIES: ReadonlySet<string> = new Set(['macro_definition', 'token_tree']);

/**
 * Text-only pre-check: whether the comment and attribute lines right above `offset` mention
 * "safety" at all (most items' docs do not, and reading docs through the tree is costly).
 */
function docsMentionSafety(ctx: RuleContext, offset: number): boolean {
  const { lines } = ctx;
  for (let l = lines.lineOf(offset) - 1; l >= 0; l--) {
    const t = lines.lineText(l).trim();
    if (t !== '' && !/^(\/\/|\/\*|\*|#)/.test(t)) return false;
    if (/safety/i.test(t)) return true;
  }
  return false;
}

export const unnecessarySafetyDoc: SafetyRule = {
  code: CODE,
  mirrors: `clippy::${LINT}`,
  options: ['checkPrivateItems'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const cfg = ctx.options.activeCfg;
    for (const node of nodesNearText(ctx, DOCUMENTED, MACRO_BODIES, { trigger: safetyOffsets, matchOnDocLine: true }).nodes) {
      const isFn = node.type !== 'trait_item';
      if (!docsMentionSafety(ctx, node.startIndex) || unsafeKeyword(node)) continue;
      const parent = parentOf(node);
      const owner = parent?.type === 'declaration_list' ? parentOf(parent) : null;
      if (isFn && (owner?.type === 'foreign_mod_item' || (owner?.type === 'impl_item' && owner.childForFieldName('trait')))) continue;
      const docs = itemDocs(node);
      if (docs.hidden || docs.lines.length === 0) continue;
      const section = findSafetySection(docs);
      if (!section) continue;
      if (isFn && !ctx.options.checkPrivateItems && !isExported(node)) continue;
      if (!isCompiled(node, cfg) || isLintAllowed(node, LINT, cfg)) continue;
      const body = node.childForFieldName('body');
      const span = firstLine(ctx.lines, { start: node.startIndex, end: body ? body.startIndex : node.endIndex });
      const message = isFn ? "safe function's docs have unnecessary `# Safety` section" : 'docs for safe trait have unnecessary `# Safety` section';
      findings.push({ code: CODE, severity: codeInfo(CODE).severity, message, span, related: [{ span: section.heading, message: 'the `# Safety` section' }] });
    }
    return findings;
  },
};

export const { code, mirrors, options, check } = unnecessarySafetyDoc;
