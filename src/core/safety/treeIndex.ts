/**
 * Parent and sibling lookups that avoid tree-sitter's own. web-tree-sitter finds `node.parent`
 * (and `previousSibling`/`nextSibling`, which go through the parent) by descending from the
 * root and stepping over every top-level item before the node, so each call costs time linear
 * in the file and a walk up to the root is quadratic. Here the path down to a node is found once
 * (one `childWithDescendant` call per level, starting from the last path found when that one
 * holds the node), and every parent and child list seen is remembered for the tree's life.
 * Answers are the very nodes tree-sitter would give (the fallback is tree-sitter itself).
 */
import type { Tree } from 'web-tree-sitter';
import type { SyntaxNode } from '../parser';
import { Recent } from '../recent';
import { isBlankOrLineBreak } from '../whitespace';

interface Index {
  readonly root: SyntaxNode;
  /** Parent by node id (null for the root). */
  readonly parents: Map<number, SyntaxNode | null>;
  /** Child lists by parent id. */
  readonly children: Map<number, Children>;
  /** Sibling questions about the root's children so far. */
  rootSiblingCalls: number;
  /** The last path found, root first, so that neighbours start their search close by. */
  path: readonly SyntaxNode[];
  /** Node types by id: paths and parent walks read the same nodes' types again and again. */
  readonly types: Map<number, string>;
  /** The tree has no ERROR or MISSING node (so no zero-width one), once asked. */
  clean?: boolean;
}

// The trees of the analysis under way (a document's, and its `unsafe extern` re-parse): only
// the latest few are kept, so that a server with many documents open holds no node maps for them.
const indexes = new Recent<Tree, Index>(2);

function indexFor(node: SyntaxNode): Index {
  const tree = node.tree;
  let index = indexes.get(tree);
  if (!index) {
    const root = tree.rootNode;
    index = { root, parents: new Map([[root.id, null]]), children: new Map(), path: [root], rootSiblingCalls: 0, types: new Map() };
    indexes.set(tree, index);
  }
  return index;
}

const contains = (n: { startIndex: number; endIndex: number }, start: number, end: number): boolean => n.startIndex <= start && end <= n.endIndex;

/**
 * The path below `from` down to `node` (excluded `from`, included `node`), one
 * `childWithDescendant` call per level, at most `maxSteps` levels: 'deeper' when the node lies
 * further down, undefined when the walk went astray (`from` is not an ancestor).
 */
function descend(from: SyntaxNode, node: SyntaxNode, maxSteps: number): SyntaxNode[] | 'deeper' | undefined {
  const path: SyntaxNode[] = [];
  for (let n = from; ; ) {
    if (path.length >= maxSteps) return 'deeper';
    const c = n.childWithDescendant(node);
    if (!c) return undefined;
    path.push(c);
    if (c.id === node.id) return path;
    n = c;
  }
}

/**
 * Depth-first search below `from` for the node with `id`, entering only subtrees that span it:
 * the slow but sure way, for the rare trees (zero-width nodes) where `descend` goes astray.
 */
