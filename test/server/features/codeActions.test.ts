import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE, ONE_UNSAFE_BLOCK } from '../fixtures';
import { applyEdits, FULL_CAPABILITIES, startTestServer, type DiagnosticShape, type RangeShape, type TestServer } from '../harness';

interface TextEditShape {
  range: RangeShape;
  newText: string;
}
interface CodeActionShape {
  title: string;
  kind: string;
  isPreferred: boolean;
  diagnostics: DiagnosticShape[];
  edit: { documentChanges?: { textDocument: { uri: string; version: number }; edits: TextEditShape[] }[]; changes?: Record<string, TextEditShape[]> };
}

describe('code actions (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  async function actionsFor(uri: string, version: number, code: string): Promise<{ diagnostic: DiagnosticShape; actions: CodeActionShape[] }> {
    const published = await server.diagnostics(uri, version);
    const diagnostic = published.diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code} in ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    const actions = await server.client.request<CodeActionShape[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    return { diagnostic, actions };
  }

  it('offers the SAFETY comment as the preferred fix and the #[expect] suppression, with versioned edits', async () => {
    const uri = 'file:///actions/one.rs';
    server.open(uri, ONE_UNSAFE_BLOCK, 4);
    const { diagnostic, actions } = await actionsFor(uri, 4, 'missing-safety-comment');
    assert.ok(actions.length >= 2, JSON.stringify(actions.map((a) => a.title)));
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics, [diagnostic]);
      assert.equal(a.edit.documentChanges!.length, 1);
      assert.deepEqual(a.edit.documentChanges![0]!.textDocument, { uri, version: 4 });
    }
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(
      applyEdits(ONE_UNSAFE_BLOCK, preferred.edit.documentChanges![0]!.edits),
      ['// é😀', 'fn main() {', '    let v = 1u8;', '    // SAFETY: TODO.', '    let _x = unsafe { *(&v as *const u8) };', '}', ''].join('\n'),
    );
    const expect = actions.find((a) => /expect\(clippy::undocumented_unsafe_blocks\)/.test(a.title));
    assert.ok(expect, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(
      applyEdits(ONE_UNSAFE_BLOCK, expect.edit.documentChanges![0]!.edits),
      ['// é😀', '#[expect(clippy::undocumented_unsafe_blocks)]', 'fn main() {', '    let v = 1u8;', '    let _x = unsafe { *(&v as *const u8) };', '}', ''].join('\n'),
    );
  });

  it('removes a gate for a stable feature without touching its siblings', async () => {
    const uri = 'file:///actions/gates.rs';
    server.open(uri, GATES_AND_UNSAFE, 1);
    const { actions } = await actionsFor(uri, 1, 'stable-feature');
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(GATES_AND_UNSAFE, preferred.edit.documentChanges![0]!.edits);
    assert.equal(fixed.split('\n')[1], '#![feature(allocator_api)]');
    assert.equal(fixed, GATES_AND_UNSAFE.replace('#![feature(let_chains, allocator_api)]', '#![feature(allocator_api)]'));
  });

  it('returns nothing for diagnostics from other sources, stale ranges, or a non-quickfix `only`', async () => {
    const uri = 'file:///actions/one.rs';
    const published = await server.diagnostics(uri, 4);
    const d = published.diagnostics[0]!;
    const ask = (diagnostics: unknown[], only?: string[]): Promise<CodeActionShape[] | null> =>
      server.client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics, ...(only ? { only } : {}) } });
    assert.deepEqual(await ask([{ ...d, source: 'rustc' }]), []);
    assert.deepEqual(await ask([{ ...d, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, data: undefined }]), []);
    assert.equal(await ask([d], ['refactor']), null);
    assert.equal((await ask([d], ['quickfix']))!.length >= 2, true);
  });

  it('uses `changes` for clients without documentChanges', async () => {
    const plain = await startTestServer({ capabilities: { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: {} } } });
    try {
      const uri = 'file:///actions/plain.rs';
      plain.open(uri, ONE_UNSAFE_BLOCK, 1);
      const published = await plain.diagnostics(uri, 1);
      const actions = await plain.client.request<CodeActionShape[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: published.diagnostics[0]!.range,
        context: { diagnostics: published.diagnostics },
      });
      const preferred = actions.find((a) => a.isPreferred)!;
      assert.equal(preferred.edit.documentChanges, undefined);
      assert.equal(applyEdits(ONE_UNSAFE_BLOCK, preferred.edit.changes![uri]!).split('\n')[3], '    // SAFETY: TODO.');
    } finally {
      await plain.stop();
    }
  });
});
