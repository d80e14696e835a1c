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

  it('sends the ranges of the version typing pauses on, not those of each keystroke', async () => {
    const typed = 'file:///deco/typed.rs';
    server.open(typed, GATES_AND_UNSAFE, 1);
    await server.client.waitFor<DecorationsShape>(DecorationsNotification.method, (p) => p.uri === typed && p.version === 1);
    // Keystrokes each analysed (their diagnostics arrive) faster than the decorations delay.
    for (let v = 2; v <= 6; v++) {
      const diagnosed = server.client.waitForNext<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === typed && p.version === v);
      server.change(typed, v, [{ range: r(0, 0, 0, 0), text: ' ' }]);
      await diagnosed;
    }
    const last = await server.client.waitFor<DecorationsShape>(DecorationsNotification.method, (p) => p.uri === typed && p.version === 6);
    const sent = server.client.received<DecorationsShape>(DecorationsNotification.method).filter((p) => p.uri === typed).map((p) => p.version);
    // [1, 6] unless the machine stalls for longer than the delay between two keystrokes.
    assert.ok(sent.length < 6 && sent[0] === 1 && sent[sent.length - 1] === 6, JSON.stringify(sent));
    // Five blanks on line 0 move nothing below it.
    assert.deepEqual(last.unsafeRegions, [r(6, 42, 9, 1), r(8, 4, 8, 17), r(13, 24, 13, 46)]);
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
