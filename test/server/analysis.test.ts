/**
 * AnalysisService scheduling over stdio: a change after a quiet spell is analysed at once, while
 * changes within the debounce delay of each other are merged into one analysis.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ONE_UNSAFE_BLOCK } from './fixtures';
import { startTestServer, type PublishDiagnosticsShape, type TestServer } from './harness';

const DEBOUNCE_MS = 800;

describe('analysis scheduling (over stdio)', function () {
  this.timeout(30000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ env: { RFL_LENS_DEBOUNCE_MS: String(DEBOUNCE_MS) } });
  });
  after(async () => server?.stop());

  it('analyses a change after a quiet spell without waiting for the debounce delay', async () => {
    const uri = 'file:///sched/quiet.rs';
    let sent = performance.now();
    server.open(uri, ONE_UNSAFE_BLOCK, 1);
    await server.diagnostics(uri, 1);
    assert.ok(performance.now() - sent < DEBOUNCE_MS / 2, `open took ${(performance.now() - sent).toFixed(0)} ms`);
    await sleep(DEBOUNCE_MS + 50);
    sent = performance.now();
    server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await server.diagnostics(uri, 2);
    assert.ok(performance.now() - sent < DEBOUNCE_MS / 2, `change took ${(performance.now() - sent).toFixed(0)} ms`);
  });

  it('merges changes that come within the debounce delay into one analysis of the last version', async () => {
    const uri = 'file:///sched/burst.rs';
    server.open(uri, ONE_UNSAFE_BLOCK, 1);
    await server.diagnostics(uri, 1);
    await sleep(DEBOUNCE_MS + 50);
    const sent = performance.now();
    // In one write: a burst that trickled in over several of the server's turns would have its
    // first change analysed at once, as a change after a quiet spell is.
    server.client.together(() => {
      for (let version = 2; version <= 4; version++) {
        server.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      }
    });
    const last = await server.diagnostics(uri, 4);
    // The burst restarted the delay: its first change was not analysed on its own.
    assert.ok(performance.now() - sent >= DEBOUNCE_MS - 50, `published after ${(performance.now() - sent).toFixed(0)} ms`);
    const versions = server.client.received<PublishDiagnosticsShape>('textDocument/publishDiagnostics').filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [1, 4]);
    assert.equal(last.diagnostics.length, 1);
  });
});
