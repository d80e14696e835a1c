import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE } from '../fixtures';
import { startTestServer, type RangeShape, type TestServer } from '../harness';
import { DecorationsNotification } from '../../../src/shared/protocol';

interface DecorationsShape {
  uri: string;
  version: number | null;
  unsafeRegions: RangeShape[];
  safetyComments: RangeShape[];
}

const r = (sl: number, sc: number, el: number, ec: number): RangeShape => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe(`${DecorationsNotification.method} (over stdio)`, function () {
  this.timeout(60000);
  let server: TestServer;
  const uri = 'file:///deco/gates.rs';

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('sends unsafe regions (fn bodies, blocks) and SAFETY comments after each analysis', async () => {
    server.open(uri, GATES_AND_UNSAFE, 3);
    const d = await server.client.waitFor<DecorationsShape>(DecorationsNotification.method, (p) => p.uri === uri && p.version === 3);
    assert.deepEqual(d.unsafeRegions, [
      r(6, 42, 9, 1), // the body of `read_it`, not its signature
      r(8, 4, 8, 17),
      r(13, 24, 13, 46),
    ]);
    assert.deepEqual(d.safetyComments, [r(7, 4, 7, 55)]);
  });

  it('sends empty lists for what the settings turn off, and on close', async () => {
    server.settings.set('', { decorations: { unsafeRegions: false } });
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await server.client.waitForNext<DecorationsShape>(DecorationsNotification.method, (p) => p.uri === uri && p.unsafeRegions.length === 0);
    assert.deepEqual((off.params as DecorationsShape).safetyComments, [r(7, 4, 7, 55)]);
    const closed = server.client.waitForNext<DecorationsShape>(DecorationsNotification.method, (p) => p.uri === uri && p.version === null);
    server.client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await closed).params, { uri, version: null, unsafeRegions: [], safetyComments: [] });
  });
});
