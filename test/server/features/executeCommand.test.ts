import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { LspError } from '../lspClient';
import { startTestServer, tempDir } from '../harness';
import { StatusNotification } from '../../../src/shared/protocol';

describe('rflLens.server.rebuildDatabase (over stdio)', function () {
  this.timeout(600000);

  it('is refused in an untrusted workspace', async () => {
    const server = await startTestServer({ initializationOptions: { trusted: false } });
    try {
      await assert.rejects(
        server.client.request('workspace/executeCommand', { command: 'rflLens.server.rebuildDatabase', arguments: [{}] }),
        (e: unknown) => e instanceof LspError && e.code === -32600 && /only available in trusted workspaces/.test(e.message),
      );
    } finally {
      await server.stop();
    }
  });

  it('rejects malformed arguments and unknown commands', async () => {
    const server = await startTestServer();
    try {
      await assert.rejects(server.client.request('workspace/executeCommand', { command: 'rflLens.server.rebuildDatabase', arguments: [{ rustcPath: 3 }] }), (e: unknown) => e instanceof LspError && e.code === -32602);
      await assert.rejects(server.client.request('workspace/executeCommand', { command: 'rflLens.nope', arguments: [] }), (e: unknown) => e instanceof LspError && e.code === -32602);
    } finally {
      await server.stop();
    }
  });

  it('rebuilds from the installed rustc, stores it, switches to it and reports progress', async function () {
    const storage = tempDir('rfl-storage-');
    const server = await startTestServer({ initializationOptions: { trusted: true, globalStoragePath: storage.dir } });
    try {
      const result = await server.client.request<{ path: string; features: number; rustc: string }>('workspace/executeCommand', {
        command: 'rflLens.server.rebuildDatabase',
        arguments: [{}],
      });
      assert.equal(result.path, storage.file('features.toml'));
      assert.ok(existsSync(result.path));
      assert.equal(result.rustc, '1.95.0');
      assert.ok(result.features > 500, `${result.features} features`);
      assert.match(readFileSync(result.path, 'utf8'), /\[features\.let_chains\]/);
      const status = await server.client.waitFor<{ databaseSource: string }>(StatusNotification.method, (s) => s.databaseSource === result.path);
      assert.equal(status.databaseSource, result.path);
      assert.ok(server.client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'));
      const kinds = server.client.received<{ value: { kind: string } }>('$/progress').map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
    } finally {
      await server.stop();
      storage.remove();
    }
  });
});