function search(from: SyntaxNode, id: number, start: number, end: number, maxDepth: number): SyntaxNode[] | undefined {
  const cursor = from.walk();
  const path: SyntaxNode[] = [];
  try {
    if (!cursor.gotoFirstChild()) return undefined;
    for (;;) {
      if (cursor.startIndex <= start && end <= cursor.endIndex) {
        const node = cursor.currentNode;
        path.push(node);
        if (node.id === id) return path;
        if (path.length < maxDepth && cursor.gotoFirstChild()) continue;
        path.pop();
      }
      // Next sibling, or back up until one exists.
      while (!cursor.gotoNextSibling()) {
        if (path.length === 0 || !cursor.gotoParent()) return undefined;
        path.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Path from the root to `node` (both included), or undefined when not found within `maxDepth` levels. */
function pathTo(index: Index, node: SyntaxNode, maxDepth: number): SyntaxNode[] | undefined {
  const id = node.id;
  const { startIndex: start, endIndex: end } = node;
  if (id === index.root.id) return [index.root];
  // Start from the deepest node of the last path that spans this one.
  const last = index.path;
  for (let k = last.length - 1; k >= 1; k--) {
    const from = last[k]!;
    if (from.id === id) return last.slice(0, k + 1);
    if (!contains(from, start, end)) continue;
    if (k >= maxDepth) break;
    const below = descend(from, node, maxDepth - k);
    if (Array.isArray(below)) return [...last.slice(0, k + 1), ...below];
    break;
  }
  const below = descend(index.root, node, maxDepth);
  if (below === 'deeper') return undefined;
  const path = below ?? search(index.root, id, start, end, maxDepth);
  return path ? [index.root, ...path] : undefined;
}

/** `path` is kept, not copied: the paths handed out are new arrays that no caller changes. */
function remember(index: Index, path: readonly SyntaxNode[]): void {
  index.path = path;
  for (let i = 1; i < path.length; i++) if (!index.parents.has(path[i]!.id)) index.parents.set(path[i]!.id, path[i - 1]!);
}

/** `node.type`, asked of tree-sitter once per node of the tree. */
export function typeOf(node: SyntaxNode): string {
  const types = indexFor(node).types;
  let type = types.get(node.id);
  if (type === undefined) types.set(node.id, (type = node.type));
  return type;
}

/** `node.parent`, answered without tree-sitter's descent from the root where possible. */
export function parentOf(node: SyntaxNode): SyntaxNode | null {
  const index = indexFor(node);
  const known = index.parents.get(node.id);
  if (known !== undefined) return known;
  const path = pathTo(index, node, Number.MAX_SAFE_INTEGER);
  if (path) {
    remember(index, path);
    return path[path.length - 2] ?? null;
  }
  const parent = node.parent;
  index.parents.set(node.id, parent);
  return parent;
}

/** The path from the root down to `node` (both included), or undefined when it lies deeper than `maxDepth`. */
export function pathFromRoot(node: SyntaxNode, maxDepth: number): readonly SyntaxNode[] | undefined {
  const index = indexFor(node);
  const path = pathTo(index, node, maxDepth);
  if (path) remember(index, path);
  return path;
}

/**
 * The path from the root down through the nodes holding the character at `offset`: to the token
 * there, or to the first node for which `stop` holds. Each level is one `firstChildForIndex`
 * call below the deepest node of the last path that holds the character (and is not a stop), so
 * no node is made twice and nothing below the stop. At each level the child taken is the first
 * one ending after `offset`, when it does not start after it: the choice descendantForIndex(offset,
 * offset + 1) makes, so the token reached is the one it finds. Undefined when the path would be
 * longer than `maxDepth` levels below the root.
 */
function descendToOffset(root: SyntaxNode, offset: number, maxDepth: number, stop?: (n: SyntaxNode) => boolean): SyntaxNode[] | undefined {
  const index = indexFor(root);
  if (index.root.id !== root.id) return undefined;
  const last = index.path;
  let k = 0;
  for (let i = Math.min(last.length - 1, maxDepth); i >= 1; i--) {
    const n = last[i]!;
    if (contains(n, offset, offset + 1) && !stop?.(n)) {
      k = i;
      break;
    }
  }
  const path = last.slice(0, k + 1);
  for (let n = path[k]!; !stop?.(n); ) {
    const c = n.firstChildForIndex(offset);
    if (!c || c.startIndex > offset) break;
    if (path.length > maxDepth) return undefined;
    path.push(c);
    n = c;
  }
  remember(index, path);
  return path;
}

/** The path from the root (`root`, a tree's root) to the token holding the character at `offset`: pathFromRoot(root.descendantForIndex(offset, offset + 1)). */
export function pathToOffset(root: SyntaxNode, offset: number, maxDepth: number): readonly SyntaxNode[] | undefined {
  return descendToOffset(root, offset, maxDepth);
}

/**
 * For a line whose first non-blank character is at `first` (`lineStart` being the line's start):
 * the path from the root down to the first node on it that starts on the line (the outermost one
 * starting at `first`), or to the token holding `first` when none does. The levels below, down
 * to the token, are not made.
 */
export function pathToLineStart(root: SyntaxNode, first: number, lineStart: number, maxDepth: number): readonly SyntaxNode[] | undefined {
  return descendToOffset(root, first, maxDepth, (n) => n.startIndex >= lineStart);
}

/** Whether `node` is at most `max` levels below the root (the root is level 0). */
export function depthAtMost(node: SyntaxNode, max: number): boolean {
  const index = indexFor(node);
  const path = pathTo(index, node, max);
  if (!path) return false;
  remember(index, path);
  return path.length - 1 <= max;
}

interface Children {
  readonly list: readonly SyntaxNode[];
  /** Position in `list` by node id. */
  readonly at: ReadonlyMap<number, number>;
}

function childrenOf(index: Index, parent: SyntaxNode): Children {
  let children = index.children.get(parent.id);
  if (!children) {
    const list = parent.children.filter((c): c is SyntaxNode => c !== null);
    const at = new Map<number, number>();
    list.forEach((c, i) => {
      at.set(c.id, i);
      if (!index.parents.has(c.id)) index.parents.set(c.id, parent);
    });
    children = { list, at };
    index.children.set(parent.id, children);
  }
  return children;
}

/**
 * The children of `parent` (all of them, named or not), remembered with their parent so that
 * later parent and sibling questions about them cost no call into the parser.
 */
export function childrenOfNode(parent: SyntaxNode): readonly SyntaxNode[] {
  return childrenOf(indexFor(parent), parent).list;
}

/** Sibling questions about top-level nodes tree-sitter answers before the root's list is copied. */
const NATIVE_ROOT_SIBLINGS = 64;

function sibling(node: SyntaxNode, step: 1 | -1, text?: string): SyntaxNode | null {
  const index = indexFor(node);
  const parent = parentOf(node);
  if (!parent) return null;
  // For the root's children tree-sitter is quick (a pass over them, no descent) and the list is
  // long to copy: worth it for a whole-file analysis, not for one changed item.
  if (parent.id === index.root.id && ++index.rootSiblingCalls <= NATIVE_ROOT_SIBLINGS && !index.children.has(parent.id)) {
    return stepWithoutList(index, node, parent, step, text);
  }
  // Below the root, a step without the list is cheaper than copying a child list that was not
  // needed otherwise (a doc comment walk takes a few steps in a long impl).
  if (parent.id !== index.root.id && !index.children.has(parent.id)) return stepWithoutList(index, node, parent, step, text);
  const { list, at } = childrenOf(index, parent);
  const i = at.get(node.id);
  if (i === undefined) return nativeSibling(index, node, parent, step);
  return list[i + step] ?? null;
}

/** A sibling step without the parent's child list: found from the text when it can, else by tree-sitter. */
function stepWithoutList(index: Index, node: SyntaxNode, parent: SyntaxNode, step: 1 | -1, text: string | undefined): SyntaxNode | null {
  if (step === -1 && text !== undefined) {
    const found = previousByText(index, node, parent, text);
    if (found !== undefined) return found;
  }
  return nativeSibling(index, node, parent, step);
}

/**
 * tree-sitter's own sibling step. The sibling has the same parent: remembered, so that the next
 * step of a walk through siblings needs no search for its parent.
 */
function nativeSibling(index: Index, node: SyntaxNode, parent: SyntaxNode, step: 1 | -1): SyntaxNode | null {
  const s = step === 1 ? node.nextSibling : node.previousSibling;
  if (s && !index.parents.has(s.id)) index.parents.set(s.id, parent);
  return s;
}

/**
 * The sibling before `node`. With `text`, the text the tree was parsed from, it is found in the
 * parent by the offset where it ends when it can (see previousByText).
 */
export function previousSiblingOf(node: SyntaxNode, text?: string): SyntaxNode | null {
  return sibling(node, -1, text);
}

/**
 * The sibling before `node`, as the child of `parent` holding the last non-blank character before
 * it: one search through the parent's children, where tree-sitter's own step first descends from
 * the root to the parent. Only blanks may lie between that child and `node`, so it is the previous
 * sibling unless a zero-width node sits there, which only a tree with errors has (those, and a
 * node with nothing before it in its parent, are left to the other ways: undefined).
 */
function previousByText(index: Index, node: SyntaxNode, parent: SyntaxNode, text: string): SyntaxNode | undefined {
  index.clean ??= !index.root.hasError;
  if (!index.clean) return undefined;
  const start = node.startIndex;
  let x = start - 1;
  while (x >= parent.startIndex && isBlankOrLineBreak(text.charCodeAt(x))) x--;
  if (x < parent.startIndex) return undefined;
  const s = parent.firstChildForIndex(x);
  if (!s || s.startIndex > x) return undefined;
  const end = s.endIndex;
  if (end > start) return undefined;
  for (let i = end; i < start; i++) if (!isBlankOrLineBreak(text.charCodeAt(i))) return undefined;
  if (!index.parents.has(s.id)) index.parents.set(s.id, parent);
  return s;
}

export function nextSiblingOf(node: SyntaxNode): SyntaxNode | null {
  return sibling(node, 1);
}
