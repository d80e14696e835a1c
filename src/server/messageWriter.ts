/**
 * JSON-RPC messages to a byte stream (stdio), each framed and written with one `write` call.
 * vscode-jsonrpc's own stream writer queues every message behind a `setImmediate` and writes the
 * header and the body separately, waiting for the first write's callback; the client then wakes
 * up twice per message, and diagnostics reach it a turn of the event loop late. Messages still
 * go out in the order they are written.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** The part of a writable stream the writer uses (process.stdout, a socket, a test's sink). */
export interface ByteSink {
  write(chunk: Uint8Array, callback: (error?: Error | null) => void): boolean;
  on(event: 'error' | 'close', listener: (error?: Error) => void): unknown;
}

const HEADER = 'Content-Length: ';

export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly sink: ByteSink) {
    super();
    sink.on('error', (error) => this.fireError(error ?? new Error('output stream failed')));
    sink.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let frame: Buffer;
    try {
      const body = JSON.stringify(msg);
      const length = Buffer.byteLength(body, 'utf8');
      const header = `${HEADER}${length}\r\n\r\n`;
      frame = Buffer.allocUnsafe(header.length + length);
      frame.write(header, 0, 'ascii');
      frame.write(body, header.length, 'utf8');
    } catch (e) {
      // A message that cannot be serialised (a cycle, a BigInt): reported, and the connection goes on.
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return new Promise((resolve, reject) => {
      this.sink.write(frame, (error) => {
        if (!error) {
          this.errors = 0;
          return resolve();
        }
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    // The stream belongs to the process: nothing to close here.
  }
}
