/**
 * Tree-sitter helpers the SAFETY analysis shares: which nodes are items (as rustc's HIR counts
 * them), the attributes and doc comments that belong to a node, and the walk up to the
 * enclosing item. tree-sitter keeps attributes and comments as siblings before the node they
 * annotate, so "the attributes of X" means the run of attribute/comment siblings just before X.
 */
import type { TreeCursor } from 'web-tree-sitter';
import type { SyntaxNode } from '../parser';
import { Recent } from '../recent';
import type { Span } from '../positions';
import { isBlankOrLineBreak } from '../whitespace';
import { parentOf, previousSiblingOf, typeOf } from './treeIndex';

/** Node types that are items in rustc's sense (each one is a HIR item). */
export const ITEM_TYPES: ReadonlySet<string> = new Set([
  'function_item',
  'function_signature_item',
  'struct_item',
  'enum_item',
  'union_item',
  'impl_item',
  'trait_item',
  'mod_item',
  'use_declaration',
  'extern_crate_declaration',
  'const_item',
  'static_item',
  'type_item',
  'macro_definition',
  'foreign_mod_item',
  'associated_type',
]);

/**
 * The file's own module: `source_file`, or the ERROR node tree-sitter makes the root when the
 * file as a whole does not parse. The root's direct children are the file's items either way, so
 * a keystroke that breaks the parse somewhere does not change what is said about code elsewhere
 * (nor whether the crate's inner attributes apply).
 */
export function isModuleRoot(node: SyntaxNode): boolean {
  const type = typeOf(node);
  return type === 'source_file' || (type === 'ERROR' && parentOf(node) === null);
}

export function isItem(node: SyntaxNode): boolean {
  if (ITEM_TYPES.has(node.type)) return true;
  // An item-level macro call expands to items; rustc then counts its span as the previous item.
  if (node.type !== 'macro_invocation') return false;
  const parent = parentOf(node);
  return parent !== null && (parent.type === 'declaration_list' || isModuleRoot(parent));
}

/**
 * Whether an attribute or a comment can end right before `offset`. Attributes end with `]` and
 * block comments with a slash; a line comment runs to the end of a line holding `//`. When the
 * nearest non-blank character fits none of these, the node has no attributes or comments before
 * it, and the sibling walk (tree-sitter calls per step) is not needed. `//` inside a string
 * makes the answer a needless yes, never a wrong no.
 */
