/** Guards the SAFETY rules share: macro definitions that never expand, cfg, visibility. */
import type { SyntaxNode } from '../../parser';
import { isCompiled } from '../../safety/cfg';
import type { LocatedSite } from '../../safety/inventory';
import type { RuleContext } from '../../safety/ruleContext';
import { closest, visibility } from '../../safety/syntax';
import { parentOf } from '../../safety/treeIndex';

/**
 * clippy only sees a `macro_rules!` body where the macro is expanded. Without the other files
 * at hand: expanded when invoked in this file, or when out-of-line modules (`mod x;`) declared
 * after the definition can use it (macro_rules scope is textual and reaches into them).
 */
export function macroIsExpanded(ctx: RuleContext, macro: SyntaxNode): boolean {
  const name = macro.childForFieldName('name')?.text;
  if (!name) return false;
  const text = ctx.doc.text;
  const re = new RegExp(`(?<![\\w$])${name.replace(/[^\w]/g, '')}\\s*!`, 'g');
  for (const m of text.matchAll(re)) {
    if (m.index >= macro.startIndex && m.index < macro.endIndex) continue;
    // Mentions in comments and strings (doc examples) are not calls, nor are calls in code the
    // active cfg leaves out.
    const at = ctx.root.descendantForIndex(m.index);
    if (!at || closest(at, (n) => NOT_CODE.has(n.type))) continue;
    if (isCompiled(at, ctx.options.activeCfg)) return true;
  }
  return /^[ \t]*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*;/m.test(text.slice(macro.endIndex));
}

const NOT_CODE: ReadonlySet<string> = new Set(['line_comment', 'block_comment', 'string_literal', 'raw_string_literal']);

/** Whether the site's code is compiled (cfg) and, for macro bodies, expanded. */
export function siteIsLive(ctx: RuleContext, s: LocatedSite): boolean {
  if (s.macro && !macroIsExpanded(ctx, s.macro)) return false;
  return isCompiled(s.node, ctx.options.activeCfg);
}

/**
 * rustc's "exported" for the doc lints without check-private-items: `pub` itself and in every
 * enclosing module, not inside a function body; trait methods follow their trait.
 */
export function isExported(item: SyntaxNode): boolean {
  let target: SyntaxNode = item;
  const parent = parentOf(item);
  const owner = parent?.type === 'declaration_list' ? parentOf(parent) : null;
  if (owner?.type === 'trait_item') target = owner;
  if (visibility(target) !== 'pub') return false;
  if (closest(parentOf(target), (n) => n.type === 'block')) return false;
  for (let n = parentOf(target); n; n = parentOf(n)) if (n.type === 'mod_item' && visibility(n) !== 'pub') return false;
  return true;
}
