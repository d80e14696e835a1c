import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDatabase } from '../../src/core/features/database';
import { runCli } from './run';

const cwd = process.cwd();

function rustcVersion(): string | undefined {
  try {
    return /^rustc (\S+)/.exec(execFileSync('rustc', ['--version'], { encoding: 'utf8' }))?.[1];
  } catch {
    return undefined;
  }
}

describe('cli db', () => {
  it('has --help and rejects bad usage with exit 2', async () => {
    const h = await runCli(['db', '--help'], cwd);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^usage: rfl-lens db build \[--rustc PATH\] \[-o FILE\]/);
    const none = await runCli(['db'], cwd);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^rfl-lens db: missing subcommand/);
    const other = await runCli(['db', 'rebuild'], cwd);
    assert.equal(other.stderr, "rfl-lens db: unknown subcommand 'rebuild' (expected 'build')\n");
  });

  it('reports a rustc that cannot be run', async () => {
    const r = await runCli(['db', 'build', '--rustc', '/nonexistent/rustc'], cwd);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^rfl-lens db: \/nonexistent\/rustc: .*ENOENT/);
  });

  it('rebuilds data/features.toml byte for byte from the same toolchain', async function () {
    const version = rustcVersion();
    const bundled = loadDatabase().db.meta.rustc;
    if (!version || version !== bundled) {
      console.log(`      skipped: needs rustc ${bundled} (found ${version ?? 'none'})`);
      this.skip();
    }
    this.timeout(900_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-dbbuild-'));
    try {
      const out = path.join(dir, 'features.toml');
      const r = await runCli(['db', 'build', '-o', out], cwd);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /db build: building from rustc 1\.95\.0/);
      assert.match(r.stderr, /db build: wrote \d+ features to /);
      const expected = readFileSync(path.join(cwd, 'data', 'features.toml'), 'utf8');
      assert.equal(readFileSync(out, 'utf8') === expected, true, 'regenerated database differs from data/features.toml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
