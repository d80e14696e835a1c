import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string; icon: string };

/** Every file under `dir` (relative to the repo, forward slashes). */
function listRepoFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(path.join(repo, d), { withFileTypes: true })) {
      const rel = `${d}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  if (existsSync(path.join(repo, dir))) walk(dir);
  return out;
}

/** The offline VS Code the e2e tests run (scripts/e2e-setup.sh installs it). */
const e2eCache = process.env.RFL_E2E_CACHE ?? path.join(repo, '.cache', 'e2e');
const node24 = path.join(e2eCache, 'node24', 'bin', 'node');
const serverMain = path.join(e2eCache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

const hasUnzip = (): boolean => ['/usr/bin/unzip', '/bin/unzip', '/usr/local/bin/unzip'].some((p) => existsSync(p));

describe('npm run package (.vsix)', function () {
  this.timeout(180000);
  let tmp: string;
  let vsix: string;
  let entries: string[];

  before(async function () {
    if (!hasUnzip()) {
      console.log('      skipped: unzip is not installed');
      this.skip();
    }
    tmp = mkdtempSync(path.join(tmpdir(), 'rfl-vsix-test-'));
    vsix = path.join(tmp, 'rfl-lens.vsix');
    // The package script runs vscode:prepublish (the build) first, as `vsce publish` would.
    await run('npm', ['run', 'package', '--', '--out', vsix], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    const { stdout } = await run('unzip', ['-Z1', vsix]);
    entries = stdout.trim().split('\n').sort();
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the bundles, the parser wasm, the database and the docs', () => {
    for (const f of [
      'extension.vsixmanifest',
      '[Content_Types].xml',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/dist/reportWorker.js',
      'extension/dist/tree-sitter.wasm',
      'extension/dist/tree-sitter-rust.wasm',
      'extension/dist/features.toml',
      'extension/dist/kernel-notes.toml',
      `extension/${manifest.icon}`,
    ]) {
      assert.ok(entries.includes(f), `${f} is in the package`);
    }
  });

  it('holds every file of media/ and syntaxes/', () => {
    const expected = [...listRepoFiles('media'), ...listRepoFiles('syntaxes')].map((f) => `extension/${f}`).sort();
    assert.ok(expected.length >= 2);
    assert.deepEqual(entries.filter((e) => /^extension\/(media|syntaxes)\//.test(e)), expected);
  });

  it('holds nothing else: no sources, tests, source maps, scripts or node_modules', () => {
    const allowed = [
      /^extension\.vsixmanifest$/,
      /^\[Content_Types\]\.xml$/,
      /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
      /^extension\/dist\/(extension|server|cli|reportWorker)\.js$/,
      /^extension\/dist\/(tree-sitter|tree-sitter-rust)\.wasm$/,
      /^extension\/dist\/(features|kernel-notes)\.toml$/,
      /^extension\/(media|syntaxes)\//,
    ];
    const stray = entries.filter((e) => !allowed.some((re) => re.test(e)));
    assert.deepEqual(stray, []);
    assert.deepEqual(entries.filter((e) => /\.(map|ts)$|\/(src|test|node_modules|scripts|data|docs|examples)\//.test(e)), []);
  });

  it('declares the icon, licence, repository and version in the manifest', async () => {
    const { stdout } = await run('unzip', ['-p', vsix, 'extension.vsixmanifest']);
    assert.match(stdout, /<Identity Language="en-US" Id="rfl-lens" Version="0\.1\.0" Publisher="rfl-lens"/);
    assert.match(stdout, /<Asset Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="extension\/media\/icon\.png"/);
    assert.match(stdout, /<License>extension\/LICENSE\.txt<\/License>/);
    assert.match(stdout, /<Property Id="Microsoft\.VisualStudio\.Services\.Links\.Source" Value="https:\/\/github\.com\/rfl-lens\/rfl-lens\.git" \/>/);
    assert.match(stdout, /<Property Id="Microsoft\.VisualStudio\.Services\.Branding\.Color" Value="#A32F17" \/>/);
    assert.equal(manifest.version, '0.1.0');
  });

  it('installs into the real VS Code used by the integration tests, and its bundles run from there', async function () {
    if (!existsSync(node24) || !existsSync(serverMain)) {
      console.log(`      skipped: the offline VS Code is not installed (${serverMain}); run scripts/setup-test-env.sh`);
      this.skip();
    }
    const home = path.join(tmp, 'home');
    mkdirSync(home);
    const exts = path.join(tmp, 'exts');
    const common = ['--extensions-dir', exts, '--server-data-dir', path.join(tmp, 'server-data'), '--accept-server-license-terms'];
    const env = { ...process.env, HOME: home, TMPDIR: tmp };
    const install = await run(node24, [serverMain, '--install-extension', vsix, ...common], { env });
    assert.match(install.stdout, /successfully installed/);
    const list = await run(node24, [serverMain, '--list-extensions', '--show-versions', ...common], { env });
    assert.deepEqual(list.stdout.trim().split('\n'), [`rfl-lens.rfl-lens@${manifest.version}`]);
    // The installed copy finds its wasm and database: its CLI checks a file exactly as the repo's does.
    const installed = path.join(exts, `rfl-lens.rfl-lens-${manifest.version}`);
    writeFileSync(path.join(tmp, 'probe.rs'), 'fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n');
    const check = await run(process.execPath, [path.join(installed, 'dist', 'cli.js'), 'check', 'probe.rs'], { cwd: tmp }).catch((e: { stdout: string; code: number }) => e);
    assert.equal(check.stdout, 'probe.rs:2:5: warning: unsafe block missing a safety comment [missing-safety-comment]\n');
  });
});
