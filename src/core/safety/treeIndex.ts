/**
 * Parent and sibling lookups that avoid tree-sitter's own. web-tree-sitter finds `node.parent`
 * (and `previousSibling`/`nextSibling`, which go through the parent) by descending from the
 * root and stepping over every top-level item before the node, so each call costs time linear
 * in the file and a walk up to the root is quadratic. Here the root's children are kept once per
 * tree in a JS array searched by offset, the path down from the top-level item is found with a
 * cursor, and every parent and child list seen is remembered for the rest of the tree's life.
 * Answers are the very nodes tree-sitter would give (the fallback is tree-sitter itself).
 */
import type { Tree } from 'web-tree-sitter';
import type { SyntaxNode } from '../parser';

interface Index {
  readonly root: SyntaxNode;
  readonly top: readonly SyntaxNode[];
  readonly topStart: Int32Array;
  readonly topEnd: Int32Array;
  /** Parent by node id (null for the root). */
  readonly parents: Map<number, SyntaxNode | null>;
  /** Child lists by parent id. */
  readonly children: Map<number, readonly SyntaxNode[]>;
  /** The last path found, root first, so that neighbours start their search close by. */
  path: SyntaxNode[];
}

const indexes = new WeakMap<Tree, Index>();

function indexFor(node: SyntaxNode): Index {
  const tree = node.tree;
  let index = indexes.get(tree);
  if (!index) {
    const root = tree.rootNode;
    const top = root.children.filter((c): c is SyntaxNode => c !== null);
    const topStart = new Int32Array(top.length);
    const topEnd = new Int32Array(top.length);
    top.forEach((c, i) => {
      topStart[i] = c.startIndex;
      topEnd[i] = c.endIndex;
    });
    const parents = new Map<number, SyntaxNode | null>([[root.id, null]]);
    for (const c of top) parents.set(c.id, root);
    index = { root, top, topStart, topEnd, parents, children: new Map([[root.id, top]]), path: [root] };
    indexes.set(tree, index);
  }
  return index;
}

const contains = (n: { startIndex: number; endIndex: number }, start: number, end: number): boolean => n.startIndex <= start && end <= n.endIndex;

/**
 * Depth-first search below `from` for the node with `id`, entering only subtrees that span it.
 * Returns the path from `from`'s first child down to the node, or undefined.
 */
function search(from: SyntaxNode, id: number, start: number, end: number, maxDepth: number): SyntaxNode[] | undefined {
  const cursor = from.walk();
  const path: SyntaxNode[] = [];
  try {
    if (!cursor.gotoFirstChild()) return undefined;
    for (;;) {
      const s = cursor.startIndex;
      const e = cursor.endIndex;
      if (s <= start && end <= e) {
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

/** The top-level children that span [start, end] (several only around zero-width nodes). */
function topCandidates(index: Index, start: number, end: number): SyntaxNode[] {
  const { topStart, topEnd, top } = index;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (topEnd[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const out: SyntaxNode[] = [];
  for (let i = lo; i < top.length && topStart[i]! <= start; i++) if (topEnd[i]! >= end) out.push(top[i]!);
  return out;
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
    const below = search(from, id, start, end, maxDepth - k);
    if (below) return [...last.slice(0, k + 1), ...below];
    break;
  }
  for (const top of topCandidates(index, start, end)) {
    if (top.id === id) return [index.root, top];
    const below = search(top, id, start, end, maxDepth - 1);
    if (below) return [index.root, top, ...below];
  }
  return undefined;
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

/** Whether `node` is at most `max` levels below the root (the root is level 0). */
export function depthAtMost(node: SyntaxNode, max: number): boolean {
  const index = indexFor(node);
  const path = pathTo(index, node, max);
  if (!path) return false;
  remember(index, path);
  return path.length - 1 <= max;
}

function childrenOf(index: Index, parent: SyntaxNode): readonly SyntaxNode[] {
  let list = index.children.get(parent.id);
  if (!list) {
    list = parent.children.filter((c): c is SyntaxNode => c !== null);
    for (const c of list) if (!index.parents.has(c.id)) index.parents.set(c.id, parent);
    index.children.set(parent.id, list);
  }
  return list;
}

function sibling(node: SyntaxNode, step: 1 | -1): SyntaxNode | null {
  const index = indexFor(node);
  const parent = parentOf(node);
  if (!parent) return null;
  const list = childrenOf(index, parent);
  const at = list.findIndex((c) => c.id === node.id);
  if (at < 0) return step === 1 ? node.nextSibling : node.previousSibling;
  return list[at + step] ?? null;
}

export function previousSiblingOf(node: SyntaxNode): SyntaxNode | null {
  return sibling(node, -1);
}

export function nextSiblingOf(node: SyntaxNode): SyntaxNode | null {
  return sibling(node, 1);
}
