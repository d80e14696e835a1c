/** What a CLI command may touch, so tests can run commands in-process and capture their output. */
export interface CliIO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress output only then). */
  readonly stderrIsTTY: boolean;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Exit codes of the contract: 0 clean, 1 findings, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}
