/**
 * The unstable book shipped with the toolchain (rust-docs component): one page per unstable
 * feature, in language-features/ or library-features/, with its tracking issue and a summary.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureKind } from '../types';
import { htmlToText } from './html';

export interface BookPage {
  readonly name: string;
  readonly kind: FeatureKind;
  /** Page file name without extension, e.g. "asm-goto-with-outputs". */
  readonly slug: string;
  readonly trackingIssue?: number;
  readonly description?: string;
}

export function unstableBookDir(sysroot: string): string {
  return path.join(sysroot, 'share', 'doc', 'rust', 'html', 'unstable-book');
}

const FOLDERS: readonly [string, FeatureKind][] = [
  ['language-features', 'lang'],
  ['library-features', 'lib'],
];

const MAX_DESCRIPTION = 240;

/** Pages of the local unstable book; empty when the rust-docs component is not installed. */
export async function readUnstableBook(sysroot: string): Promise<BookPage[]> {
  const root = unstableBookDir(sysroot);
  const pages: BookPage[] = [];
  for (const [folder, kind] of FOLDERS) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).sort()) {
      if (!file.endsWith('.html')) continue;
      const slug = file.slice(0, -'.html'.length);
      pages.push(parseBookPage(await readFile(path.join(dir, file), 'utf8'), slug, kind));
    }
  }
  return pages;
}

export function parseBookPage(html: string, slug: string, kind: FeatureKind): BookPage {
  const main = /<main>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
  const heading = /<h1[^>]*>[\s\S]*?<code>([A-Za-z0-9_]+)<\/code>/.exec(main)?.[1];
  const name = heading ?? slug.replace(/-/g, '_');
  const issue = /tracking issue for this feature is:?\s*<a[^>]*>#(\d+)<\/a>/i.exec(main)?.[1];
  // The summary is the first paragraph after the rule under the tracking-issue line.
  const afterRule = main.split(/<hr\s*\/?>/)[1] ?? '';
  const para = /<p>([\s\S]*?)<\/p>/.exec(afterRule)?.[1];
  const description = para ? shorten(htmlToText(para)) : undefined;
  return { name, kind, slug, trackingIssue: issue ? Number(issue) : undefined, description: description || undefined };
}

function shorten(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${text.slice(0, cut > 0 ? cut : MAX_DESCRIPTION - 1)}…`;
}
