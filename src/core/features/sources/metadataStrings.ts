/**
 * Candidate library feature names from the standard library's crate metadata (*.rmeta).
 * rustc writes a string as its LEB128 length, the bytes, then the sentinel byte 0xC1; a feature
 * name stored that way is one such string. Names rustc pre-interns are written as indices
 * instead, which is why the driver's symbol table (driverSymbols.ts) is read as well.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const STR_SENTINEL = 0xc1;
const NAME_RE = /[a-z_][a-z0-9_]{1,79}/g;

/** Length-prefixed, sentinel-terminated lowercase identifiers in one metadata blob. */
export function metadataStrings(bytes: Buffer, into: Set<string>): void {
  const text = bytes.toString('latin1');
  for (const m of text.matchAll(NAME_RE)) {
    const start = m.index;
    const t = m[0];
    // Whole tokens only: the regex may start inside a longer identifier.
    if (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) continue;
    if (bytes[start - 1] === t.length && bytes[start + t.length] === STR_SENTINEL) into.add(t);
  }
}

/** Every `lib/rustlib/<target>/lib` under the sysroot. */
async function targetLibDirs(sysroot: string): Promise<string[]> {
  const rustlib = path.join(sysroot, 'lib', 'rustlib');
  if (!existsSync(rustlib)) return [];
  const dirs: string[] = [];
  for (const entry of (await readdir(rustlib, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const lib = path.join(rustlib, entry.name, 'lib');
    if (entry.isDirectory() && existsSync(lib)) dirs.push(lib);
  }
  return dirs;
}

export async function readMetadataCandidates(sysroot: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const dir of await targetLibDirs(sysroot)) {
    for (const file of (await readdir(dir)).sort()) {
      if (file.endsWith('.rmeta')) metadataStrings(await readFile(path.join(dir, file)), names);
    }
  }
  return names;
}
