/**
 * # unnecessary-safety-comment
 *
 * ## What it does
 * Reports a `// SAFETY:` comment above code that is not unsafe: an item other than an
 * `unsafe impl` (or a `const`/`static` whose value is an unsafe block), or a statement or tail
 * expression that contains no unsafe block.
 *
 * ## Why
 * Safe code has no safety contract; a stray SAFETY comment misleads readers and often means the
 * unsafe block it described was moved away.
 *
 * ## Example
 * ```rust
 * // SAFETY: the index is in bounds.
 * let x = v[i];
 * ```
 *
 * ## Use instead
 * ```rust
 * let x = v[i];
 * ```
 *
 * ## Mirrors: `clippy::unnecessary_safety_comment`
 */
import { codeInfo } from '../../codes';
import type { Finding, Fix } from '../../findings';
import type { TreeCursor } from 'web-tree-sitter';
import type { SyntaxNode } from '../../parser';
import type { Span } from '../../positions';
import { macroDefinitions, wholeTreeSearch } from '../../safety/candidates';
import { isCompiled } from '../../safety/cfg';
import { macroIsExpanded } from './common';
import { findSafetyComment, markerBetween, type FoundComment } from '../../safety/commentScan';
import { expectFix } from '../../safety/fixes';
import { commentDoc, firstLine } from '../../safety/inventory';
import { isLintAllowed } from '../../safety/lintLevels';
import { itemPositionChecked, itemSafetyComment, statementSafetyComment } from '../../safety/placement';
import { markerOffsets } from '../../safety/textMatches';
import { nodesNearText, scopeNodes, type RuleContext, type SafetyRule } from '../../safety/ruleContext';
import { cursorAt, ITEM_TYPES, nodesOfType, outerDocComments, sourceText, startWithAttributes, unsafeKeyword } from '../../safety/syntax';
import { childrenOfNode, nextSiblingOf, parentOf, previousSiblingOf } from '../../safety/treeIndex';

const CODE = 'unnecessary-safety-comment';
const LINT = 'unnecessary_safety_comment';

/** rustc's description of each item kind, as clippy prints it. */
const DESCRIPTIONS: Record<string, string> = {
  function_item: 'function',
  struct_item: 'struct',
  enum_item: 'enum',
  union_item: 'union',
  trait_item: 'trait',
  mod_item: 'module',
  use_declaration: 'import',
  extern_crate_declaration: 'extern crate',
  type_item: 'type alias',
  macro_definition: 'macro',
  foreign_mod_item: 'foreign module',
  const_item: 'constant',
  static_item: 'static',
};


const VISITED: ReadonlySet<string> = new Set([...ITEM_TYPES, 'block', 'unsafe_block']);
/** A `macro_rules!` body is token trees, never checked as code. */
const MACRO_BODIES: ReadonlySet<string> = new Set(['macro_definition', 'token_tree']);

