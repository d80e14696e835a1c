/**
 * Hundreds of edits a second through LSP: whatever the debounce and incremental re-parse skip or
 * merge, the last published diagnostics must equal those of a fresh analysis of the final text.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/positions';
import { largeSource } from './fixtures';
import { startTestServer, type DiagnosticShape, type TestServer } from './harness';

const key = (d: DiagnosticShape): string =>
  `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('rapid edits through the server', function () {
  this.timeout(120_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('ends with the diagnostics of a fresh analysis after 400 edits sent in a burst', async () => {
    const uri = 'file:///rapid/edited.rs';
    let text = largeSource(400);
    server.open(uri, text, 1);
    await server.diagnostics(uri, 1);

    const random = rng(1234);
    const pieces = ['x', ' ', '\n', 'unsafe { f() }', '// SAFETY: ok.\n', 'é', '😀', '', '}', '{', '#![feature(asm_goto)]\n'];
    let version = 1;
    const started = performance.now();
    for (let i = 0; i < 400; i++) {
      const lines = new LineIndex(text);
      let start = Math.floor(random() * text.length);
      if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--; // never split a surrogate pair
      let end = Math.min(text.length, start + Math.floor(random() * 3));
      if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++;
      const insert = pieces[Math.floor(random() * pieces.length)]!;
      server.change(uri, ++version, [{ range: lines.rangeOf({ start, end }), text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
    }
    const sendMs = performance.now() - started;
    assert.ok(sendMs < 4000, `sending took ${sendMs.toFixed(0)} ms (test needs hundreds of edits per second)`);

    const last = await server.diagnostics(uri, version);
    const freshUri = 'file:///rapid/fresh.rs';
    server.open(freshUri, text, 1);
    const fresh = await server.diagnostics(freshUri, 1);
    assert.ok(fresh.diagnostics.length > 0, 'the edited text still has findings to compare');
    assert.deepEqual(last.diagnostics.map(key), fresh.diagnostics.map(key));
  });
});
