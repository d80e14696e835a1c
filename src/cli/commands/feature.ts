/** `rfl-lens feature NAME... [--json] [--db FILE] [--toolchain X.Y.Z]`: what the database knows about gates. */
import path from 'node:path';
import { loadDatabase } from '../../core/features/database';
import { closestName } from '../../core/features/suggest';
import type { FeatureDatabase, FeatureLinks, ResolvedFeature } from '../../core/features/types';
import { normalizeVersion } from '../../core/features/version';
import { parseArgs, single } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';

const HELP = `usage: rfl-lens feature NAME... [--json] [--db FILE] [--toolchain X.Y.Z]

Prints what the feature database knows about each feature gate: kind (lang/lib), status at the
toolchain (unstable, incomplete, internal, stable, removed, or unknown), the version it became
stable or was removed, its tracking issue and links, and kernel notes.
Exit status: 0 when every name is known, 1 when one is unknown, 2 on usage errors.

options:
  --json              a JSON array of {name, kind, status, since, trackingIssue, links}
  --db FILE           feature database TOML (default: the bundled one)
  --toolchain X.Y.Z   judge status at this rustc (default: the database's toolchain)
`;

/** The JSON shape of one feature (shared/DESIGN.md). */
export interface FeatureJson {
  readonly name: string;
  readonly kind: 'lang' | 'lib' | null;
  readonly status: ResolvedFeature['status'];
  readonly since: string | null;
  readonly trackingIssue: number | null;
  readonly links: FeatureLinks;
}

export function featureJson(r: ResolvedFeature): FeatureJson {
  const rec = r.record;
  return {
    name: r.name,
    kind: rec?.kind ?? null,
    status: r.status,
    since: rec?.since ?? null,
    trackingIssue: rec?.trackingIssue ?? null,
    links: rec?.links ?? {},
  };
}

function statusLine(r: ResolvedFeature): string {
  const rec = r.record!;
  const at = `at rustc ${r.toolchain}`;
  if (r.status === 'stable') return `stable since ${rec.since} (${at})`;
  if (r.status === 'removed') return `removed in ${rec.since ?? 'an unknown release'} (${at})`;
  if (rec.status === 'stable' && rec.since) return `${r.status} ${at}; stable from ${rec.since}`;
  if (rec.status === 'removed' && rec.since) return `${r.status} ${at}; removed in ${rec.since}`;
  return `${r.status} (${at})`;
}

function card(r: ResolvedFeature, db: FeatureDatabase): string {
  const rec = r.record;
  if (!rec) {
    const near = closestName(r.name, db.names());
    return `${r.name}: unknown feature (not known to rustc ${db.meta.rustc})${near ? `; did you mean \`${near}\`?` : ''}\n`;
  }
  const lines = [`${r.name} (${rec.kind === 'lang' ? 'language' : 'library'} feature)`, `  status:    ${statusLine(r)}`];
  if (rec.reason) lines.push(`  reason:    ${rec.reason}`);
  if (rec.description) lines.push(`  about:     ${rec.description}`);
  if (rec.links.trackingIssue) lines.push(`  tracking:  ${rec.links.trackingIssue}`);
  if (rec.links.unstableBook) lines.push(`  book:      ${rec.links.unstableBook}`);
  if (rec.links.release) lines.push(`  release:   ${rec.links.release}`);
  const k = rec.kernel;
  if (k) {
    const head = [k.allowed ? 'allowed outside rust/ (rust_allowed_features)' : undefined, k.expectation].filter(Boolean).join('; ');
    const kernelLines = [head, k.note, k.droppedIn && `dropped by the kernel in ${k.droppedIn}`, ...(k.links ?? [])].filter((l): l is string => Boolean(l));
    kernelLines.forEach((l, i) => lines.push(`${i === 0 ? '  kernel:    ' : '             '}${l}`));
  }
  return `${lines.join('\n')}\n`;
}

export async function runFeature(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { json: {}, db: { value: true }, toolchain: { value: true }, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (!args.positionals.length) throw new UsageError(`name at least one feature\n\n${HELP}`);
  const toolchainArg = single(args, 'toolchain');
  const toolchain = toolchainArg === undefined ? undefined : normalizeVersion(toolchainArg);
  if (toolchainArg !== undefined && !toolchain) throw new UsageError(`--toolchain expects a version like 1.85.0, not '${toolchainArg}'`);
  const dbArg = single(args, 'db');
  const loaded = loadDatabase(dbArg === undefined ? undefined : path.resolve(io.cwd, dbArg));
  if (loaded.usedFallback) {
    for (const p of loaded.problems) io.err(`rfl-lens feature: ${p}\n`);
    return EXIT_USAGE;
  }
  for (const p of loaded.problems) io.err(`rfl-lens feature: ${p}\n`);
  const resolved = args.positionals.map((n) => loaded.db.resolve(n, toolchain));
  if (args.flags.has('json')) io.out(`${JSON.stringify(resolved.map(featureJson), null, 2)}\n`);
  else io.out(resolved.map((r) => card(r, loaded.db)).join('\n'));
  return resolved.some((r) => r.status === 'unknown') ? EXIT_FINDINGS : EXIT_OK;
}
