/**
 * In-host test entry, bundled to dist/test/e2e/index.js and loaded by VS Code through
 * `extensionTestsPath`. VS Code calls run(); a rejection marks the run failed. The counts line is
 * what test/e2e/run.mjs reads back from the extension host's console.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.RFL_E2E_GREP;
  if (grep) mocha.grep(grep);
  // The test files are bundled into this module: define describe/it first, then load them.
  mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
  await import('./extension.test');
  await import('./decorations.test');
  await import('./commands.test');
  await import('./config.test');

  const counts = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => {
      resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, skipped: runner.stats?.pending ?? 0 });
    });
  });
  console.log(`RFL_E2E_COUNTS ${JSON.stringify(counts)}`);
  if (counts.failed > 0) throw new Error(`${counts.failed} e2e test(s) failed`);
}
