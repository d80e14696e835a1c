/**
 * What the editor shades as unsafe: unsafe blocks, the bodies of unsafe fns (their signature is
 * not unsafe code) and whole unsafe impls.
 */
import type { Span } from '../core/positions';
import type { UnsafeSite } from '../core/safety/types';

export function unsafeRegionSpans(sites: readonly UnsafeSite[]): Span[] {
  const regions: Span[] = [];
  for (const site of sites) {
    if (site.kind === 'block' || site.kind === 'impl') regions.push(site.span);
    else if (site.kind === 'fn' && site.body) regions.push(site.body);
  }
  return regions.sort((a, b) => a.start - b.start || a.end - b.end);
}
