import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run';

const cwd = process.cwd();

describe('cli feature', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rfl-feature-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints JSON records as the contract says, status judged at --toolchain', async () => {
    const r = await runCli(['feature', 'asm_goto', 'allocator_api', 'box_syntax', '--json', '--toolchain', '1.85'], cwd);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), [
      { name: 'asm_goto', kind: 'lang', status: 'unstable', since: '1.87.0', trackingIssue: null, links: { release: 'https://github.com/rust-lang/rust/releases/tag/1.87.0' } },
      {
        name: 'allocator_api',
        kind: 'lib',
        status: 'unstable',
        since: null,
        trackingIssue: 32838,
        links: {
          trackingIssue: 'https://github.com/rust-lang/rust/issues/32838',
          unstableBook: 'https://doc.rust-lang.org/nightly/unstable-book/library-features/allocator-api.html',
        },
      },
      { name: 'box_syntax', kind: 'lang', status: 'removed', since: '1.70.0', trackingIssue: null, links: {} },
    ]);
  });

  it('defaults to the database toolchain and exits 1 when a name is unknown', async () => {
    const r = await runCli(['feature', '--json', 'asm_goto', 'made_up_gate'], cwd);
    assert.equal(r.code, 1);
    const [goto, made] = JSON.parse(r.stdout) as { status: string }[];
    assert.equal(goto!.status, 'stable');
    assert.deepEqual(made, { name: 'made_up_gate', kind: null, status: 'unknown', since: null, trackingIssue: null, links: {} });
  });

  it('prints a readable card per feature', async () => {
    const r = await runCli(['feature', 'asm_goto', 'allocatr_api', '--toolchain', '1.85.0'], cwd);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        'asm_goto (language feature)',
        '  status:    unstable at rustc 1.85.0; stable from 1.87.0',
        '  release:   https://github.com/rust-lang/rust/releases/tag/1.87.0',
        '  kernel:    allowed outside rust/ (rust_allowed_features); stable since Rust 1.87.0',
        '             `label` operands in `asm!`, used for static branches; needed only while the minimum rustc is older than 1.87.0.',
        '             https://github.com/Rust-for-Linux/linux/issues/2',
        '',
        'allocatr_api: unknown feature (not known to rustc 1.95.0); did you mean `allocator_api`?',
        '',
      ].join('\n'),
    );
  });

  it('uses --db, and refuses a broken one with its problem', async () => {
    const good = path.join(dir, 'db.toml');
    writeFileSync(good, '[meta]\nrustc = "1.80.0"\nschema = 1\n\n[features.only_me]\nkind = "lib"\nstatus = "stable"\nsince = "1.70.0"\n');
    const r = await runCli(['feature', '--db', good, 'only_me', 'asm_goto', '--json'], cwd);
    assert.deepEqual((JSON.parse(r.stdout) as { status: string }[]).map((f) => f.status), ['stable', 'unknown']);
    const bad = path.join(dir, 'bad.toml');
    writeFileSync(bad, '[meta]\nrustc = "1.80.0"\nschema = 1\n\n[features.x]\nkind = "lib"\nstatus = "stabel"\n');
    const b = await runCli(['feature', '--db', bad, 'x'], cwd);
    assert.equal(b.code, 2);
    assert.equal(b.stdout, '');
    assert.equal(
      b.stderr,
      `rfl-lens feature: ${bad}:7: features.x.status: expected one of unstable, incomplete, internal, stable, removed, got "stabel"\nrfl-lens feature: using the bundled feature database instead of ${bad}\n`,
    );
  });

  it('has --help and rejects bad usage with exit 2', async () => {
    const h = await runCli(['feature', '--help'], cwd);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^usage: rfl-lens feature NAME\.\.\./);
    assert.equal((await runCli(['feature'], cwd)).code, 2);
    const v = await runCli(['feature', 'x', '--toolchain', 'latest'], cwd);
    assert.equal(v.code, 2);
    assert.equal(v.stderr, "rfl-lens feature: --toolchain expects a version like 1.85.0, not 'latest'\n");
  });
});
