/**
 * Feature summaries read from the user's own toolchain docs (the rust-docs component's unstable
 * book), at hover time. The bundled database holds facts only; prose stays in the docs it
 * belongs to, and is shown only when the user has them installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureKind } from './types';
import { parseBookPage, unstableBookDir } from './sources/unstableBook';

const FOLDER: Record<FeatureKind, string> = { lang: 'language-features', lib: 'library-features' };

export class LocalFeatureDocs {
  private readonly cache = new Map<string, string | undefined>();

  constructor(readonly sysroot: string) {}

  /** The first paragraph of the feature's unstable-book page, or undefined when there is none. */
  summary(name: string, kind: FeatureKind): string | undefined {
    const key = `${kind}:${name}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const slug = name.replace(/_/g, '-');
    let summary: string | undefined;
    try {
      const html = readFileSync(path.join(unstableBookDir(this.sysroot), FOLDER[kind], `${slug}.html`), 'utf8');
      summary = parseBookPage(html, slug, kind).description;
    } catch {
      summary = undefined; // no page (stable or removed features, or no rust-docs component)
    }
    this.cache.set(key, summary);
    return summary;
  }
}
