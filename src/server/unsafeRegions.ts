/**
 * What the editor shades as unsafe: unsafe blocks, the bodies of unsafe fns (their signature is
 * not unsafe code) and whole unsafe impls. Computed while the tree is at hand, right after analysis.
 */
import type { ParsedDocument } from '../core/parser';
import type { Span } from '../core/positions';
import type { UnsafeSite } from '../core/safety/types';

/**
 * Fn bodies by site. The incremental analysis hands the same site object back only for an item
 * whose text is unchanged, without parse errors and at the same offset, whose body is then the same.
 */
const bodies = new WeakMap<UnsafeSite, Span | null>();

export function unsafeRegionSpans(doc: ParsedDocument, sites: readonly UnsafeSite[]): Span[] {
  const regions: Span[] = [];
  for (const site of sites) {
    if (site.kind === 'block' || site.kind === 'impl') regions.push(site.span);
    else if (site.kind === 'fn') {
      let body = bodies.get(site);
      if (body === undefined) bodies.set(site, (body = fnBody(doc, site.span) ?? null));
      if (body) regions.push(body);
    }
  }
  return regions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A fn site's span is its whole item, and a fn with a body ends with that block: the smallest
 * named node around the closing `}` is the body. Found from the root downwards, as tree-sitter's
 * `.parent` walks (linear in the file per step) would cost a keystroke a good part of its budget.
 * A signature without a body ends with `;`, whose smallest named node is the item itself.
 */
function fnBody(doc: ParsedDocument, item: Span): Span | undefined {
  if (item.end <= item.start) return undefined;
  const node = doc.root.namedDescendantForIndex(item.end - 1, item.end);
  if (!node || node.type !== 'block' || node.endIndex !== item.end || node.startIndex <= item.start) return undefined;
  return { start: node.startIndex, end: node.endIndex };
}