export const unnecessarySafetyComment: SafetyRule = {
  code: CODE,
  mirrors: `clippy::${LINT}`,
  options: ['acceptCommentAboveAttributes'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const cfg = ctx.options.activeCfg;
    const insideUnsafe = unsafeSpanTest(ctx.sites.filter((s) => s.site.kind === 'block' && !s.invocation && !s.macro).map((s) => s.site.span));
    const report = (node: SyntaxNode, message: string, found: FoundComment): void => {
      if (!isCompiled(node, cfg) || isLintAllowed(node, LINT, cfg)) return;
      const { lines } = ctx;
      const help = { start: found.markerLineStart, end: lines.lineEnd(lines.lineOf(found.markerLineStart)) };
      const commentLines = { start: lines.lineStart(lines.lineOf(found.start)), end: Math.min(lines.text.length, lines.lineStart(lines.lineOf(found.end) + 1)) };
      const fixes: Fix[] = [];
      if (node.type === 'function_item' && unsafeKeyword(node)) fixes.push(toSafetySection(ctx, node, found, commentLines));
      fixes.push({ title: 'Remove the safety comment', preferred: fixes.length === 0, edits: [{ span: commentLines, newText: '' }] });
      const expect = expectFix(lines, node, LINT);
      if (expect) fixes.push(expect);
      findings.push({
        code: CODE,
        severity: codeInfo(CODE).severity,
        message,
        span: firstLine(lines, { start: node.startIndex, end: node.endIndex }),
        related: [{ span: help, message: 'consider removing the safety comment' }],
        fixes,
      });
    };
    for (const macro of wholeTreeSearch() ? scopeNodes(ctx, MACROS) : macroDefinitions(ctx.root, ctx.lines.text, ctx)) {
      // Only a marker inside the definition can make one of its `let`s report.
      if (!markerBetween(ctx.lines, ctx.lines.lineOf(macro.startIndex) + 1, ctx.lines.lineOf(macro.endIndex))) continue;
      if (macroIsExpanded(ctx, macro)) checkMacroLets(ctx, macro, report);
    }
    const near = nodesNearText(ctx, VISITED, MACRO_BODIES, { trigger: markerOffsets, blockComments: true });
    for (const node of near.nodes) {
      const isBlock = node.type === 'block' || node.type === 'unsafe_block';
      // Text-only pre-check: no SAFETY comment above the line at all means nothing to report.
      if (!isBlock && !findSafetyComment(ctx.lines, { fromLine: 0, toLine: ctx.lines.lineOf(node.startIndex) }, true)) continue;
      if (ITEM_TYPES.has(node.type) && itemPositionChecked(node)) {
        const descr = itemDescription(node);
        if (!descr) continue;
        const found = itemSafetyComment(node, ctx.lines, ctx.options);
        if (found) report(node, `${descr} has unnecessary safety comment`, found);
      } else if (isBlock && !near.blockChildren) {
        checkBlock(ctx, node, report, insideUnsafe);
      }
    }
    // The text-guided search names the block children that can have a comment above them.
    if (near.blockChildren) {
      const blocks = new BlockStatements(ctx, insideUnsafe);
      for (const { block, child } of near.blockChildren) blocks.check(block, child, report);
    }
    return findings;
  },
};

/**
 * An unsafe fn's `// SAFETY:` comment says what callers must guarantee: that belongs in a
 * `# Safety` section of its docs, which is where the fix moves it.
 */
function toSafetySection(ctx: RuleContext, fn: SyntaxNode, found: FoundComment, commentLines: Span): Fix {
  const { lines } = ctx;
  const justification = commentDoc(found, lines)?.text ?? '';
  const indent = /^[ \t]*/.exec(lines.lineText(lines.lineOf(fn.startIndex)))![0];
  const docs = outerDocComments(fn);
  const body = justification.split('\n').map((l) => `${indent}///${l ? ` ${l}` : ''}`).join('\n');
  const section = `${docs.length ? `${indent}///\n` : ''}${indent}/// # Safety\n${indent}///\n${body}\n`;
  const last = docs[docs.length - 1];
  const at = last ? lines.lineStart(lines.lineOf(last.endIndex - 1) + 1) : lines.lineStart(lines.lineOf(startWithAttributes(fn)));
  // Right after the docs may be exactly where the comment was: then one edit replaces it.
  const edits = at >= commentLines.start && at <= commentLines.end
    ? [{ span: commentLines, newText: section }]
    : [{ span: commentLines, newText: '' }, { span: { start: at, end: at }, newText: section }];
  return { title: 'Move the comment into a `# Safety` doc section', preferred: true, edits };
}

const MACROS: ReadonlySet<string> = new Set(['macro_definition']);
const LET: ReadonlySet<string> = new Set(['let']);
const STATEMENT_START: ReadonlySet<string> = new Set([';', '{', '(', '}', '$']);

/**
 * `let` statements written in a `macro_rules!` body: clippy checks them in every expansion,
 * reading comments in the macro's source. The body is only tokens, so statements are found by
 * their `let` at a statement start, up to the next `;` at the same level.
 */
