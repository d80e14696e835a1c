import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMENT_ABOVE_STATEMENT } from '../fixtures';
import { MINIMAL_CAPABILITIES, startTestServer, tempDir, type PublishDiagnosticsShape, type TestServer } from '../harness';

describe('watched files (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;
  const folder = tempDir();
  const uri = folder.uri('krate/src/main.rs');

  before(async () => {
    mkdirSync(folder.file('krate/src'), { recursive: true });
    writeFileSync(folder.file('krate/src/main.rs'), COMMENT_ABOVE_STATEMENT);
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
    folder.remove();
  });

  it('re-analyses open documents when a clippy.toml changes', async () => {
    server.open(uri, COMMENT_ABOVE_STATEMENT, 1);
    // clippy's default accepts a SAFETY comment above the enclosing statement.
    assert.deepEqual((await server.diagnostics(uri, 1)).diagnostics, []);

    const clippyToml = folder.file('krate/clippy.toml');
    writeFileSync(clippyToml, 'accept-comment-above-statement = false\n');
    const next = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(clippyToml).toString(), type: 1 }] });
    const published = (await next).params as PublishDiagnosticsShape;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['missing-safety-comment', 4, 8]],
    );

    writeFileSync(clippyToml, 'accept-comment-above-statement = true\n');
    const back = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(clippyToml).toString(), type: 2 }] });
    assert.deepEqual(((await back).params as PublishDiagnosticsShape).diagnostics, []);
    assert.ok(path.isAbsolute(clippyToml));
  });

  it('polls the files itself for a client that cannot watch them (no dynamic registration)', async () => {
    const dir = tempDir();
    const poller = await startTestServer({ capabilities: MINIMAL_CAPABILITIES, env: { RFL_LENS_POLL_MS: '50' } });
    try {
      mkdirSync(dir.file('krate/src'), { recursive: true });
      const file = dir.uri('krate/src/main.rs');
      poller.open(file, COMMENT_ABOVE_STATEMENT, 1);
      const first = await poller.client.waitFor<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === file);
      assert.deepEqual(first.diagnostics, []);
      const next = poller.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === file && p.diagnostics.length > 0);
      // A clippy.toml that did not exist when the document was opened.
      writeFileSync(dir.file('krate/clippy.toml'), 'accept-comment-above-statement = false\n');
      const published = (await next).params as PublishDiagnosticsShape;
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        [['missing-safety-comment', 4, 8]],
      );
    } finally {
      await poller.stop();
      dir.remove();
    }
  });
});
