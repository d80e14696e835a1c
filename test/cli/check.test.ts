import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run';

const ROOT = path.resolve(__dirname, '..', '..');

describe('rfl-lens check', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rfl-check-'));
    mkdirSync(path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'target'));
    // Multi-byte text before the unsafe block: columns are code points (rustc), not UTF-16 or bytes.
    writeFileSync(
      path.join(dir, 'src', 'lib.rs'),
      ['pub fn f(p: *const u8) -> u8 {', '    let _s = "é世😀"; unsafe { *p }', '}', ''].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'src', 'ok.rs'),
      ['pub fn g(p: *const u8) -> u8 {', '    // SAFETY: the caller passes a valid pointer.', '    unsafe { *p }', '}', ''].join('\n'),
    );
    writeFileSync(path.join(dir, 'target', 'ignored.rs'), 'pub fn h(p: *const u8) -> u8 { unsafe { *p } }\n');
    writeFileSync(path.join(dir, 'src', 'binary.rs'), Buffer.from([0x66, 0x6e, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'src', 'latin1.rs'), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col: severity: message [code] with code-point columns', async () => {
    const r = await runCli(['check', 'src'], dir);
    // "    let _s = "é世😀"; " is 20 code points (21 UTF-16 units), so `unsafe` starts at column 21.
    assert.equal(r.stdout, 'src/lib.rs:2:21: warning: unsafe block missing a safety comment [missing-safety-comment]\n');
    assert.equal(r.code, 1);
  });

  it('skips binary and non-UTF-8 files with a message and goes on', async () => {
    const r = await runCli(['check', 'src'], dir);
    assert.match(r.stderr, /src\/binary\.rs: skipped: binary file/);
    assert.match(r.stderr, /src\/latin1\.rs: skipped: not valid UTF-8 \(at byte 3\)/);
  });

  it('skips target/ and honours --exclude', async () => {
    const all = await runCli(['check', '.', '--format', 'json'], dir);
    const files = (JSON.parse(all.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    assert.deepEqual(files, ['src/lib.rs']);
    const excluded = await runCli(['check', '.', '--exclude', 'src/lib.rs'], dir);
    assert.equal(excluded.stdout, '');
    assert.equal(excluded.code, 0);
  });

  it('writes the JSON contract', async () => {
    const r = await runCli(['check', 'src/lib.rs', 'src/ok.rs', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(json.version, 1);
    assert.deepEqual(json.findings, [
      {
        file: 'src/lib.rs',
        line: 2,
        column: 21,
        endLine: 2,
        endColumn: 34,
        code: 'missing-safety-comment',
        severity: 'warning',
        message: 'unsafe block missing a safety comment',
      },
    ]);
    const summary = json.summary as Record<string, unknown>;
    assert.equal(summary.files, 2);
    assert.equal(summary.findings, 1);
    assert.deepEqual(summary.byCode, { 'missing-safety-comment': 1 });
  });

  it('writes SARIF 2.1.0 with rule metadata', async () => {
    const r = await runCli(['check', 'src/lib.rs', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    const result = run.results[0]!;
    assert.equal(result.ruleId, 'missing-safety-comment');
    assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, 'missing-safety-comment');
    assert.match(run.tool.driver.rules[result.ruleIndex]!.helpUri ?? '', /undocumented_unsafe_blocks/);
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0]!.physicalLocation.region, { startLine: 2, startColumn: 21, endLine: 2, endColumn: 34 });
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'src/lib.rs');
  });

  it('exits 0 when clean and 2 on usage or input errors', async () => {
    assert.equal((await runCli(['check', 'src/ok.rs'], dir)).code, 0);
    const missing = await runCli(['check', 'nope.rs'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.rs: no such file or directory/);
    assert.equal((await runCli(['check', '--format', 'xml'], dir)).code, 2);
    assert.equal((await runCli(['check', '--min-rustc', 'latest'], dir)).code, 2);
    const badDb = path.join(dir, 'bad.toml');
    writeFileSync(badDb, '[features.x\nkind = 1\n');
    const db = await runCli(['check', 'src/ok.rs', '--db', badDb], dir);
    assert.equal(db.code, 2);
    assert.match(db.stderr, /bad\.toml/);
  });

  it('runs from the bundle with the wasm files beside it', function () {
    if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
      console.log('    skipped: dist/cli.js not built (npm run build)');
      this.skip();
    }
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', 'src/lib.rs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, 'src/lib.rs:2:21: warning: unsafe block missing a safety comment [missing-safety-comment]\n');
  });
});
