/** `rfl-lens db build [--rustc PATH] [-o FILE]`: regenerate the feature database from a toolchain. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kernelNotesPath } from '../../core/assets';
import { generateDatabase } from '../../core/features/generator';
import { parseArgs, single } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';

const HELP = `usage: rfl-lens db build [--rustc PATH] [-o FILE] [--kernel-notes FILE]

Rebuilds the feature database from a rustc toolchain: candidate names are read from the
toolchain's own files and classified by compiling probe crates with RUSTC_BOOTSTRAP=1.
Kernel notes (data/kernel-notes.toml) are merged in. Progress goes to stderr; the TOML goes to
stdout unless -o is given.

options:
  --rustc PATH          rustc to build from (default: rustc on PATH)
  -o, --output FILE     write the database to FILE
  --kernel-notes FILE   kernel notes to merge (default: the bundled data/kernel-notes.toml)
`;

export async function runDb(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { rustc: { value: true }, output: { value: true, short: 'o' }, 'kernel-notes': { value: true }, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [sub, ...extra] = args.positionals;
  if (sub !== 'build') throw new UsageError(sub ? `unknown subcommand '${sub}' (expected 'build')` : `missing subcommand\n\n${HELP}`);
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);

  const notesArg = single(args, 'kernel-notes');
  const notesFile = notesArg ? path.resolve(io.cwd, notesArg) : kernelNotesPath();
  let kernelNotes: string;
  try {
    kernelNotes = readFileSync(notesFile, 'utf8');
  } catch (e) {
    io.err(`rfl-lens db: cannot read ${notesFile}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  const started = Date.now();
  const result = await generateDatabase({
    rustc: single(args, 'rustc'),
    kernelNotes,
    kernelNotesFile: path.basename(notesFile),
    onProgress: (m) => io.err(`db build: ${m}\n`),
  });
  for (const p of result.problems) io.err(`db build: note: ${p}\n`);
  const output = single(args, 'output');
  if (output) {
    writeFileSync(path.resolve(io.cwd, output), result.text);
    io.err(`db build: wrote ${result.records.length} features to ${output} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } else io.out(result.text);
  return EXIT_OK;
}
