/**
 * Feature gates in a parsed file: every name in `#![feature(...)]`, also inside
 * `#![cfg_attr(PRED, ...)]` (nested, several attributes per cfg_attr), with exact spans.
 * tree-sitter-rust does not parse attribute arguments into meta items: they are a flat
 * `token_tree`, so the items are recovered here by splitting it at top-level commas.
 */
import type { SyntaxNode } from '../parser';
import type { Span } from '../positions';
import { isWhiteSpace } from '../whitespace';
import type { Gate } from './types';

const COMMENTS = new Set(['line_comment', 'block_comment']);

/** One comma-separated item of a token tree: its tokens, and the commas around it. */
interface Item {
  readonly nodes: SyntaxNode[];
  /** The comma after the item, if any. */
  readonly comma?: SyntaxNode;
}

function spanOf(n: SyntaxNode): Span {
  return { start: n.startIndex, end: n.endIndex };
}

/** Splits `( a, b(c), d = "e" )` into its items; comments are not tokens. */
function items(tree: SyntaxNode): Item[] {
  const out: { nodes: SyntaxNode[]; comma?: SyntaxNode }[] = [];
  let current: SyntaxNode[] = [];
  const kids = tree.children.filter((c): c is SyntaxNode => c !== null);
  // Skip the opening and closing delimiters.
  for (const c of kids.slice(1, -1)) {
    if (COMMENTS.has(c.type)) continue;
    if (c.type === ',') {
      out.push({ nodes: current, comma: c });
      current = [];
    } else current.push(c);
  }
  if (current.length) out.push({ nodes: current });
  return out.filter((i) => i.nodes.length > 0);
}

/** `name(...)` as an item: the name and its argument tree. */
function asCall(item: Item): { name: string; args: SyntaxNode } | undefined {
  const [head, args, ...rest] = item.nodes;
  if (!head || !args || rest.length || head.type !== 'identifier' || args.type !== 'token_tree') return undefined;
  if (args.child(0)?.type !== '(') return undefined;
  return { name: head.text, args };
}

/** The span that deletes `item` from its list together with one adjacent comma. */
function removalSpan(list: readonly Item[], index: number): Span {
  const item = list[index]!;
  const start = item.nodes[0]!.startIndex;
  const end = item.nodes[item.nodes.length - 1]!.endIndex;
  if (item.comma && index < list.length - 1) return { start, end: list[index + 1]!.nodes[0]!.startIndex };
  const prev = list[index - 1];
  if (prev?.comma) return { start: prev.comma.startIndex, end: item.comma ? item.comma.endIndex : end };
  return { start, end: item.comma ? item.comma.endIndex : end };
}

interface Scope {
  /** Source text between two offsets inside the attribute. */
  readonly slice: (start: number, end: number) => string;
  readonly cfg: readonly string[];
  /** Where an emptied list (or emptied cfg_attr) is deleted; undefined = the whole attribute. */
  readonly removal?: Span;
}

function collect(attribute: Span, attrItems: readonly Item[], scope: Scope, out: Gate[]): void {
  attrItems.forEach((item, i) => {
    const call = asCall(item);
    if (!call) return;
    // Only one attribute in this list: emptying it empties the enclosing scope too.
    const removal = attrItems.length > 1 ? removalSpan(attrItems, i) : scope.removal;
    if (call.name === 'feature') {
      const names = items(call.args).filter((n) => n.nodes.length === 1 && n.nodes[0]!.type === 'identifier');
      const featureList = { start: item.nodes[0]!.startIndex, end: call.args.endIndex };
      names.forEach((n, index) => {
        const node = n.nodes[0]!;
        out.push({
          name: node.text,
          span: spanOf(node),
          attribute,
          featureList,
          siblings: names.length,
          index,
          cfg: scope.cfg,
          ...(removal && { listRemoval: removal }),
        });
      });
    } else if (call.name === 'cfg_attr') {
      const [pred, ...attrs] = items(call.args);
      if (!pred || !attrs.length) return;
      const first = pred.nodes[0]!;
      const last = pred.nodes[pred.nodes.length - 1]!;
      const predicate = scope.slice(first.startIndex, last.endIndex);
      collect(attribute, attrs, { slice: scope.slice, cfg: [...scope.cfg, predicate], removal }, out);
    }
  });
}

function gatesOfAttribute(attrItem: SyntaxNode, out: Gate[]): void {
  const attr = attrItem.namedChildren.find((c) => c?.type === 'attribute');
  if (!attr) return;
  const head = attr.child(0);
  const args = attr.child(1);
  if (!head || !args || head.type !== 'identifier' || args.type !== 'token_tree') return;
  // Treat the attribute body as a one-item list so feature and cfg_attr share one path.
  const body = attrItem.text;
  const slice = (start: number, end: number): string => body.slice(start - attrItem.startIndex, end - attrItem.startIndex);
  collect(spanOf(attrItem), [{ nodes: [head, args] }], { slice, cfg: [] }, out);
}

/** Every feature gate among the crate-level inner attributes of `root`, in source order. */
export function extractGates(root: SyntaxNode): Gate[] {
  const out: Gate[] = [];
  for (const attr of innerAttributeItems(root)) gatesOfAttribute(attr, out);
  return out;
}

/**
 * The inner attributes directly in the root, or inside ERROR nodes there (tree-sitter wraps text
 * it could not parse in ERROR nodes; gates may sit inside). Found from the text: each one opens
 * with `#` then `!` (only blanks or comments between), so only such `#` need a look at the tree,
 * instead of every top-level node of the file (this runs on every keystroke).
 */
function innerAttributeItems(root: SyntaxNode): SyntaxNode[] {
  const text = root.text;
  const found: SyntaxNode[] = [];
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    // Most `#` open an outer attribute, `#[`, or a doc heading, `# Safety`: told apart by the
    // first character after the blanks, read without making strings (this runs per `#`).
    const next = firstNonBlank(text, at + 1, at + 64);
    if (next !== BANG && next !== SLASH && next !== -1) continue;
    const token = root.descendantForIndex(root.startIndex + at, root.startIndex + at + 1);
    const attr = token?.type === '#' ? token.parent : null;
    if (attr?.type !== 'inner_attribute_item' || found.some((f) => f.id === attr.id)) continue;
    let up = attr.parent;
    while (up && up.type === 'ERROR' && up.id !== root.id) up = up.parent;
    if (up?.id === root.id) found.push(attr);
  }
  return found;
}

const BANG = 0x21;
const SLASH = 0x2f;

/** The first code unit in [from, to) that `\s` does not match, or -1. */
function firstNonBlank(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpace(c)) return c;
  }
  return -1;
}
