#!/usr/bin/env node
// `npm test`: every suite, in order of cost, then one summary line "N passed, N failed[, N skipped]".
// Static checks (typecheck, lint) count as one test each so a type error turns CI red.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const tmp = mkdtempSync(path.join(tmpdir(), 'rfl-test-'));

function step(name, cmd, args, env = {}) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name, cmd, args) {
  const status = step(name, cmd, args);
  if (status === undefined) return;
  if (status === 0) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

/** Whether a test folder holds any *.test.ts (mocha fails on an empty glob). */
function hasTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

function mochaSuite(name, globs, extra = []) {
  if (!globs.some((g) => hasTests(g.split('/**')[0]))) return;
  const countsFile = path.join(tmp, `${name}.json`);
  const status = step(name, process.execPath, [
    'node_modules/mocha/bin/mocha.js',
    '--import=tsx',
    '--reporter', 'scripts/count-reporter.cjs',
    '--timeout', '20000',
    ...extra,
    ...globs,
  ], { RFL_TEST_COUNTS: countsFile });
  if (status === undefined) return;
  if (existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    if (c.failed) failures.push(name);
    if (status !== 0 && c.failed === 0) {
      totals.failed++;
      failures.push(`${name} (exit ${status})`);
    }
  } else if (status !== 0) {
    totals.failed++;
    failures.push(`${name} (did not run: exit ${status})`);
  }
}

function externalSuite(name, script) {
  // Suites that run outside mocha (real VS Code, browser) write the same counts file.
  const countsFile = path.join(tmp, `${name}.json`);
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit', env: { ...process.env, RFL_TEST_COUNTS: countsFile } });
  if (existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped ?? 0;
    if (c.failed) failures.push(name);
  } else {
    totals.failed++;
    failures.push(`${name} (no result, exit ${r.status})`);
  }
}

check('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
check('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
check('build', process.execPath, ['esbuild.mjs']);
mochaSuite('core', ['test/core/**/*.test.ts']);
mochaSuite('cli', ['test/cli/**/*.test.ts']);
mochaSuite('server', ['test/server/**/*.test.ts']);
mochaSuite('grammar', ['test/grammar/**/*.test.ts']);
mochaSuite('package', ['test/package/**/*.test.ts']);
mochaSuite('clippy', ['test/clippy/**/*.test.ts'], ['--timeout', '600000']);
if (existsSync('test/browser/run.mjs')) externalSuite('browser', 'test/browser/run.mjs');
if (existsSync('test/e2e/run.mjs')) externalSuite('e2e', 'test/e2e/run.mjs');

rmSync(tmp, { recursive: true, force: true });
console.log('');
if (failures.length) console.log(`failing suites: ${failures.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
