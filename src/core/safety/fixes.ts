/** Fixes the SAFETY rules attach to their findings (turned into code actions by the server). */
import type { Fix } from '../findings';
import type { SyntaxNode } from '../parser';
import type { LineIndex } from '../positions';
import { ITEM_TYPES, startWithAttributes } from './syntax';
import { parentOf } from './treeIndex';

function indentOf(lines: LineIndex, offset: number): string {
  const line = lines.lineText(lines.lineOf(offset));
  return /^[ \t]*/.exec(line)![0];
}

/** Inserts `<indent>text` as a new line above the line holding `offset`. */
export function insertLineAbove(lines: LineIndex, offset: number, text: string, title: string, preferred = false): Fix {
  const at = lines.lineStart(lines.lineOf(offset));
  return { title, preferred, edits: [{ span: { start: at, end: at }, newText: `${indentOf(lines, offset)}${text}\n` }] };
}

/** The item an `#[expect(...)]` would go on: the nearest enclosing item (not a module body). */
export function enclosingItem(node: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = parentOf(n)) if (ITEM_TYPES.has(n.type) && n.type !== 'mod_item') return n;
  return null;
}

/** `#[expect(clippy::<lint>)]` on the enclosing item, above its other attributes. */
export function expectFix(lines: LineIndex, node: SyntaxNode, lint: string): Fix | undefined {
  const item = enclosingItem(node);
  if (!item) return undefined;
  return insertLineAbove(lines, startWithAttributes(item), `#[expect(clippy::${lint})]`, `Add #[expect(clippy::${lint})] to the enclosing item`);
}
