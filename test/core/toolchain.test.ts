import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readProbeDiagnostics } from '../../src/core/features/probeDiagnostics';
import { featureProbeSource, parseRustcVersionLine, probeFeatures, probeRustc, runProgram, withTempDir } from '../../src/core/toolchain';

function haveRustc(): boolean {
  try {
    execFileSync('rustc', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const ours = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('rfl-lens-'));

describe('toolchain', () => {
  it('parses rustc version lines, stable and nightly', () => {
    assert.equal(parseRustcVersionLine('rustc 1.95.0 (59807616e 2026-04-14)'), '1.95.0');
    assert.equal(parseRustcVersionLine('rustc 1.97.0-nightly (abc 2026-05-01)\n'), '1.97.0');
    assert.equal(parseRustcVersionLine('cargo 1.95.0'), undefined);
  });

  it('writes one name per line in the probe crate', () => {
    assert.equal(featureProbeSource(['a', 'b']), '#![feature(\na,\nb\n)]\n');
  });

  it('runs programs without a shell: metacharacters stay arguments', async () => {
    const r = await runProgram(process.execPath, ['-e', 'process.stdout.write(process.argv[1])', '; echo injected $(id)']);
    assert.deepEqual(r, { code: 0, stdout: '; echo injected $(id)', stderr: '' });
    const failing = await runProgram(process.execPath, ['-e', 'process.stderr.write("bad"); process.exit(3)']);
    assert.deepEqual(failing, { code: 3, stdout: '', stderr: 'bad' });
  });

  it('passes extra environment and enforces the timeout', async () => {
    const r = await runProgram(process.execPath, ['-e', 'process.stdout.write(process.env.RUSTC_BOOTSTRAP ?? "")'], { env: { RUSTC_BOOTSTRAP: '1' } });
    assert.equal(r.stdout, '1');
    await assert.rejects(runProgram(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 }), /timed out after 200 ms/);
    await assert.rejects(runProgram('/nonexistent/rustc', ['--version']), /\/nonexistent\/rustc: .*ENOENT/);
  });

  it('removes its temporary directory even when the work fails', async () => {
    let seen = '';
    await assert.rejects(
      withTempDir(async (dir) => {
        seen = dir;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(existsSync(seen), false);
  });

  it('explains a rustc that cannot be run', async () => {
    await assert.rejects(probeRustc('/nonexistent/rustc'), /\/nonexistent\/rustc: /);
    await assert.rejects(probeRustc(process.execPath), /did not print a rustc version/);
  });

  describe('with the installed rustc', () => {
    before(function () {
      if (!haveRustc()) {
        console.log('      skipped: rustc is not installed');
        this.skip();
      }
    });

    it('probes version and sysroot', async () => {
      const info = await probeRustc();
      assert.match(info.version, /^\d+\.\d+\.\d+$/);
      assert.equal(info.versionLine.startsWith(`rustc ${info.version}`), true);
      assert.ok(existsSync(info.sysroot));
    });

    it('compiles a feature probe with RUSTC_BOOTSTRAP and cleans up', async function () {
      this.timeout(60_000);
      const before = ours();
      const names = ['allocator_api', 'no_such_feature_here', 'asm_const'];
      const r = await probeFeatures('rustc', names);
      assert.deepEqual(ours(), before);
      const verdicts = readProbeDiagnostics(r.source, names, r.diagnostics).verdicts;
      assert.deepEqual(verdicts.get('no_such_feature_here'), { status: 'unknown' });
      assert.deepEqual(verdicts.get('asm_const'), { status: 'stable', since: '1.82.0' });
      assert.equal(r.metrics, undefined);
      const clean = await probeFeatures('rustc', ['allocator_api', 'asm_const']);
      assert.equal(clean.code, 0);
      assert.match(clean.metrics!, /"symbol":"asm_const"/);
    });
  });
});
