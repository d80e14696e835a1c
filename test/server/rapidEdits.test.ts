/**
 * Hundreds of edits a second through LSP: whatever the debounce and incremental re-parse skip or
 * merge, the last published diagnostics must equal those of a fresh analysis of the final text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { LineIndex } from '../../src/core/positions';
import { largeSource } from './fixtures';
import { startTestServer, type DiagnosticShape, type PublishDiagnosticsShape, type TestServer } from './harness';

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
    // Unclosed comments and strings make tree-sitter's recovery depend on the edit history.
    const pieces = ['x', ' ', '\n', 'unsafe { f() }', '// SAFETY: ok.\n', 'é', '😀', '', '}', '{', '#![feature(asm_goto)]\n', '/*', '*/', '*/', '*/', '"', '"'];
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

    let last = await server.diagnostics(uri, version);
    // Once idle (RFL_LENS_SETTLE_MS), a broken incrementally parsed tree is re-parsed from scratch
    // and the diagnostics re-published for the same version when they change.
    const settled = await server.client
      .waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 2000)
      .catch(() => undefined);
    if (settled) last = settled.params as PublishDiagnosticsShape;
    const freshUri = 'file:///rapid/fresh.rs';
    server.open(freshUri, text, 1);
    const fresh = await server.diagnostics(freshUri, 1);
    assert.ok(fresh.diagnostics.length > 0, 'the edited text still has findings to compare');
    assert.deepEqual(last.diagnostics.map(key), fresh.diagnostics.map(key));
  });

  it('converges on the fresh analysis when the incremental tree depends on the edit history', async () => {
    // Find, with the same parser in this process, edits after which tree-sitter's incremental
    // re-parse differs from a fresh parse (error recovery in an unclosed comment or string) ...
    const parser = await loadRustParser();
    const start = readFileSync(path.join(__dirname, '..', '..', 'examples', 'minikernel', 'rust', 'kernel', 'types.rs'), 'utf8');
    const random = rng(99);
    const inserts = ['/*', '*/', '"', 'x', '{', '}', '\n', '//', 'unsafe '];
    let edits: { offset: number; text: string }[] = [];
    let diverging: typeof edits | undefined;
    for (let trial = 0; trial < 40 && !diverging; trial++) {
      const doc = new ParsedDocument(parser, start);
      edits = [];
      for (let i = 0; i < 150 && !diverging; i++) {
        const offset = Math.floor(random() * doc.text.length);
        const text = inserts[Math.floor(random() * inserts.length)]!;
        edits.push({ offset, text });
        doc.applyChanges([{ range: doc.lines.rangeOf({ start: offset, end: offset }), text }]);
        const fresh = parser.parse(doc.text);
        if (fresh.rootNode.toString() !== doc.root.toString()) diverging = [...edits];
        fresh.delete();
      }
      doc.dispose();
    }
    assert.ok(diverging, 'found an edit sequence with a history-dependent tree');

    // ... replay exactly those edits to the server, and wait for the settled publication.
    const uri = 'file:///rapid/history.rs';
    server.open(uri, start, 1);
    await server.diagnostics(uri, 1);
    let text = start;
    let version = 1;
    let first: PublishDiagnosticsShape | undefined;
    for (const e of diverging) {
      server.change(uri, ++version, [{ range: new LineIndex(text).rangeOf({ start: e.offset, end: e.offset }), text: e.text }]);
      text = text.slice(0, e.offset) + e.text + text.slice(e.offset);
      // One parse per edit, so the server's tree goes through the same history as the one above.
      first = await server.diagnostics(uri, version);
    }
    assert.ok(first);
    const settled = (await server.client.waitForNext<PublishDiagnosticsShape>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 10_000)).params as PublishDiagnosticsShape;
    server.open('file:///rapid/history-fresh.rs', text, 1);
    const fresh = await server.diagnostics('file:///rapid/history-fresh.rs', 1);
    assert.deepEqual(settled.diagnostics.map(key), fresh.diagnostics.map(key));
    assert.notDeepEqual(first.diagnostics.map(key), fresh.diagnostics.map(key), 'the incremental tree really gave other diagnostics before settling');
  });
});