function checkMacroLets(ctx: RuleContext, macro: SyntaxNode, report: (n: SyntaxNode, m: string, f: FoundComment) => void): void {
  const fromLine = ctx.lines.lineOf(macro.startIndex) + 1;
  for (const kw of nodesOfType(macro, LET)) {
    let prev = previousSiblingOf(kw);
    while (prev && (prev.type === 'line_comment' || prev.type === 'block_comment')) prev = previousSiblingOf(prev);
    if (prev && !STATEMENT_START.has(prev.type) && !(prev.type === 'token_tree' && prev.text.endsWith('}'))) continue;
    if (insideUnsafeTokens(kw)) continue;
    const parts: SyntaxNode[] = [];
    for (let n: SyntaxNode | null = kw; n && n.type !== ';'; n = nextSiblingOf(n)) parts.push(n);
    if (parts.some((n, i) => n.type === 'unsafe' && parts[i + 1]?.type === 'token_tree' && parts[i + 1]!.text.startsWith('{'))) continue;
    if (parts.some((n) => n.type === 'token_tree' && !n.text.startsWith('{') && /\bunsafe\s*\{/.test(n.text))) continue;
    const found = findSafetyComment(ctx.lines, { fromLine, toLine: ctx.lines.lineOf(kw.startIndex) }, ctx.options.acceptCommentAboveAttributes);
    if (found) report(kw, 'statement has unnecessary safety comment', found);
  }
}

/** Whether a token sits inside `unsafe { ... }` written in the same token tree. */
function insideUnsafeTokens(token: SyntaxNode): boolean {
  for (let t = parentOf(token); t && t.type !== 'macro_rule'; t = parentOf(t)) {
    if (t.type === 'token_tree' && previousSiblingOf(t)?.type === 'unsafe') return true;
  }
  return false;
}

/** The description to report for an item with a SAFETY comment, or undefined when it may have one. */
function itemDescription(item: SyntaxNode): string | undefined {
  if (item.type === 'impl_item') return !unsafeKeyword(item) && item.childForFieldName('trait') ? 'impl' : undefined;
  if (item.type === 'const_item' || item.type === 'static_item') {
    if (item.childForFieldName('value')?.type === 'unsafe_block') return undefined;
  }
  return DESCRIPTIONS[item.type];
}

function checkBlock(
  ctx: RuleContext,
  block: SyntaxNode,
  report: (n: SyntaxNode, m: string, f: FoundComment) => void,
  insideUnsafe: (offset: number) => boolean,
): void {
  const blocks = new BlockStatements(ctx, insideUnsafe);
  if (!blocks.mayReport(block)) return;
  // Comments are told apart by their text: reading each child's type is a call into the parser.
  for (const stmt of block.namedChildren) if (stmt && !isComment(ctx.lines.text, stmt)) blocks.check(block, stmt, report);
}

/** What a block's statements share: whether any can report, where comments may start, its tail. */
interface BlockInfo {
  readonly mayReport: boolean;
  /** First line a statement's comment may be on (the line after the block's `{`). */
  readonly firstLine: number;
  /** The last child that is not a comment, once asked for (null: none). */
  last?: SyntaxNode | null;
  /** Whether the block's children were handed to the tree index. */
  indexed: boolean;
}

/**
 * clippy's check of the statements and tail expression of blocks: a SAFETY comment above one
 * that holds no unsafe block is unnecessary. What is known about a block is kept for its other
 * statements.
 */
class BlockStatements {
  private readonly blocks = new Map<number, BlockInfo>();

  constructor(private readonly ctx: RuleContext, private readonly insideUnsafe: (offset: number) => boolean) {}

  private info(block: SyntaxNode): BlockInfo {
    let info = this.blocks.get(block.id);
    if (!info) {
      const { lines } = this.ctx;
      const firstLine = lines.lineOf(block.startIndex) + 1;
      // Statements anywhere inside an unsafe block are never reported; a statement's comment lies
      // between the block's first line and its last, marker included.
      const mayReport = block.type !== 'unsafe_block' && markerBetween(lines, firstLine, lines.lineOf(block.endIndex)) && !this.insideUnsafe(block.startIndex);
      info = { mayReport, firstLine, indexed: false };
      this.blocks.set(block.id, info);
    }
    return info;
  }

  mayReport(block: SyntaxNode): boolean {
    return this.info(block).mayReport;
  }

  /** The block's last child that is not a comment (the tail expression, when it is one). */
  private lastChild(block: SyntaxNode): SyntaxNode | null {
    const info = this.info(block);
    if (info.last === undefined) {
      let last = block.lastNamedChild;
      while (last && isComment(this.ctx.lines.text, last)) last = last.previousNamedSibling;
      info.last = last;
    }
    return info.last;
  }

  check(block: SyntaxNode, stmt: SyntaxNode, report: (n: SyntaxNode, m: string, f: FoundComment) => void): void {
    const info = this.info(block);
    if (!info.mayReport || isComment(this.ctx.lines.text, stmt)) return;
    const { lines } = this.ctx;
    // Only a statement with a marker on the lines above it (inside the block) can have a comment.
    const stmtLine = lines.lineOf(stmt.startIndex);
    if (!markerBetween(lines, info.firstLine, stmtLine - 1)) return;
    // Whether it is the tail expression: asked only when it decides (finding the block's last
    // child walks back over its trailing comments).
    let tail: boolean | undefined;
    const isLast = (): boolean => (tail ??= this.lastChild(block)?.id === stmt.id && isTail(stmt));
    const type = stmt.type;
    let expr: SyntaxNode | null = null;
    if (type === 'let_declaration') expr = stmt.childForFieldName('value');
    else if (type === 'expression_statement') expr = stmt.namedChild(0);
    else if (isLast()) expr = stmt;
    if (!expr || expr.type === 'macro_invocation') return;
    // A statement holding an unsafe block never reports: asked first because the common
    // `// SAFETY:` + `unsafe { }` statement answers it from the text and the first node.
    if (containsUnsafe(expr, lines.text)) return;
    if (!findSafetyComment(lines, { fromLine: 0, toLine: stmtLine }, true)) return;
    if (!info.indexed) {
      // All children once, with their parent remembered: the attribute and comment lookups
      // before each statement then need no call into the parser.
      childrenOfNode(block);
      info.indexed = true;
    }
    const found = statementSafetyComment(stmt, block, lines, this.ctx.options);
    if (!found) return;
    report(stmt, isLast() ? 'expression has unnecessary safety comment' : 'statement has unnecessary safety comment', found);
  }
}

/**
 * Whether a block child is a comment: its text says so first (no call into the parser for the
 * common case), its type decides (an ERROR node can start with an unclosed comment).
 */
const isComment = (text: string, node: SyntaxNode): boolean =>
  text[node.startIndex] === '/' && (text[node.startIndex + 1] === '/' || text[node.startIndex + 1] === '*') && (node.type === 'line_comment' || node.type === 'block_comment');

/**
 * Membership in the union of unsafe block spans (open at both ends), by binary search over the
 * outermost spans: blocks nest or are disjoint, so the outermost ones cover every inner one.
 */
function unsafeSpanTest(spans: readonly Span[]): (offset: number) => boolean {
  const outer: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const prev = outer[outer.length - 1];
    if (prev && s.start >= prev.start && s.end <= prev.end) continue;
    outer.push(s);
  }
  return (offset) => {
    let lo = 0;
    let hi = outer.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (outer[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < outer[lo - 1]!.end;
  };
}

const NOT_EXPRESSIONS: ReadonlySet<string> = new Set(['line_comment', 'block_comment', 'attribute_item', 'inner_attribute_item', 'let_declaration', 'expression_statement', 'empty_statement']);

function isTail(node: SyntaxNode): boolean {
  return !NOT_EXPRESSIONS.has(node.type) && !ITEM_TYPES.has(node.type) && node.type !== 'macro_invocation';
}

const NESTED_BLOCKS: ReadonlySet<string> = new Set(['block', 'async_block', 'const_block']);

/** clippy's search: an unsafe block anywhere in the expression, not looking into nested blocks. */
function containsUnsafe(expr: SyntaxNode, text: string): boolean {
  // No `unsafe` in its text: no unsafe block, and no walk through its nodes.
  if (!/\bunsafe\b/.test(text.slice(expr.startIndex, expr.endIndex))) return false;
  // Token trees are read in the tree's own text (where `unsafe extern` may be blanked).
  const treeText = sourceText(expr) ?? expr.tree.rootNode.text;
  // The expression and its named descendants, depth first, by cursor: types and offsets only.
  const cursor = cursorAt(expr);
  for (;;) {
    const type = cursor.nodeType;
    if (type === 'unsafe_block') return true;
    if (type === 'token_tree' && /\bunsafe\s*\{/.test(treeText.slice(cursor.startIndex, cursor.endIndex))) return true;
    if (!NESTED_BLOCKS.has(type) && gotoNamed(cursor, cursor.gotoFirstChild())) continue;
    // The next named sibling here or further up, never above the expression.
    for (;;) {
      if (gotoNamed(cursor, cursor.gotoNextSibling())) break;
      if (!cursor.gotoParent()) return false;
    }
  }
}

/** After a move to a first child or next sibling (`moved`), steps on to a named node: false when none is left. */
function gotoNamed(cursor: TreeCursor, moved: boolean): boolean {
  if (!moved) return false;
  while (!cursor.nodeIsNamed) if (!cursor.gotoNextSibling()) return false;
  return true;
}

export const { code, mirrors, options, check } = unnecessarySafetyComment;
