import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE } from '../fixtures';
import { startTestServer, type PositionShape, type TestServer } from '../harness';

interface HintShape {
  position: PositionShape;
  label: string;
  paddingLeft: boolean;
  tooltip: string;
}

describe('inlay hints (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;
  const uri = 'file:///hints/gates.rs';
  const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

  before(async () => {
    server = await startTestServer();
    server.open(uri, GATES_AND_UNSAFE, 1);
  });
  after(async () => server?.stop());

  const hints = (range = whole): Promise<HintShape[] | null> => server.client.request('textDocument/inlayHint', { textDocument: { uri }, range });

  it('puts the status after each gated feature name', async () => {
    const got = (await hints())!;
    assert.deepEqual(
      got.map((h) => [h.position.line, h.position.character, h.label]),
      [
        [1, 21, 'stable 1.88.0'],
        [1, 36, 'unstable'],
        [2, 30, 'incomplete'],
        [3, 30, 'unknown'],
      ],
    );
    assert.equal(got[0]!.paddingLeft, true);
    assert.match(got[0]!.tooltip, /^let_chains: stable 1\.88\.0 at rustc 1\.95\.0 \(your rustc \(rustc 1\.95\.0 /);
  });

  it('only returns hints in the requested range', async () => {
    const got = (await hints({ start: { line: 2, character: 0 }, end: { line: 2, character: 40 } }))!;
    assert.deepEqual(got.map((h) => h.label), ['incomplete']);
  });

  it('judges at an older toolchain when configured, and stops when disabled', async () => {
    server.settings.set('', { toolchainVersion: '1.85' });
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    await server.client.waitForServerRequest('workspace/inlayHint/refresh');
    assert.equal((await hints())![0]!.label, 'unstable until 1.88.0');
    server.settings.set('', { inlayHints: { enabled: false } });
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await hints(), []);
  });
});
