/** Runs the CLI in-process with captured output (fast), for tests. */
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, env, out: (t) => (stdout += t), err: (t) => (stderr += t), stderrIsTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
