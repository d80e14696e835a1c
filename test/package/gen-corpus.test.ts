import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const script = path.join(repo, 'scripts', 'gen-corpus.mjs');

function generate(out: string, ...args: string[]): string {
  return execFileSync(process.execPath, [script, '--out', out, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Relative path -> sha256 of every file under `dir`. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).split(path.sep).join('/'), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const lines = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('scripts/gen-corpus.mjs', () => {
  let tmp: string;
  let a: Map<string, string>;
  let text: (rel: string) => string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'rfl-corpus-test-'));
    generate(path.join(tmp, 'a'), '--seed', '42');
    a = digest(path.join(tmp, 'a'));
    text = (rel) => readFileSync(path.join(tmp, 'a', rel), 'utf8');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes byte-identical trees for the same seed', () => {
    generate(path.join(tmp, 'b'), '--seed', '42');
    assert.deepEqual(digest(path.join(tmp, 'b')), a);
  });

  it('writes a different tree for another seed', () => {
    generate(path.join(tmp, 'c'), '--seed', '43');
    const c = digest(path.join(tmp, 'c'));
    assert.notDeepEqual(c, a);
    // The fixed parts of the layout do not depend on the seed.
    assert.equal(c.get('scripts/Makefile.build'), a.get('scripts/Makefile.build'));
  });

  it('lays the files out like a kernel tree, 5 MB by default', () => {
    const rs = [...a.keys()].filter((p) => p.endsWith('.rs'));
    assert.ok(a.has('scripts/Makefile.build') && a.has('scripts/min-tool-version.sh') && a.has('rust/kernel/lib.rs'));
    assert.ok(rs.some((p) => p.startsWith('drivers/')), 'has drivers');
    assert.ok(rs.some((p) => p.startsWith('samples/rust/rust_')), 'has samples');
    const bytes = rs.reduce((s, p) => s + statSync(path.join(tmp, 'a', p)).size, 0);
    assert.ok(bytes >= 5e6 && bytes < 5.1e6, `5 MB of Rust, got ${bytes}`);
    assert.match(text('scripts/Makefile.build'), /^rust_allowed_features := [a-z_,]+$/m);
    assert.match(text('scripts/min-tool-version.sh'), /rustc\)\n\techo 1\.78\.0\n/);
  });

  it('makes rust/kernel/device_core.rs the largest file, at about 5,000 lines', () => {
    const counts = [...a.keys()].filter((p) => p.endsWith('.rs')).map((p) => ({ p, n: lines(text(p)) }));
    const largest = counts.reduce((x, y) => (y.n > x.n ? y : x));
    assert.equal(largest.p, 'rust/kernel/device_core.rs');
    assert.ok(largest.n >= 5000 && largest.n < 5100, `largest has ${largest.n} lines`);
    assert.ok(counts.filter((c) => c.p !== largest.p).every((c) => c.n <= 2600));
  });

  it('mixes documented, undocumented and placeholder unsafe code with gates and macros', () => {
    const all = [...a.keys()].filter((p) => p.endsWith('.rs')).map(text).join('\n');
    const count = (re: RegExp): number => (all.match(re) ?? []).length;
    assert.ok(count(/^\s*\/\/ SAFETY: TODO\.$/gm) > 10, 'placeholders');
    assert.ok(count(/^\s*\/\/ SAFETY: [A-Z`].*\.$/gm) > 1000, 'good comments');
    assert.ok(count(/^\s*\/\/ (Safety|safety): /gm) > 10, 'off-style comments');
    // An unsafe block whose previous line is code, not a comment: a missing SAFETY comment.
    assert.ok(count(/[;{]\n\s*(let \w+ = )?unsafe \{/g) > 50, 'undocumented blocks');
    assert.ok(count(/^unsafe impl (Send|Sync) for /gm) > 100);
    assert.ok(count(/pub unsafe fn from_raw/g) > count(/# Safety\n\s*\/\/\/\n\s*\/\/\/ The caller must ensure that `ptr` is valid and remains/g), 'some unsafe fns lack # Safety');
    assert.ok(count(/^pub unsafe trait /gm) > 0 && count(/^macro_rules! /gm) > 0 && count(/^module! \{$/gm) > 10 && count(/^extern "C" \{$/gm) > 0);
    assert.ok(count(/^#!\[cfg_attr\(\S.*, feature\(\w+\)\)\]$/gm) > 0 && count(/^#!\[feature\(\w+, \w+\)\]$/gm) > 0);
    assert.match(all, /[\u0080-\uffff]/, 'multi-byte text');
    assert.match(text('rust/kernel/lib.rs'), /^#!\[no_std\]\n(#!\[(feature|cfg_attr)\(.*\)\]\n){25}\npub mod device_core;$/m);
  });

  it('honours --size and --largest-lines', () => {
    const out = generate(path.join(tmp, 'd'), '--size', '0.3', '--largest-lines', '400');
    const d = digest(path.join(tmp, 'd'));
    const rs = [...d.keys()].filter((p) => p.endsWith('.rs'));
    const bytes = rs.reduce((s, p) => s + statSync(path.join(tmp, 'd', p)).size, 0);
    assert.ok(bytes >= 3e5 && bytes < 3.5e5, `0.3 MB, got ${bytes}`);
    const big = lines(readFileSync(path.join(tmp, 'd', 'rust/kernel/device_core.rs'), 'utf8'));
    assert.ok(big >= 400 && big < 500, `largest ${big}`);
    assert.equal(out.trim(), `${path.join(tmp, 'd')}: ${rs.length} .rs files, ${(bytes / 1e6).toFixed(2)} MB, largest rust/kernel/device_core.rs (${big} lines)`);
  });

  it('refuses to overwrite a directory that is not a corpus, and bad options', () => {
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'keep me');
    assert.throws(() => generate(other, '--size', '0.1'), /not a corpus/);
    assert.equal(readFileSync(path.join(other, 'notes.txt'), 'utf8'), 'keep me');
    assert.throws(() => generate(path.join(tmp, 'e'), '--size', '-1'), /positive/);
    assert.throws(() => generate(path.join(tmp, 'e'), '--colour'), /unknown option --colour/);
  });
});