function mayFollowAttributesOrComments(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && isBlankOrLineBreak(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = text[i];
  if (c === ']' || c === '/') return true;
  const slash = text.lastIndexOf('//', i);
  return slash >= 0 && text.lastIndexOf('\n', i) < slash;
}

/** The text `node`'s tree was parsed from, when registered with rememberTreeText. */
export const sourceText = (node: SyntaxNode): string | undefined => treeTexts.get(node.tree);

/** Source texts of the trees being analysed (a document's, its `unsafe extern` copy), so that syntax helpers can look at text first. */
const treeTexts = new Recent<object, string>(2);

/** Registers the text a tree was parsed from (done by the analysis entry points). */
export function rememberTreeText(tree: object, text: string): void {
  if (treeTexts.get(tree) !== text) treeTexts.set(tree, text);
}

/** An attribute or comment written before a node: what the rules read of it. */
export interface Annotation {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
}

const ANNOTATION_TYPES: ReadonlySet<string> = new Set(['attribute_item', 'line_comment', 'block_comment']);

// The attribute and comment siblings before each node asked about, per tree: attributes, doc
// comments, cfg and lint levels all read the same run.
const runsByTree = new Recent<object, Map<number, readonly Annotation[]>>(2);

/** The attribute and comment siblings written right before `node`, nearest first. */
function annotationsBefore(node: SyntaxNode): readonly Annotation[] {
  const text = sourceText(node);
  if (text !== undefined && !mayFollowAttributesOrComments(text, node.startIndex)) return [];
  let runs = runsByTree.get(node.tree);
  if (!runs) runsByTree.set(node.tree, (runs = new Map()));
  const known = runs.get(node.id);
  if (known) return known;
  const run: Annotation[] = [];
  for (let s = previousSiblingOf(node, text); s; s = previousSiblingOf(s, text)) {
    const type = s.type;
    if (!ANNOTATION_TYPES.has(type)) break;
    run.push({ type, startIndex: s.startIndex, endIndex: s.endIndex, text: s.text });
  }
  runs.set(node.id, run);
  return run;
}

/** The outer attributes written before `node` (across comments), nearest last. */
export function outerAttributes(node: SyntaxNode): Annotation[] {
  return annotationsBefore(node).filter((s) => s.type === 'attribute_item').reverse();
}

/** Inner attributes (`#![...]`) at the start of a source file, block or declaration list. */
export function innerAttributes(container: SyntaxNode): SyntaxNode[] {
  const attrs: SyntaxNode[] = [];
  // They can only come first (after comments), so stop at the first other node.
  for (let c = container.firstNamedChild; c; c = c.nextNamedSibling) {
    if (c.type === 'inner_attribute_item') attrs.push(c);
    else if (c.type !== 'line_comment' && c.type !== 'block_comment') break;
  }
  return attrs;
}

/** The doc comments (`///`, block doc comments) written before `node`, in source order. */
export function outerDocComments(node: SyntaxNode): Annotation[] {
  return annotationsBefore(node).filter((s) => s.type !== 'attribute_item' && isOuterDoc(s)).reverse();
}

export function isOuterDoc(comment: { readonly text: string }): boolean {
  return isOuterDocText(comment.text);
}

/** `///` (not `////`) or a block comment opening with two stars (not an empty block comment). */
export function isOuterDocText(text: string): boolean {
  return /^\/\/\/(?!\/)/.test(text) || /^\/\*\*(?![*/])/.test(text);
}

/** Start of a node including its outer attributes (not its comments). */
export function startWithAttributes(node: SyntaxNode): number {
  const attrs = outerAttributes(node);
  return attrs.length ? attrs[0]!.startIndex : node.startIndex;
}

/** Nearest ancestor (or the node itself) satisfying `pred`. */
export function closest(node: SyntaxNode | null, pred: (n: SyntaxNode) => boolean): SyntaxNode | null {
  for (let n = node; n; n = parentOf(n)) if (pred(n)) return n;
  return null;
}

/**
 * Types the analysis looks for below a tree's root. One tree-sitter search for all of them,
 * kept per tree, answers every rule's whole-tree query: a search costs a walk of the whole tree
 * whatever it looks for, so asking once instead of once per rule is most of the saving.
 */
const ROOT_SCAN_TYPES: readonly string[] = [
  ...ITEM_TYPES, 'block', 'unsafe_block', 'attribute_item', 'token_tree',
];

interface TypedNode {
  readonly node: SyntaxNode;
  readonly type: string;
}

// The last tree's scan only: the rules of one analysis ask back to back, and a server with many
// documents open should not hold every document's nodes.
let rootScan: { readonly tree: object; readonly types: ReadonlySet<string>; readonly nodes: readonly TypedNode[] } | undefined;

/** Nodes of the given types below `root`, in document order, from one search per tree when `root` is the tree's root. */
function descendantsOf(root: SyntaxNode, types: ReadonlySet<string>): TypedNode[] {
  const scan = (wanted: Iterable<string>): TypedNode[] =>
    root.descendantsOfType([...wanted]).flatMap((n) => (n ? [{ node: n, type: n.type }] : []));
  if (root.startIndex !== 0 || root.id !== root.tree.rootNode.id) return scan(types);
  let cached = rootScan?.tree === root.tree ? rootScan : undefined;
  if (!cached || [...types].some((t) => !cached!.types.has(t))) {
    const all = new Set([...ROOT_SCAN_TYPES, ...(cached?.types ?? []), ...types]);
    cached = { tree: root.tree, types: all, nodes: scan(all) };
    rootScan = cached;
  }
  return cached.nodes.filter((n) => types.has(n.type));
}

/**
 * Nodes below `root` whose type is in `wanted`, in document order, leaving out those inside a
 * node whose type is in `prune` (a pruned node itself is still returned when wanted). Uses
 * tree-sitter's own search, several times faster than stepping a cursor from JavaScript.
 */
export function nodesOfType(root: SyntaxNode, wanted: ReadonlySet<string>, prune?: ReadonlySet<string>): SyntaxNode[] {
  if (!prune || prune.size === 0) return descendantsOf(root, wanted).map((n) => n.node);
  return withoutPruned(descendantsOf(root, new Set([...wanted, ...prune])), wanted, prune);
}

/**
 * From nodes in document order (types `wanted` and `prune`), those of a wanted type that are not
 * inside a node whose type is in `prune` (a pruned node itself stays when wanted).
 */
function withoutPruned(both: readonly TypedNode[], wanted: ReadonlySet<string>, prune: ReadonlySet<string>): SyntaxNode[] {
  // Outermost pruned ranges, in document order.
  const ranges: { start: number; end: number; id: number }[] = [];
  for (const { node: n, type } of both) {
    if (!prune.has(type)) continue;
    const last = ranges[ranges.length - 1];
    if (last && n.startIndex >= last.start && n.endIndex <= last.end) continue;
    ranges.push({ start: n.startIndex, end: n.endIndex, id: n.id });
  }
  const out: SyntaxNode[] = [];
  let r = 0;
  for (const { node: n, type } of both) {
    if (!wanted.has(type)) continue;
    while (r < ranges.length && ranges[r]!.end <= n.startIndex) r++;
    const range = ranges[r];
    const inside = range !== undefined && range.id !== n.id && n.startIndex >= range.start && n.endIndex <= range.end;
    if (!inside) out.push(n);
  }
  return out;
}

/**
 * Where the `unsafe` keyword directly in a node or in its function_modifiers child is. A cursor
 * reads the children's types: no node object is made for them (a function's children include
 * its whole body).
 */
export function unsafeKeyword(node: SyntaxNode): Span | null {
  const cursor = cursorAt(node);
  if (!cursor.gotoFirstChild()) return null;
  do {
    const type = cursor.nodeType;
    if (type === 'unsafe' && !cursor.nodeIsNamed) return { start: cursor.startIndex, end: cursor.endIndex };
    if (type === 'function_modifiers' && cursor.gotoFirstChild()) {
      do if (cursor.nodeType === 'unsafe') return { start: cursor.startIndex, end: cursor.endIndex };
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  } while (cursor.gotoNextSibling());
  return null;
}

// One cursor for the tree being read, moved to each node asked about: making and freeing one per
// question costs more than the question. The previous tree's cursor is freed when the next comes.
let shared: { readonly tree: object; readonly cursor: TreeCursor } | undefined;

/**
 * A cursor on `node`, which it cannot leave (as `node.walk()` gives), shared: valid until the next
 * call, and never to be deleted by the caller.
 */
export function cursorAt(node: SyntaxNode): TreeCursor {
  if (shared?.tree !== node.tree) {
    shared?.cursor.delete();
    shared = { tree: node.tree, cursor: node.walk() };
  } else shared.cursor.reset(node);
  return shared.cursor;
}

/** The previous sibling that is an item, skipping comments and attributes. */
export function previousItem(node: SyntaxNode): SyntaxNode | null {
  const text = sourceText(node);
  for (let s = previousSiblingOf(node, text); s; s = previousSiblingOf(s, text)) if (isItem(s)) return s;
  return null;
}

/** Text of a `visibility_modifier` child, or '' when private. */
export function visibility(node: SyntaxNode): string {
  const text = sourceText(node);
  if (text === undefined) {
    for (const c of node.namedChildren) if (c?.type === 'visibility_modifier') return c.text.replace(/\s+/g, '');
    return '';
  }
  // The children's types by cursor: no node object for each of them.
  const cursor = cursorAt(node);
  if (!cursor.gotoFirstChild()) return '';
  do {
    if (cursor.nodeIsNamed && cursor.nodeType === 'visibility_modifier') return text.slice(cursor.startIndex, cursor.endIndex).replace(/\s+/g, '');
  } while (cursor.gotoNextSibling());
  return '';
}
