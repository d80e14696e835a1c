import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message, NotificationMessage, ResponseMessage } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter, type ByteSink } from '../../src/server/messageWriter';
import { startTestServer } from './harness';

/** A sink that records each write; `fail` makes the next write report an error. */
class RecordingSink implements ByteSink {
  readonly writes: Buffer[] = [];
  fail: Error | undefined;
  private readonly handlers = new Map<string, ((arg?: Error) => void)[]>();

  write(chunk: Uint8Array, callback: (error?: Error | null) => void): boolean {
    this.writes.push(Buffer.from(chunk));
    const error = this.fail;
    this.fail = undefined;
    queueMicrotask(() => callback(error ?? null));
    return true;
  }

  on(event: 'error' | 'close', listener: (error?: Error) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }

  emit(event: 'error' | 'close', arg?: Error): void {
    for (const l of this.handlers.get(event) ?? []) l(arg);
  }
}

/** The messages in `bytes`, read back by their Content-Length headers (byte counts). */
function frames(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    const length = Number(/^Content-Length: (\d+)$/.exec(bytes.subarray(at, headerEnd).toString('ascii'))![1]);
    out.push(JSON.parse(bytes.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    at = headerEnd + 4 + length;
  }
  return out;
}

describe('SingleWriteMessageWriter', () => {
  it('writes each message as one framed chunk, its length in UTF-8 bytes, in the order written', async () => {
    const sink = new RecordingSink();
    const writer = new SingleWriteMessageWriter(sink);
    const messages: (NotificationMessage | ResponseMessage)[] = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///é/😀.rs', diagnostics: [{ message: 'SAFETY: naïve — ✓' }] } },
      { jsonrpc: '2.0', id: 1, result: null },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x'.repeat(70000) } },
    ];
    await Promise.all(messages.map((m) => writer.write(m)));
    assert.equal(sink.writes.length, 3);
    sink.writes.forEach((chunk, i) => assert.deepEqual(frames(chunk), [messages[i]]));
    // 143 UTF-16 units, 151 bytes: the header counts bytes.
    assert.equal(JSON.stringify(messages[0]).length, 143);
    assert.match(sink.writes[0]!.toString('latin1'), /^Content-Length: 151\r\n\r\n\{/);
  });

  it('reports a failed write and a message that cannot be serialised, and goes on writing', async () => {
    const sink = new RecordingSink();
    const writer = new SingleWriteMessageWriter(sink);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    let closed = false;
    writer.onClose(() => (closed = true));
    sink.fail = new Error('EPIPE');
    const response = (id: number, result: unknown): Message => ({ jsonrpc: '2.0', id, result }) as Message;
    await assert.rejects(writer.write(response(1, 1)), /EPIPE/);
    await assert.rejects(writer.write(response(2, { n: 1n })), /BigInt/);
    await writer.write(response(3, 3));
    assert.deepEqual(frames(sink.writes.at(-1)!), [{ jsonrpc: '2.0', id: 3, result: 3 }]);
    assert.equal(errors.length, 2);
    assert.match(errors[0]!, /EPIPE/);
    sink.emit('close');
    assert.equal(closed, true);
  });
});

describe('server stdio transport', function () {
  this.timeout(30000);

  it('sends what a dependency prints with console to the client log, keeping the protocol intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-console-'));
    const preload = path.join(dir, 'print.cjs');
    // Runs in the server process; prints once the server has started.
    writeFileSync(preload, "setTimeout(() => { console.log('stray', { n: 1 }); console.error('oops'); }, 0);\n");
    const server = await startTestServer({ env: { NODE_OPTIONS: `--require ${preload}` } });
    try {
      await server.client.waitFor<{ message: string }>('window/logMessage', (p) => p.message === 'oops');
      const logged = server.client.received('window/logMessage').map((p) => (p as { message: string; type: number }));
      assert.ok(logged.some((p) => p.message === 'stray { n: 1 }' && p.type === 4), JSON.stringify(logged));
      assert.ok(logged.some((p) => p.message === 'oops' && p.type === 1), JSON.stringify(logged));
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: 'file:///not/open.rs' }, position: { line: 0, character: 0 } }), null);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits when the client closes its stdin: with 0 after a shutdown request, else with 1', async () => {
    const polite = await startTestServer();
    await polite.client.request('shutdown');
    assert.equal(await polite.client.closeInput(), 0);
    const abrupt = await startTestServer();
    assert.equal(await abrupt.client.closeInput(), 1);
  });
});
