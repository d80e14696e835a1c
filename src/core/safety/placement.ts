/**
 * Where clippy looks for the SAFETY comment of a construct: which lines the upward scan may
 * cover (never above the enclosing function, the previous item, or the enclosing block) and
 * which statement a block's comment may sit above (`let`, assignment, expression statement,
 * `const`/`static`), mirroring clippy's walk from the block up through enclosing expressions.
 */
import type { SyntaxNode } from '../parser';
import type { LineIndex } from '../positions';
import type { SafetyOptions } from './types';
import { commentInsideBlock, findSafetyComment, type FoundComment } from './commentScan';
import { isModuleRoot, ITEM_TYPES, previousItem, startWithAttributes } from './syntax';
import { parentOf, typeOf } from './treeIndex';

/** Expressions clippy walks through on the way from a block to its statement. */
const EXPRESSIONS: ReadonlySet<string> = new Set([
  'call_expression', 'field_expression', 'binary_expression', 'unary_expression', 'reference_expression',
  'type_cast_expression', 'try_expression', 'await_expression', 'index_expression', 'tuple_expression',
  'array_expression', 'struct_expression', 'parenthesized_expression', 'closure_expression',
  'return_expression', 'break_expression', 'range_expression', 'compound_assignment_expr',
  'if_expression', 'match_expression', 'while_expression', 'loop_expression', 'for_expression',
  'let_condition', 'let_chain', 'yield_expression', 'generic_function', 'unsafe_block',
]);

/** Syntax that is part of its parent expression in rustc's tree (argument lists, field lists). */
// Struct literal fields are not expressions in rustc's tree: the walk stops at them.
const WRAPPERS: ReadonlySet<string> = new Set(['arguments']);

const BRANCHY: ReadonlySet<string> = new Set(['if_expression', 'match_expression', 'while_expression', 'loop_expression', 'for_expression']);

const lineOf = (lines: LineIndex, offset: number): number => lines.lineOf(offset);

/**
 * First line (0-based) a block's comment may be on: the line after the enclosing function or
 * other item starts; through `const`/`static` items up to the module (after the previous item).
 * Undefined where clippy cannot read the range (a module file's first item) and assumes a comment.
 */
export function bodySearchFromLine(node: SyntaxNode, lines: LineIndex, crateRoot = true): number | undefined {
  // A const/static passed on the way up; it matters only when it sits directly in a module.
  let constItem: SyntaxNode | null = null;
  for (let child: SyntaxNode = node, n = parentOf(node); n; child = n, n = parentOf(n)) {
    const type = typeOf(n);
    if (type === 'const_item' || type === 'static_item') {
      constItem = n;
      continue;
    }
    if (isModuleRoot(n)) {
      if (crateRoot) return 1;
      const prev = constItem === child ? previousItem(child) : null;
      return prev ? lineOf(lines, prev.endIndex) + 1 : undefined;
    }
    const owner = type === 'declaration_list' ? parentOf(n) : null;
    if (owner && typeOf(owner) === 'mod_item') {
      const prev = constItem === child ? previousItem(child) : null;
      return lineOf(lines, prev ? prev.endIndex : owner.startIndex) + 1;
    }
    if (ITEM_TYPES.has(type)) return lineOf(lines, n.startIndex) + 1;
    if (type !== 'declaration_list') constItem = null;
  }
  return 0;
}

export interface StatementAnchor {
  /** The statement-like node whose attributes count. */
  readonly node: SyntaxNode;
  /** Where the statement starts (for an assignment: its `=`). */
  readonly start: number;
}

/** The statement, assignment or `const`/`static` a block's comment may sit above. */
export function statementAnchor(block: SyntaxNode): StatementAnchor | undefined {
  let cur = block;
  for (let p = parentOf(block); p; p = parentOf(p)) {
    const type = typeOf(p);
    if (type === 'let_declaration' || type === 'const_item' || type === 'static_item') return { node: p, start: p.startIndex };
    if (type === 'assignment_expression') {
      const eq = p.children.find((c) => c?.type === '=');
      const up = parentOf(p);
      const owner = up && typeOf(up) === 'expression_statement' ? up : p;
      return { node: owner, start: eq ? eq.startIndex : p.startIndex };
    }
    if (WRAPPERS.has(type) || type === 'match_block' || type === 'else_clause' || type === 'condition') continue;
    if (EXPRESSIONS.has(type) && type !== 'unsafe_block') {
      cur = p;
      continue;
    }
    if (BRANCHY.has(typeOf(cur))) return undefined;
    return { node: type === 'expression_statement' ? p : cur, start: cur.startIndex };
  }
  return undefined;
}

