import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { FilePoller, pollPaths } from '../../src/server/filePoller';
import { tempDir } from './harness';

describe('filePoller', () => {
  it('lists each ancestor folder’s config files, the kernel tree files and the extras', () => {
    const paths = pollPaths('/k/drivers/net/foo.rs', '/k', ['/db/features.toml']);
    assert.deepEqual(paths.slice(0, 6), ['/db/features.toml', '/k/drivers/net/clippy.toml', '/k/drivers/net/.clippy.toml', '/k/drivers/net/Kbuild', '/k/drivers/net/Makefile', '/k/drivers/net/rust-project.json']);
    for (const p of ['/k/.clippy.toml', '/clippy.toml', '/k/scripts/Makefile.build', '/k/scripts/min-tool-version.sh', '/k/rust/Makefile']) assert.ok(paths.includes(p), p);
    assert.equal(paths.length, 1 + 4 * 5 + 4);
  });

  it('reports a file that is created, then changed, once per change', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    let wake: () => void = () => undefined;
    const poller = new FilePoller(20, (file) => {
      seen.push(file);
      wake();
    });
    try {
      const file = dir.file('clippy.toml');
      poller.watch([file, file]);
      assert.equal(poller.size, 1);
      const created = new Promise<void>((resolve) => (wake = resolve));
      writeFileSync(file, 'a = 1\n');
      await created;
      const changed = new Promise<void>((resolve) => (wake = resolve));
      writeFileSync(file, 'a = 22\n');
      await changed;
      assert.deepEqual(seen, [file, file]);
    } finally {
      poller.dispose();
      dir.remove();
    }
  });
});
