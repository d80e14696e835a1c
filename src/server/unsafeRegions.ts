/**
 * What the editor shades as unsafe: unsafe blocks, the bodies of unsafe fns (their signature is
 * not unsafe code) and whole unsafe impls. Computed while the tree is at hand, right after analysis.
 */
import type { ParsedDocument } from '../core/parser';
import type { Span } from '../core/positions';
import type { UnsafeSite } from '../core/safety/types';

export function unsafeRegionSpans(doc: ParsedDocument, sites: readonly UnsafeSite[]): Span[] {
  const regions: Span[] = [];
  for (const site of sites) {
    if (site.kind === 'block' || site.kind === 'impl') regions.push(site.span);
    else if (site.kind === 'fn') {
      const item = doc.root.descendantForIndex(site.keyword.start, site.keyword.end);
      let node = item;
      while (node && node.type !== 'function_item' && node.type !== 'function_signature_item') node = node.parent;
      const body = node?.type === 'function_item' ? node.childForFieldName('body') : null;
      if (body) regions.push({ start: body.startIndex, end: body.endIndex });
    }
  }
  return regions.sort((a, b) => a.start - b.start || a.end - b.end);
}
