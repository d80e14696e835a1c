/**
 * Library feature names in the toolchain's rustdoc HTML (rust-docs component): the
 * "nightly-only experimental API" markers on unstable items, and the `#[stable]`/`#[unstable]`
 * attributes in the rendered library sources under html/src/.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToText } from './html';

/** Crates whose docs and sources ship with the toolchain. */
const CRATES = ['core', 'alloc', 'std', 'proc_macro', 'test', 'std_detect'];

export interface LibraryMention {
  /** Tracking issue, when the marker or attribute names one. */
  trackingIssue?: number;
}

const MARKER_RE = /nightly-only experimental API\. \(<code>([A-Za-z0-9_]+)<\/code>(?:&nbsp;<a href="https:\/\/github\.com\/rust-lang\/rust\/issues\/(\d+)">)?/g;
const ATTR_RE = /#\[(?:unstable|stable|rustc_const_unstable|rustc_const_stable|rustc_default_body_unstable)\(([^\]]*?)\)\]/g;

export function htmlRoot(sysroot: string): string {
  return path.join(sysroot, 'share', 'doc', 'rust', 'html');
}

/** Adds marker names (and tracking issues) from one rustdoc page. */
export function scanRustdocPage(html: string, into: Map<string, LibraryMention>): void {
  for (const m of html.matchAll(MARKER_RE)) note(into, m[1]!, m[2]);
}

/** Adds `feature = "..."` names from one rendered source page (`issue = "N"` when present). */
export function scanSourcePage(html: string, into: Map<string, LibraryMention>): void {
  if (!html.includes('feature')) return;
  const text = htmlToText(html.replace(/<br\s*\/?>|\n/g, ' '));
  for (const m of text.matchAll(ATTR_RE)) {
    const args = m[1]!;
    const name = /\bfeature\s*=\s*"([A-Za-z0-9_]+)"/.exec(args)?.[1];
    if (!name) continue;
    note(into, name, /\bissue\s*=\s*"(\d+)"/.exec(args)?.[1]);
  }
}

function note(into: Map<string, LibraryMention>, name: string, issue: string | undefined): void {
  const entry = into.get(name) ?? {};
  if (issue && issue !== '0' && entry.trackingIssue === undefined) entry.trackingIssue = Number(issue);
  into.set(name, entry);
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/** Scans the shipped docs and sources; `onFile` reports progress every few hundred files. */
export async function readRustdocMentions(sysroot: string, onProgress?: (files: number) => void): Promise<Map<string, LibraryMention>> {
  const root = htmlRoot(sysroot);
  const found = new Map<string, LibraryMention>();
  let files = 0;
  for (const crate of CRATES) {
    for (const [dir, scan] of [
      [path.join(root, crate), scanRustdocPage],
      [path.join(root, 'src', crate), scanSourcePage],
    ] as const) {
      if (!existsSync(dir)) continue;
      for await (const file of htmlFiles(dir)) {
        scan(await readFile(file, 'utf8'), found);
        if (++files % 2000 === 0) onProgress?.(files);
      }
    }
  }
  return found;
}
