import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE, largeSource, ONE_UNSAFE_BLOCK } from '../fixtures';
import { startTestServer, type DiagnosticShape, type TestServer } from '../harness';

const summary = (d: DiagnosticShape): string => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('diagnostics (published over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('publishes every finding with exact UTF-16 ranges, code, source and docs link', async () => {
    const uri = 'file:///diag/gates.rs';
    server.open(uri, GATES_AND_UNSAFE, 7);
    const published = await server.diagnostics(uri, 7);
    assert.deepEqual(published.diagnostics.map(summary), [
      // line 1: `#![feature(let_chains, allocator_api)]`: let_chains is stable since 1.88.0
      'stable-feature 4 1:11-1:21',
      'incomplete-feature 2 2:11-2:30',
      'unknown-feature 1 3:11-3:30',
      // the unsafe fn's signature
      'missing-safety-doc 2 6:0-6:41',
      // after `/* 日本😀 */`: 日 and 本 are one UTF-16 unit each, 😀 two
      'missing-safety-comment 2 13:24-13:46',
    ]);
    for (const d of published.diagnostics) assert.equal(d.source, 'rfl-lens');
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-feature')!;
    assert.deepEqual(unknown.codeDescription, { href: 'https://doc.rust-lang.org/error_codes/E0635.html' });
    const safety = published.diagnostics.find((d) => d.code === 'missing-safety-comment')!;
    assert.deepEqual(safety.codeDescription, { href: 'https://rust-lang.github.io/rust-clippy/master/index.html#undocumented_unsafe_blocks' });
    const stable = published.diagnostics.find((d) => d.code === 'stable-feature')!;
    assert.deepEqual(stable.tags, [1], 'a removable gate is tagged Unnecessary');
    assert.deepEqual((stable.data as { key: string }).key, 'stable-feature@1:11-1:21');
  });

  it('links a duplicate gate to the first one (relatedInformation)', async () => {
    const uri = 'file:///diag/dup.rs';
    server.open(uri, '// é😀\n#![feature(allocator_api)]\n#![feature(allocator_api)]\n', 1);
    const published = await server.diagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map(summary), ['duplicate-feature 1 2:11-2:24']);
    assert.deepEqual(published.diagnostics[0]!.relatedInformation, [
      { location: { uri, range: { start: { line: 1, character: 11 }, end: { line: 1, character: 24 } } }, message: 'first enabled here' },
    ]);
    assert.deepEqual(published.diagnostics[0]!.data, { key: 'duplicate-feature@2:11-2:24', version: 1, feature: 'allocator_api' });
  });

  it('re-publishes for each incremental change with the new version and shifted ranges', async () => {
    const uri = 'file:///diag/one.rs';
    server.open(uri, ONE_UNSAFE_BLOCK, 1);
    const first = await server.diagnostics(uri, 1);
    assert.deepEqual(first.diagnostics.map(summary), ['missing-safety-comment 2 3:13-3:42']);
    // Insert a CJK comment before the block on its line: the range moves by its UTF-16 length.
    server.change(uri, 2, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } }, text: '/* 日本😀 */ ' }]);
    const second = await server.diagnostics(uri, 2);
    assert.deepEqual(second.diagnostics.map(summary), ['missing-safety-comment 2 3:24-3:53']);
    // Add a SAFETY comment on the line above: the finding goes away.
    server.change(uri, 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '    // SAFETY: `v` is a live local.\n' }]);
    const third = await server.diagnostics(uri, 3);
    assert.deepEqual(third.diagnostics, []);
  });

  it('publishes within 50 ms of a keystroke in a 5,000-line file', async () => {
    const uri = 'file:///diag/large.rs';
    const text = largeSource(5000);
    assert.equal(text.split('\n').length, 5001, 'lines plus the final line break');
    server.open(uri, text, 1);
    const first = await server.diagnostics(uri, 1);
    const blockLine = text.split('\n').findIndex((l) => l.includes('unsafe {'));
    assert.deepEqual(first.diagnostics.map(summary), ['stable-feature 4 1:11-1:21', `missing-safety-comment 2 ${blockLine}:13-${blockLine}:42`]);
    const times: number[] = [];
    for (let version = 2; version <= 11; version++) {
      const next = server.client.waitForNext<{ uri: string; version: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
      const sent = performance.now();
      // Type one character into a comment in the middle of the file.
      server.change(uri, version, [{ range: { start: { line: 2502, character: 10 }, end: { line: 2502, character: 10 } }, text: 'x' }]);
      times.push((await next).at - sent);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`      keystroke -> publishDiagnostics, 5,000 lines (debounce 10 ms): median ${median.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
    assert.ok(median < 50, `median ${median.toFixed(1)} ms`);
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = 'file:///diag/one.rs';
    const cleared = server.client.waitForNext<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    server.client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).params, { uri, diagnostics: [] });
  });

  it('skips a file over rflLens.maxFileSize with one information message and no diagnostics', async () => {
    server.settings.set('', { maxFileSize: 1000 });
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///diag/big.rs';
    const text = largeSource(200);
    server.open(uri, text, 1);
    const published = await server.diagnostics(uri, 1);
    assert.deepEqual(published.diagnostics, []);
    server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// more\n' }]);
    await server.diagnostics(uri, 2);
    const infos = server.client.received<{ type: number; message: string }>('window/showMessage').filter((m) => m.message.includes('big.rs'));
    assert.equal(infos.length, 1);
    assert.equal(infos[0]!.type, 3);
    assert.match(infos[0]!.message, /is not analysed: it is \d+ bytes, over rflLens\.maxFileSize \(1000\)/);
    server.settings.delete('');
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
  });
});
