/**
 * The options `check` and `report` share: which database, at which toolchain, for which kernel
 * tree, and which files. Parsed and validated once here so both commands agree.
 */
import path from 'node:path';
import type { ContextResolver } from '../core/context';
import { DEFAULT_SETTINGS, normalizeSettings, type RflLensSettings } from '../core/settings';
import { probeRustc } from '../core/toolchain';
import { single, type OptionSpec, type ParsedArgs } from './args';
import { UsageError, type CliIO } from './io';

export const ANALYSIS_OPTION_SPEC = {
  db: { value: true },
  'min-rustc': { value: true },
  rustc: { value: true },
  'kernel-tree': { value: true },
  exclude: { value: true, repeat: true },
  'max-file-size': { value: true },
} as const satisfies Record<string, OptionSpec>;

export const ANALYSIS_OPTION_HELP = `  --db FILE                  feature database TOML (default: the bundled one)
  --min-rustc X.Y.Z          judge feature gates at this rustc (overrides the kernel tree's minimum)
  --rustc PATH               judge gates at this rustc's version when no kernel tree says otherwise
  --kernel-tree DIR          kernel tree for out-of-tree modules (default: detected from each file)
  --exclude GLOB             leave out matching paths (repeatable)
  --max-file-size BYTES      skip larger files (default ${DEFAULT_SETTINGS.maxFileSize})
`;

export interface AnalysisSetup {
  readonly settings: RflLensSettings;
  readonly defaultToolchain?: { readonly version: string; readonly origin: string };
  /** --exclude globs as given. */
  readonly exclude: string[];
  /** A path argument resolved against the command's working directory. */
  resolve(p: string): string;
}

/** Validates the shared options and probes `--rustc`; throws UsageError on bad values. */
export async function analysisSetup(args: ParsedArgs, io: CliIO): Promise<AnalysisSetup> {
  const minRustc = single(args, 'min-rustc');
  if (minRustc && !/^\d+\.\d+(\.\d+)?$/.test(minRustc)) throw new UsageError(`--min-rustc expects a version like 1.85.0, not '${minRustc}'`);
  const maxRaw = single(args, 'max-file-size');
  const maxFileSize = maxRaw === undefined ? undefined : Number(maxRaw);
  if (maxFileSize !== undefined && !(Number.isInteger(maxFileSize) && maxFileSize > 0)) throw new UsageError('--max-file-size expects a positive number of bytes');

  const resolve = (p: string): string => path.resolve(io.cwd, p);
  const db = single(args, 'db');
  const kernelTree = single(args, 'kernel-tree');
  const { settings, problems } = normalizeSettings({
    databasePath: db ? resolve(db) : undefined,
    toolchainVersion: minRustc,
    kernelTree: kernelTree ? resolve(kernelTree) : undefined,
    maxFileSize,
  });
  if (problems.length) throw new UsageError(problems.join('; '));

  const rustc = single(args, 'rustc');
  const probe = rustc ? await probeRustc(rustc) : undefined;
  return {
    settings,
    ...(probe ? { defaultToolchain: { version: probe.version, origin: `${probe.versionLine} (--rustc)` } } : {}),
    exclude: args.values.get('exclude') ?? [],
    resolve,
  };
}

/**
 * A broken --db is an input error: print why and return false, rather than silently working
 * with the bundled database as the editor does.
 */
export function databaseUsable(setup: AnalysisSetup, resolver: ContextResolver, io: CliIO, command: string): boolean {
  const file = setup.settings.databasePath;
  if (!file || resolver.db.source === file) return true;
  for (const p of resolver.takeProblems()) io.err(`rfl-lens ${command}: ${p}\n`);
  return false;
}
