/**
 * Hundreds of edits a second through LSP: whatever the debounce and incremental re-parse skip or
 * merge, the last published diagnostics must equal those of a fresh analysis of the final text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng } from '../../scripts/bench/rng.mjs';
import { analyze } from '../../src/core/analyze';
import { ContextResolver } from '../../src/core/context';
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { findHistoryDependentEdits } from '../support/historyDependentEdits';
import { LineIndex } from '../../src/core/positions';
import { largeSource } from './fixtures';
import { startTestServer, type DiagnosticShape, type PublishDiagnosticsShape, type TestServer } from './harness';

const key = (d: DiagnosticShape): string =>
  `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

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

    const random = createRng(1234).next;
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
    const start = readFileSync(path.join(__dirname, '..', '..', 'examples', 'minikernel', 'rust', 'kernel', 'types.rs'), 'utf8');
    // Only a divergence that changes the findings shows that settling matters.
    const parser = await loadRustParser();
    const ctx = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).contextFor(undefined);
    const findings = (doc: ParsedDocument): string[] => analyze(doc, ctx).findings.map((f) => `${f.code}@${f.span.start}-${f.span.end}`);
    const diverging = await findHistoryDependentEdits(start, 7, {
      accept: (doc) => {
        const fresh = new ParsedDocument(parser, doc.text);
        try {
          return JSON.stringify(findings(doc)) !== JSON.stringify(findings(fresh));
        } finally {
          fresh.dispose();
        }
      },
    });
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
