import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestServer, type DiagnosticShape, type TestServer } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const OLD = path.join(ROOT, 'test', 'fixtures', 'kernel-tree', 'linux');
const NEW = path.join(ROOT, 'test', 'fixtures', 'kernel-tree-new', 'linux');
const MODULE = path.join(ROOT, 'test', 'fixtures', 'kernel-tree', 'module');
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const KERNEL_CODES = ['duplicate-feature', 'feature-not-allowed', 'stable-feature'];

/** Opens `file` from disk and returns its diagnostics and the kernel verdicts as `line:character severity code` (LSP, 0-based). */
async function open(server: TestServer, file: string): Promise<{ uri: string; diagnostics: DiagnosticShape[]; verdicts: string[] }> {
  const uri = pathToFileURL(file).href;
  server.open(uri, readFileSync(file, 'utf8'));
  const { diagnostics } = await server.diagnostics(uri, 1);
  const verdicts = diagnostics
    .filter((d) => KERNEL_CODES.includes(d.code))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${SEVERITY[d.severity]} ${d.code}`)
    .sort();
  return { uri, diagnostics, verdicts };
}

describe('server: kernel trees', function () {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('a driver in the old tree (min rustc 1.78.0): allow-list errors and kbuild duplicates', async () => {
    const { diagnostics, verdicts } = await open(server, path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'));
    assert.deepEqual(verdicts, [
      '4:11 error duplicate-feature',
      '4:11 information stable-feature',
      '5:11 error feature-not-allowed',
      '5:11 information stable-feature',
      '6:11 error feature-not-allowed',
      '6:26 error feature-not-allowed',
      '7:44 error duplicate-feature',
    ]);
    const dup = diagnostics.find((d) => d.code === 'duplicate-feature' && d.range.start.line === 4)!;
    assert.deepEqual(dup.range, { start: { line: 4, character: 11 }, end: { line: 4, character: 19 } });
    assert.equal(dup.source, 'rfl-lens');
    assert.match(dup.message, /^feature `asm_goto` is already enabled for code outside rust\/: kbuild passes the allow-list \(scripts\/Makefile\.build:19\)/);
  });

  it('the same driver in the new tree (min rustc 1.85.0)', async () => {
    const { verdicts } = await open(server, path.join(NEW, 'drivers', 'misc', 'rust_demo.rs'));
    assert.deepEqual(verdicts, [
      '4:11 error duplicate-feature',
      '4:11 information stable-feature',
      '5:11 hint stable-feature',
      '6:11 error feature-not-allowed',
      '6:26 error feature-not-allowed',
    ]);
  });

  it('the kernel crate: lint_reasons is information at 1.78.0, a removable hint at 1.85.0', async () => {
    assert.deepEqual((await open(server, path.join(OLD, 'rust', 'kernel', 'lib.rs'))).verdicts, ['6:11 information stable-feature']);
    assert.deepEqual((await open(server, path.join(NEW, 'rust', 'kernel', 'lib.rs'))).verdicts, ['6:11 hint stable-feature']);
  });

  it('offers the removal of a kbuild duplicate as the preferred quick fix', async () => {
    const file = path.join(OLD, 'drivers', 'misc', 'rust_demo.rs');
    const uri = pathToFileURL(file).href;
    const { diagnostics } = await server.diagnostics(uri, 1);
    const dup = diagnostics.find((d) => d.code === 'duplicate-feature' && d.range.start.line === 4)!;
    const actions = await server.client.request<{ title: string; isPreferred?: boolean; edit?: { changes?: Record<string, unknown[]>; documentChanges?: { edits: unknown[] }[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: dup.range, context: { diagnostics: [dup] } },
    );
    const fix = actions.find((a) => a.title === 'Remove `asm_goto` from the feature gate');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit?.changes?.[uri] ?? fix.edit?.documentChanges?.[0]?.edits;
    assert.deepEqual(edits, [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, newText: '' }]);
  });
});

describe('server: out-of-tree module with rflLens.kernelTree', function () {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ settings: { '': { kernelTree: NEW } } });
  });
  after(async () => server?.stop());

  it('judges the module against the configured tree', async () => {
    const { verdicts } = await open(server, path.join(MODULE, 'rust_oot.rs'));
    assert.deepEqual(verdicts, ['4:11 hint stable-feature', '5:11 error duplicate-feature', '6:28 error feature-not-allowed']);
  });
});
