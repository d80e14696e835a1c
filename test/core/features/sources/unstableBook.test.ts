import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseBookPage, readUnstableBook, unstableBookDir } from '../../../../src/core/features/sources/unstableBook';

const PAGE = `<html><body><main>
<h1 id="asm_goto_with_outputs"><a class="header" href="#asm_goto_with_outputs"><code>asm_goto_with_outputs</code></a></h1>
<p>The tracking issue for this feature is: <a href="https://github.com/rust-lang/rust/issues/119364">#119364</a></p>
<hr>
<p>This feature allows label operands to be used together with <code>output</code> operands &amp; more.</p>
<p>Example:</p>
</main></body></html>`;

function sysroot(): string | undefined {
  try {
    return execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

describe('features/sources/unstableBook', () => {
  it('reads name, tracking issue and summary of a page', () => {
    assert.deepEqual(parseBookPage(PAGE, 'asm-goto-with-outputs', 'lang'), {
      name: 'asm_goto_with_outputs',
      kind: 'lang',
      slug: 'asm-goto-with-outputs',
      trackingIssue: 119364,
      description: 'This feature allows label operands to be used together with output operands & more.',
    });
  });

  it('falls back to the file name and shortens long summaries', () => {
    const long = `<main><p>The tracking issue for this feature is: None.</p><hr><p>${'word '.repeat(80)}</p></main>`;
    const page = parseBookPage(long, 'some-feature', 'lib');
    assert.equal(page.name, 'some_feature');
    assert.equal(page.trackingIssue, undefined);
    assert.ok(page.description!.endsWith('word…'));
    assert.ok(page.description!.length <= 240);
  });

  it('reads the installed unstable book', async function () {
    const root = sysroot();
    if (!root || !existsSync(unstableBookDir(root))) {
      console.log('      skipped: no rustc with the rust-docs component');
      this.skip();
    }
    const pages = await readUnstableBook(root!);
    assert.ok(pages.length > 500, `${pages.length} pages`);
    const p = pages.find((x) => x.name === 'arbitrary_self_types');
    assert.equal(p?.kind, 'lang');
    assert.equal(p?.trackingIssue, 44874);
    assert.equal(pages.find((x) => x.name === 'allocator_api')?.kind, 'lib');
  });
});
