import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE } from '../fixtures';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { positionOf, startTestServer, tempDir, type RangeShape, type TestServer } from '../harness';
import { StatusNotification } from '../../../src/shared/protocol';

interface HoverShape {
  contents: { kind: string; value: string };
  range: RangeShape;
}

describe('hover (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;
  const uri = 'file:///hover/gates.rs';

  before(async () => {
    server = await startTestServer();
    server.open(uri, GATES_AND_UNSAFE, 1);
    await server.diagnostics(uri, 1);
  });
  after(async () => server?.stop());

  const hover = (needle: string, delta = 0, n = 0): Promise<HoverShape | null> =>
    server.client.request<HoverShape | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(GATES_AND_UNSAFE, needle, delta, n) });

  it('explains a stable feature at the toolchain the file is judged at', async () => {
    const h = await hover('let_chains', 3);
    assert.ok(h);
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 21 } });
    const v = h.contents.value;
    assert.match(v, /^\*\*`let_chains`\*\* · language feature\n\n\*\*stable\*\* since 1\.88\.0 — the gate is no longer needed: judged at rustc 1\.95\.0 \(your rustc \(rustc 1\.95\.0 /);
    assert.match(v, /\n\n\[release notes 1\.88\.0\]\(https:\/\/github\.com\/rust-lang\/rust\/releases\/tag\/1\.88\.0\)\n\n/);
  });

  it('says when a newer toolchain has a feature stable but the judged one does not', async () => {
    server.settings.set('', { toolchainVersion: '1.85.0' });
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
    const h = await hover('let_chains', 0);
    assert.ok(h);
    assert.match(h.contents.value, /\*\*unstable\*\* — stable since 1\.88\.0 — still needed: judged at rustc 1\.85\.0 \(rflLens\.toolchainVersion setting\)\./);
    server.settings.delete('');
    server.client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('judges a kernel crate at the minimum rustc of its tree', async () => {
    const tree = tempDir('rfl-kernel-');
    try {
      const write = (rel: string, text: string): void => {
        mkdirSync(path.dirname(tree.file(rel)), { recursive: true });
        writeFileSync(tree.file(rel), text);
      };
      write('scripts/Makefile.build', '# - Stable since Rust 1.88.0: `feature(let_chains)`.\nrust_allowed_features := let_chains,allocator_api\n');
      write('scripts/min-tool-version.sh', '#!/bin/sh\ncase "$1" in\nrustc)\n\techo 1.78.0\n\t;;\nesac\n');
      const text = '// SPDX-License-Identifier: GPL-2.0\n#![feature(let_chains)]\n';
      write('rust/kernel/lib.rs', text);
      const uri = tree.uri('rust/kernel/lib.rs');
      server.open(uri, text, 1);
      const h = await server.client.request<HoverShape | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 12 } });
      assert.match(h!.contents.value, /\n\n\*\*unstable\*\* — stable since 1\.88\.0 — still needed: this tree supports rustc 1\.78\.0\.\n\n/);
      const status = await server.client.waitFor<{ toolchain: string; toolchainOrigin: string }>(StatusNotification.method, (p) => p.toolchain === '1.78.0');
      assert.equal(status.toolchainOrigin, 'minimum rustc in scripts/min-tool-version.sh');
      server.client.notify('textDocument/didClose', { textDocument: { uri } });
    } finally {
      tree.remove();
    }
  });

  it('explains incomplete and unknown features', async () => {
    const inc = await hover('generic_const_exprs', 1);
    assert.match(inc!.contents.value, /^\*\*`generic_const_exprs`\*\* · language feature\n\n\*\*unstable\*\* \(incomplete\): judged at rustc 1\.95\.0/);
    assert.match(
      inc!.contents.value,
      /\[tracking issue #76560\]\(https:\/\/github\.com\/rust-lang\/rust\/issues\/76560\) · \[Unstable Book\]\(https:\/\/doc\.rust-lang\.org\/nightly\/unstable-book\/language-features\/generic-const-exprs\.html\)/,
    );
    const unk = await hover('no_such_feature_xyz', 5);
    assert.match(unk!.contents.value, /^\*\*`no_such_feature_xyz`\*\*\n\n\*\*unknown\*\* — rustc 1\.95\.0 knows no feature of this name \(error E0635\)\./);
  });

  it('quotes the SAFETY comment covering an unsafe block', async () => {
    const h = await hover('unsafe {', 2);
    assert.ok(h);
    assert.deepEqual(h.range, { start: { line: 8, character: 4 }, end: { line: 8, character: 10 } });
    assert.equal(h.contents.value, '**unsafe block**\n\nJustified by the `SAFETY` comment on line 8:\n\n> the caller guarantees that `p` is valid.');
  });

  it('says that no comment justifies an unsafe block, and what an unsafe fn lacks', async () => {
    const block = await hover('unsafe { read_it', 0);
    assert.equal(block!.contents.value, '**unsafe block**\n\nNo `// SAFETY:` comment justifies it.');
    assert.deepEqual(block!.range, { start: { line: 13, character: 24 }, end: { line: 13, character: 30 } });
    const fn = await hover('unsafe fn', 0);
    assert.equal(fn!.contents.value, '**unsafe fn** `read_it` (free function)\n\nNo `# Safety` section documents what callers must uphold.');
  });

  it('says under which cfg a gate inside cfg_attr applies', async () => {
    const cfgUri = 'file:///hover/cfg.rs';
    server.open(cfgUri, '#![cfg_attr(not(CONFIG_X), feature(allocator_api))]\n', 1);
    const h = await server.client.request<HoverShape | null>('textDocument/hover', { textDocument: { uri: cfgUri }, position: { line: 0, character: 40 } });
    assert.deepEqual(h!.range, { start: { line: 0, character: 35 }, end: { line: 0, character: 48 } });
    assert.match(h!.contents.value, /^\*\*`allocator_api`\*\* · library feature\n/);
    assert.match(h!.contents.value, /\n\nOnly when `not\(CONFIG_X\)` \(inside `cfg_attr`\)\.$/);
  });

  it("adds the summary from the user's own unstable book (prose is not in the bundled database)", async function () {
    const cfgUri = 'file:///hover/summary.rs';
    server.open(cfgUri, '#![feature(allocator_api)]\n', 1);
    await server.diagnostics(cfgUri, 1);
    const status = await server.client.waitFor<{ userRustc?: string }>(StatusNotification.method, (p) => p.userRustc !== undefined).catch(() => undefined);
    if (!status) {
      console.log('      skipped: no rustc was probed (none on PATH)');
      return this.skip();
    }
    const h = await server.client.request<HoverShape | null>('textDocument/hover', { textDocument: { uri: cfgUri }, position: { line: 0, character: 14 } });
    // The database has no description for it; a summary paragraph can only come from the local docs.
    const paragraphs = h!.contents.value.split('\n\n');
    assert.match(paragraphs[1]!, /^\*\*unstable\*\*/);
    assert.match(paragraphs[2]!, /allocator/i, 'the unstable book summary follows the status');
    assert.match(paragraphs[3]!, /tracking issue/);
  });

  it('has nothing to say elsewhere', async () => {
    assert.equal(await hover('fn main', 0), null);
    assert.equal(await hover('//!', 0), null);
  });
});
