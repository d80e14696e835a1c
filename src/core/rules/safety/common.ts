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
  for (const index of macroCalls(text, name.replace(/[^\w]/g, ''))) {
    if (index >= macro.startIndex && index < macro.endIndex) continue;
    // Mentions in comments and strings (doc examples) are not calls, nor are calls in code the
    // active cfg leaves out.
    const at = ctx.root.descendantForIndex(index);
    if (!at || closest(at, (n) => NOT_CODE.has(n.type))) continue;
    if (isCompiled(at, ctx.options.activeCfg)) return true;
  }
  return modDeclaredAfter(text, macro.endIndex);
}

const MOD_DECL = /^[ \t]*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*;/gm;
const MOD_DECL_AT = /[ \t]*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*;/y;
// `mod x;` positions of the last text: every macro of a file asks about the same text.
let modDecls: { text: string; starts: number[] } | undefined;

/**
 * Whether `text` from `offset` on holds a `mod x;` line (or starts with one). The declarations
 * are found once per text; matches cannot overlap, so the first one after `offset` decides.
 */
function modDeclaredAfter(text: string, offset: number): boolean {
  if (modDecls?.text !== text) modDecls = { text, starts: [...text.matchAll(MOD_DECL)].map((m) => m.index) };
  MOD_DECL_AT.lastIndex = offset;
  if (MOD_DECL_AT.test(text)) return true;
  const starts = modDecls.starts;
  return starts.length > 0 && starts[starts.length - 1]! >= offset;
}

/** Offsets of `name!` (spaces allowed before the `!`) not preceded by a word character or `$`. */
function* macroCalls(text: string, name: string): Generator<number> {
  if (name === '') {
    for (const m of text.matchAll(/(?<![\w$])\s*!/g)) yield m.index;
    return;
  }
  // indexOf and a sticky test beat a look-behind regex over the whole file, once per macro per keystroke.
  const bang = /\s*!/y;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (at > 0 && /[\w$]/.test(text[at - 1]!)) continue;
    bang.lastIndex = at + name.length;
    if (bang.test(text)) yield at;
  }
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
