/**
 * Writes the feature database as TOML in one fixed layout: features sorted by name, keys in
 * schema order, no timestamps. Regenerating from the same toolchain gives the same bytes, and a
 * new toolchain gives a diff that reads feature by feature.
 */
import { SCHEMA_VERSION } from './database';
import type { DatabaseMeta, FeatureRecord, KernelNote } from './types';

/** A TOML basic string. */
export function tomlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function tomlKey(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k);
}

function kernelLines(note: KernelNote): string[] {
  const lines: string[] = [];
  if (note.allowed !== undefined) lines.push(`allowed = ${note.allowed}`);
  if (note.note !== undefined) lines.push(`note = ${tomlString(note.note)}`);
  if (note.expectation !== undefined) lines.push(`expectation = ${tomlString(note.expectation)}`);
  if (note.droppedIn !== undefined) lines.push(`dropped_in = ${tomlString(note.droppedIn)}`);
  if (note.links !== undefined) lines.push(`links = [${note.links.map(tomlString).join(', ')}]`);
  return lines;
}

export function serializeDatabase(meta: DatabaseMeta, records: readonly FeatureRecord[], header: readonly string[] = []): string {
  const out: string[] = header.map((h) => `# ${h}`);
  if (out.length) out.push('');
  out.push('[meta]', `rustc = ${tomlString(meta.rustc)}`);
  if (meta.rustcVersionLine !== undefined) out.push(`rustc_version_line = ${tomlString(meta.rustcVersionLine)}`);
  out.push(`schema = ${SCHEMA_VERSION}`);
  for (const r of [...records].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    out.push('', `[features.${tomlKey(r.name)}]`, `kind = ${tomlString(r.kind)}`, `status = ${tomlString(r.status)}`);
    if (r.since !== undefined) out.push(`since = ${tomlString(r.since)}`);
    if (r.trackingIssue !== undefined) out.push(`tracking_issue = ${r.trackingIssue}`);
    if (r.reason !== undefined) out.push(`reason = ${tomlString(r.reason)}`);
    if (r.description !== undefined) out.push(`description = ${tomlString(r.description)}`);
    if (r.links.unstableBook !== undefined) out.push(`unstable_book = ${tomlString(r.links.unstableBook)}`);
    if (r.kernel) {
      const k = kernelLines(r.kernel);
      if (k.length) out.push('', `[features.${tomlKey(r.name)}.kernel]`, ...k);
    }
  }
  return `${out.join('\n')}\n`;
}
