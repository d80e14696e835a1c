import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalFeatureDocs } from '../../../src/core/features/localDocs';

describe('features/localDocs', () => {
  it('reads the first paragraph of a page from an unstable book laid out like rust-docs', () => {
    const sysroot = mkdtempSync(path.join(tmpdir(), 'rfl-docs-'));
    try {
      const dir = path.join(sysroot, 'share', 'doc', 'rust', 'html', 'unstable-book', 'language-features');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'my-gate.html'),
        '<main><h1><code>my_gate</code></h1><p>The tracking issue for this feature is: <a href="x">#42</a></p><hr/><p>Lets <code>x</code> do <em>y</em>.</p><p>More.</p></main>',
      );
      const docs = new LocalFeatureDocs(sysroot);
      assert.equal(docs.summary('my_gate', 'lang'), 'Lets x do y.');
      assert.equal(docs.summary('my_gate', 'lib'), undefined, 'looked up in the folder of its kind');
      assert.equal(docs.summary('no_such_gate', 'lang'), undefined);
    } finally {
      rmSync(sysroot, { recursive: true, force: true });
    }
  });

  it('finds real summaries in the local toolchain docs', function () {
    let sysroot: string;
    try {
      sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    } catch {
      console.log('      skipped: no rustc on PATH');
      return this.skip();
    }
    const docs = new LocalFeatureDocs(sysroot);
    const summary = docs.summary('allocator_api', 'lib');
    if (summary === undefined) {
      console.log('      skipped: the rust-docs component (unstable book) is not installed');
      return this.skip();
    }
    assert.match(summary, /allocator/i);
    assert.equal(docs.summary('asm_goto', 'lang'), undefined, 'stable features have no unstable-book page');
  });
});