/** Where clippy cannot read the lines to search and so treats a comment as present. */
export function assumedDocumented(node: SyntaxNode, lines: LineIndex, options: SafetyOptions): boolean {
  if (node.type === 'impl_item') return itemSearchFromLine(node, lines, options.crateRoot) === undefined;
  return bodySearchFromLine(node, lines, options.crateRoot) === undefined;
}

/** clippy's check for an unsafe block: the lines above it, then above its statement. */
export function blockSafetyComment(block: SyntaxNode, lines: LineIndex, options: SafetyOptions): FoundComment | undefined {
  const from = bodySearchFromLine(block, lines, options.crateRoot);
  if (from === undefined) return undefined;
  const direct = findSafetyComment(lines, { fromLine: from, toLine: lineOf(lines, block.startIndex) }, options.acceptCommentAboveAttributes);
  if (direct) return direct;
  const brace = block.namedChildren.find((c) => c?.type === 'block');
  const inside = brace ? commentInsideBlock(lines.text, brace.startIndex) : undefined;
  if (inside || !options.acceptCommentAboveStatement) return inside;
  const anchor = statementAnchor(block);
  if (!anchor) return undefined;
  const start = options.acceptCommentAboveAttributes ? Math.min(anchor.start, startWithAttributes(anchor.node)) : anchor.start;
  return findSafetyComment(lines, { fromLine: from, toLine: lineOf(lines, start) }, options.acceptCommentAboveAttributes);
}

/**
 * First line an item's comment may be on, or undefined where clippy does not look (items in
 * traits, impls and extern blocks; the first item of a module file). The first item of a crate
 * root may use the file's first line.
 */
export function itemSearchFromLine(item: SyntaxNode, lines: LineIndex, crateRoot = true): number | undefined {
  const parent = parentOf(item);
  if (!parent) return undefined;
  if (isModuleRoot(parent)) {
    const prev = previousItem(item);
    return prev ? lineOf(lines, prev.endIndex) + 1 : crateRoot ? 0 : undefined;
  }
  const owner = parent.type === 'declaration_list' ? parentOf(parent) : null;
  if (owner?.type === 'mod_item') {
    const prev = previousItem(item);
    return lineOf(lines, prev ? prev.endIndex : owner.startIndex) + 1;
  }
  if (parent.type === 'block') return lineOf(lines, parent.startIndex) + 1;
  return undefined;
}

/** clippy's check for an item (`unsafe impl`, or any item for unnecessary comments). */
export function itemSafetyComment(item: SyntaxNode, lines: LineIndex, options: SafetyOptions): FoundComment | undefined {
  const from = itemSearchFromLine(item, lines, options.crateRoot);
  if (from === undefined) return undefined;
  return findSafetyComment(lines, { fromLine: from, toLine: lineOf(lines, item.startIndex) }, options.acceptCommentAboveAttributes);
}

/** Whether clippy checks this item position at all (else its comment state is "maybe"). */
export function itemPositionChecked(item: SyntaxNode): boolean {
  const parent = parentOf(item);
  if (!parent) return false;
  return isModuleRoot(parent) || parent.type === 'block' || (parent.type === 'declaration_list' && parentOf(parent)?.type === 'mod_item');
}

/** A statement's comment: the lines above it inside its block. */
export function statementSafetyComment(stmt: SyntaxNode, block: SyntaxNode, lines: LineIndex, options: SafetyOptions): FoundComment | undefined {
  const start = options.acceptCommentAboveAttributes ? startWithAttributes(stmt) : stmt.startIndex;
  return findSafetyComment(lines, { fromLine: lineOf(lines, block.startIndex) + 1, toLine: lineOf(lines, start) }, options.acceptCommentAboveAttributes);
}
