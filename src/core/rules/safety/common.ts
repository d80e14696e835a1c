/** Guards the SAFETY rules share: macro definitions that never expand, cfg, visibility. */
import { Recent } from '../../recent';
import type { SyntaxNode } from '../../parser';
import { isCompiled } from '../../safety/cfg';
import type { LocatedSite } from '../../safety/inventory';
import { wordOffsets } from '../../safety/textMatches';
import type { RuleContext } from '../../safety/ruleContext';
import { closest, visibility } from '../../safety/syntax';
import { parentOf } from '../../safety/treeIndex';

/**
 * clippy only sees a `macro_rules!` body where the macro is expanded. Without the other files
 * at hand: expanded when invoked in this file, or when out-of-line modules (`mod x;`) declared
 * after the definition can use it (macro_rules scope is textual and reaches into them).
 */
export function macroIsExpanded(ctx: RuleContext, macro: SyntaxNode): boolean {
  // Every rule asks about the sites of a macro body: the answer is kept for the analysis.
  let known = expanded.get(ctx);
  if (!known) expanded.set(ctx, (known = new Map()));
  let answer = known.get(macro.id);
  if (answer === undefined) known.set(macro.id, (answer = findExpansion(ctx, macro)));
  return answer;
}

const expanded = new Recent<RuleContext, Map<number, boolean>>(2);

function findExpansion(ctx: RuleContext, macro: SyntaxNode): boolean {
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

const BLANK = /\s/;
const MOD_DECL_AT = /[ \t]*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*;/y;
// Start of the last `mod x;` line of the last text: every macro of a file asks about the same text.
let lastModDecl: { text: string; start: number } | undefined;

/**
 * Start of the last line that opens a `mod x;` declaration, or -1: found from the end by the
 * `mod` keyword, among the whole words `mod` (kept up to date edit by edit, see textMatches).
 */
function lastModDeclStart(text: string): number {
  const words = wordOffsets(text, 'mod');
  for (let i = words.length - 1; i >= 0; i--) {
    const at = words[i]!;
    // The keyword of a line that matches is followed by a blank (a match whose keyword is on a
    // later line is found there first).
    if (!BLANK.test(text[at + 3] ?? '')) continue;
    let lineStart = at;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    MOD_DECL_AT.lastIndex = lineStart;
    if (MOD_DECL_AT.test(text)) return lineStart;
  }
  return -1;
}

/**
 * Whether `text` from `offset` on holds a `mod x;` line (or starts with one): the last such line
 * decides.
 */
function modDeclaredAfter(text: string, offset: number): boolean {
  if (lastModDecl?.text !== text) lastModDecl = { text, start: lastModDeclStart(text) };
  MOD_DECL_AT.lastIndex = offset;
  if (MOD_DECL_AT.test(text)) return true;
  return lastModDecl.start >= offset;
}

/**
 * Offsets of `name!` (spaces allowed before the `!`) not preceded by a word character or `$`:
 * among the whole words `name` (kept up to date edit by edit, see textMatches).
 */
function* macroCalls(text: string, name: string): Generator<number> {
  if (name === '') {
    for (const m of text.matchAll(/(?<![\w$])\s*!/g)) yield m.index;
    return;
  }
  const bang = /\s*!/y;
  for (const at of wordOffsets(text, name)) {
    if (at > 0 && text.charCodeAt(at - 1) === 36) continue;
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
