/** `rfl-lens`: the command-line face of the engine (check, feature, report, db build). */
import { processIO, EXIT_USAGE, UsageError, type CliIO } from './io';
import { runCheck } from './commands/check';
import { runFeature } from './commands/feature';
import { runReport } from './commands/report';
import { runDb } from './commands/db';

const USAGE = `usage: rfl-lens <command> [options]

commands:
  check [PATH...]     SAFETY and feature-gate findings (--format text|json|sarif)
  feature NAME...     what the feature database knows about feature gates
  report [PATH]       the workspace report (--format md|html|json, -o FILE)
  db build            rebuild the feature database from a rustc toolchain

Run 'rfl-lens <command> --help' for a command's options.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;
const COMMANDS: Record<string, Command> = { check: runCheck, feature: runFeature, report: runReport, db: runDb };

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version') {
    io.out(`rfl-lens ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`rfl-lens: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`rfl-lens ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`rfl-lens ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

declare const RFL_LENS_VERSION: string | undefined;
const VERSION = typeof RFL_LENS_VERSION === 'string' ? RFL_LENS_VERSION : 'dev';

if (require.main === module) {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`rfl-lens: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
