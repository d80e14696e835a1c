/**
 * The minimum rustc a kernel tree supports, from the `rustc)` branch of the `case` in
 * scripts/min-tool-version.sh:
 *
 *   rustc)
 *   	echo 1.78.0
 *   	;;
 *
 * When a branch echoes several versions (e.g. per architecture) the lowest one wins: a gate that
 * any supported toolchain still needs is a needed gate.
 */
import { compareVersions, normalizeVersion } from '../features/version';

export interface MinToolVersion {
  readonly version?: string;
  readonly problem?: string;
}

export function parseMinToolVersion(text: string, fileLabel: string, tool = 'rustc'): MinToolVersion {
  const lines = text.split(/\r\n|\n|\r/);
  const label = new RegExp(`^\\s*(?:[\\w.-]+\\s*\\|\\s*)*${tool}(?:\\s*\\|\\s*[\\w.-]+)*\\s*\\)`);
  const start = lines.findIndex((l) => label.test(l));
  if (start < 0) return { problem: `${fileLabel}: no \`${tool})\` case found` };
  const versions: string[] = [];
  // The branch may begin on the label's own line (`rustc) echo 1.78.0 ;;`).
  for (let i = start; i < lines.length; i++) {
    const line = i === start ? lines[i]!.replace(label, '') : lines[i]!;
    for (const m of line.matchAll(/\becho\s+["']?(\d+\.\d+(?:\.\d+)?)\b/g)) versions.push(normalizeVersion(m[1]!) ?? m[1]!);
    if (line.includes(';;')) break;
  }
  if (versions.length === 0) return { problem: `${fileLabel}:${start + 1}: the \`${tool})\` case echoes no version` };
  versions.sort(compareVersions);
  return { version: versions[0]! };
}
