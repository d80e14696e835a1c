import assert from 'node:assert/strict';
import { ONE_UNSAFE_BLOCK } from '../fixtures';
import { startTestServer, tempDir, type PublishDiagnosticsShape, type TestServer } from '../harness';
import { StatusNotification } from '../../../src/shared/protocol';

describe('configuration (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;
  const folder = tempDir();
  const a = folder.uri('a/lib.rs');
  const b = folder.uri('b/lib.rs');

  before(async () => {
    server = await startTestServer({ settings: { [b]: { severity: { 'missing-safety-comment': 'error' } } } });
  });
  after(async () => {
    await server?.stop();
    folder.remove();
  });

  it('pulls settings per document (section rflLens, scoped by URI)', async () => {
    server.open(a, ONE_UNSAFE_BLOCK, 1);
    server.open(b, ONE_UNSAFE_BLOCK, 1);
    assert.equal((await server.diagnostics(a, 1)).diagnostics[0]!.severity, 2);
    assert.equal((await server.diagnostics(b, 1)).diagnostics[0]!.severity, 1);
    const asked = server.client.serverRequests
      .filter((r) => r.method === 'workspace/configuration')
      .flatMap((r) => (r.params as { items: { scopeUri?: string; section: string }[] }).items);
    assert.ok(asked.some((i) => i.scopeUri === a && i.section === 'rflLens'));
    assert.ok(asked.some((i) => i.scopeUri === b && i.section === 'rflLens'));
  });

  it('re-analyses open documents with the new settings after didChangeConfiguration', async () => {
    server.settings.set(a, { severity: { 'missing-safety-comment': 'hint' } });
    server.settings.set(b, { severity: { 'missing-safety-comment': 'off' } });
    const nextA = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === a);
    const nextB = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === b);
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(((await nextA).params as PublishDiagnosticsShape).diagnostics.map((d) => [d.code, d.severity]), [['missing-safety-comment', 4]]);
    assert.deepEqual(((await nextB).params as PublishDiagnosticsShape).diagnostics, []);
  });

  it('reports each bad setting once, as a warning, and uses the default for it', async () => {
    server.settings.set(a, { maxFileSize: -1, severity: { 'missing-safety-comment': 'loud' } });
    const next = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === a);
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(((await next).params as PublishDiagnosticsShape).diagnostics.map((d) => [d.code, d.severity]), [['missing-safety-comment', 2]]);
    // Edits and another settings round must not repeat the messages.
    server.change(a, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await server.diagnostics(a, 2);
    const again = server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === a);
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    await again;
    const warnings = server.client.received<{ type: number; message: string }>('window/showMessage').filter((m) => m.type === 2);
    assert.deepEqual(warnings.map((w) => w.message).sort(), [
      'RFL Lens: rflLens.maxFileSize: expected a positive number of bytes, got -1',
      'RFL Lens: rflLens.severity.missing-safety-comment: expected error, warning, information, hint, off, got "loud"',
    ]);
    const status = server.client.received<{ problems: string[] }>(StatusNotification.method).at(-1)!;
    assert.deepEqual([...status.problems].sort(), [
      'rflLens.maxFileSize: expected a positive number of bytes, got -1',
      'rflLens.severity.missing-safety-comment: expected error, warning, information, hint, off, got "loud"',
    ]);
  });
});
