import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../harness';
import { StatusNotification } from '../../../src/shared/protocol';

type StatusShape = StatusNotification.Params;

describe(`${StatusNotification.method} (over stdio)`, function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('judges at the database toolchain in an untrusted workspace (no rustc is run)', async () => {
    const untrusted = await startTestServer({ initializationOptions: { trusted: false } });
    try {
      const status = await untrusted.client.waitFor<StatusShape>(StatusNotification.method);
      assert.deepEqual(status, { toolchain: '1.95.0', toolchainOrigin: 'toolchain of the feature database (rustc 1.95.0)', databaseRustc: '1.95.0', databaseSource: 'bundled', problems: [], serverPid: status.serverPid });
      assert.ok(Number.isInteger(status.serverPid) && status.serverPid !== process.pid, 'the server process id');
    } finally {
      await untrusted.stop();
    }
  });

  it('is sent after initialized with the probed rustc and the bundled database', async () => {
    const status = await server.client.waitFor<StatusShape>(StatusNotification.method);
    assert.equal(server.client.received(StatusNotification.method).length, 1, 'the first status already knows the probed rustc');
    assert.equal(status.toolchain, '1.95.0');
    assert.match(status.userRustc!, /^rustc 1\.95\.0 \(/);
    assert.equal(status.toolchainOrigin, `your rustc (${status.userRustc})`);
    assert.equal(status.databaseRustc, '1.95.0');
    assert.equal(status.databaseSource, 'bundled');
    assert.deepEqual(status.problems, []);
  });

  it('is sent again when the toolchain changes, and only then', async () => {
    const before = server.client.received(StatusNotification.method).length;
    server.settings.set('', { toolchainVersion: '1.85.0' });
    const next = server.client.waitForNext<StatusShape>(StatusNotification.method);
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    const status = (await next).params as StatusShape;
    assert.equal(status.toolchain, '1.85.0');
    assert.equal(status.toolchainOrigin, 'rflLens.toolchainVersion setting');
    // Opening a document in the same setting changes nothing: no new status.
    server.open('file:///status/a.rs', 'fn main() {}\n', 1);
    await server.diagnostics('file:///status/a.rs', 1);
    assert.equal(server.client.received(StatusNotification.method).length, before + 1);
  });
});
