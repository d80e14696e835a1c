/**
 * data/kernel-notes.toml: hand-kept facts about gates the Linux kernel uses. The generator
 * merges them into features.toml as `[features.NAME.kernel]`, and the loader validates the same
 * subtable, so both read notes through `readKernelNote`.
 */
import { parse } from 'smol-toml';
import { isTable, TomlChecker, type TomlTable } from './tomlCheck';
import type { KernelNote } from './types';

export const KERNEL_NOTE_KEYS = ['allowed', 'note', 'expectation', 'dropped_in', 'links'] as const;
const KERNEL_VERSION_RE = /^\d+\.\d+(\.\d+)?$/;

export function readKernelNote(check: TomlChecker, table: TomlTable, path: readonly string[]): KernelNote {
  check.onlyKeys(table, path, KERNEL_NOTE_KEYS);
  const note: { -readonly [K in keyof KernelNote]: KernelNote[K] } = {};
  const allowed = check.boolean(table, [...path, 'allowed']);
  const text = check.string(table, [...path, 'note'], false);
  const expectation = check.string(table, [...path, 'expectation'], false);
  const droppedIn = check.string(table, [...path, 'dropped_in'], false, KERNEL_VERSION_RE, 'a kernel version like 6.11');
  const links = check.stringArray(table, [...path, 'links']);
  if (allowed !== undefined) note.allowed = allowed;
  if (text !== undefined) note.note = text;
  if (expectation !== undefined) note.expectation = expectation;
  if (droppedIn !== undefined) note.droppedIn = droppedIn;
  if (links !== undefined) note.links = links;
  return note;
}

export interface KernelNotes {
  readonly notes: Map<string, KernelNote>;
  readonly problems: string[];
}

/** Parses kernel-notes.toml: one `[NAME]` table per feature. */
export function parseKernelNotes(text: string, file: string): KernelNotes {
  const check = new TomlChecker(file, text);
  const notes = new Map<string, KernelNote>();
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return { notes, problems: [`${file}: not valid TOML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  if (!isTable(data)) return { notes, problems: [`${file}: expected a table of features`] };
  for (const name of Object.keys(data).sort()) {
    const table = check.table(data, [name]);
    if (table) notes.set(name, readKernelNote(check, table, [name]));
  }
  return { notes, problems: check.problems };
}
