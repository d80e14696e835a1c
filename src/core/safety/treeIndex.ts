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

interface Index {
  readonly root: SyntaxNode;
  /** Parent by node id (null for the root). */
  readonly parents: Map<number, SyntaxNode | null>;
  /** Child lists by parent id. */
  readonly children: Map<number, Children>;
  /** Sibling questions about the root's children so far. */
  rootSiblingCalls: number;
  /** The last path found, root first, so that neighbours start their search close by. */
  path: SyntaxNode[];
}

// The trees of the analysis under way (a document's, and its `unsafe extern` re-parse): only
// the latest few are kept, so that a server with many documents open holds no node maps for them.
const indexes: { tree: Tree; index: Index }[] = [];
const KEEP = 2;

function indexFor(node: SyntaxNode): Index {
  const tree = node.tree;
  const hit = indexes.find((e) => e.tree === tree);
  if (hit) return hit.index;
  const root = tree.rootNode;
  const index: Index = { root, parents: new Map([[root.id, null]]), children: new Map(), path: [root], rootSiblingCalls: 0 };
  indexes.unshift({ tree, index });
  if (indexes.length > KEEP) indexes.pop();
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

function remember(index: Index, path: readonly SyntaxNode[]): void {
  index.path = [...path];
  for (let i = 1; i < path.length; i++) if (!index.parents.has(path[i]!.id)) index.parents.set(path[i]!.id, path[i - 1]!);
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

function sibling(node: SyntaxNode, step: 1 | -1): SyntaxNode | null {
  const index = indexFor(node);
  const parent = parentOf(node);
  if (!parent) return null;
  // For the root's children tree-sitter is quick (a pass over them, no descent) and the list is
  // long to copy: worth it for a whole-file analysis, not for one changed item.
  if (parent.id === index.root.id && ++index.rootSiblingCalls <= NATIVE_ROOT_SIBLINGS && !index.children.has(parent.id)) {
    return step === 1 ? node.nextSibling : node.previousSibling;
  }
  // Below the root, tree-sitter's own sibling step is cheaper than copying a child list that
  // was not needed otherwise (a doc comment walk takes a few steps in a long impl).
  if (parent.id !== index.root.id && !index.children.has(parent.id)) return step === 1 ? node.nextSibling : node.previousSibling;
  const { list, at } = childrenOf(index, parent);
  const i = at.get(node.id);
  if (i === undefined) return step === 1 ? node.nextSibling : node.previousSibling;
  return list[i + step] ?? null;
}

export function previousSiblingOf(node: SyntaxNode): SyntaxNode | null {
  return sibling(node, -1);
}

export function nextSiblingOf(node: SyntaxNode): SyntaxNode | null {
  return sibling(node, 1);
}
