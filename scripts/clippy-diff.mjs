#!/usr/bin/env node
// Differential check of the SAFETY rules against clippy-driver.
//
//   node scripts/clippy-diff.mjs [--edition 2021] [--cfg 'feature="std"']... [--crate DIR] [--bless] PATH...
//
// PATH is a .rs file or a directory of standalone .rs files (each one compiled as its own crate),
// or, with --crate DIR, the crate root (DIR/src/lib.rs) whose files are all compared.
// Prints the disagreements and precision/recall per rule. --bless rewrites the golden
// `<file>.clippy` next to each standalone file (what the corpus test compares against).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The harness is TypeScript: run again under tsx's loader, as the test suites do.
if (!process.env.RFL_CLIPPY_DIFF_TSX) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, RFL_CLIPPY_DIFF_TSX: '1' },
  });
  process.exit(r.status ?? 2);
}
const { runClippy, runOurs, score, diff, clippyAvailable, goldenText } = await import('../test/clippy/harness.ts');

const args = process.argv.slice(2);
const cfg = [];
let edition = '2021';
let crate;
let bless = false;
const paths = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--cfg') cfg.push(args[++i]);
  else if (a === '--edition') edition = args[++i];
  else if (a === '--crate') crate = args[++i];
  else if (a === '--bless') bless = true;
  else if (a === '--help' || a === '-h') {
    console.log('usage: clippy-diff.mjs [--edition E] [--cfg C]... [--bless] PATH... | --crate DIR');
    process.exit(0);
  } else paths.push(a);
}
if (!clippyAvailable()) {
  console.error('clippy-diff: clippy-driver is not on PATH');
  process.exit(2);
}

const specs = [];
if (crate) {
  const dir = path.resolve(crate);
  specs.push({ root: path.join(dir, 'src', 'lib.rs'), dir, edition, cfg, crateName: path.basename(dir).replace(/-[\d.]+$/, '').replace(/-/g, '_') });
}
for (const p of paths) {
  const abs = path.resolve(p);
  const files = statSync(abs).isDirectory() ? readdirSync(abs).filter((f) => f.endsWith('.rs')).sort().map((f) => path.join(abs, f)) : [abs];
  for (const f of files) specs.push({ root: f, dir: path.dirname(f), edition, cfg });
}

const expectedAll = new Set();
const actualAll = new Set();
for (const spec of specs) {
  const clippy = runClippy(spec);
  if (clippy.errors.length) console.log(`${spec.root}: clippy reported errors: ${clippy.errors.slice(0, 3).join('; ')}`);
  const ours = await runOurs(spec, clippy.files);
  const tag = (k) => `${path.relative(process.cwd(), spec.dir)}/${k}`;
  for (const k of clippy.findings) expectedAll.add(tag(k));
  for (const k of ours) actualAll.add(tag(k));
  const d = diff(clippy.findings, ours);
  for (const k of d.missing) console.log(`missed   ${tag(k)}`);
  for (const k of d.extra) console.log(`extra    ${tag(k)}`);
  if (bless && !crate) {
    if (clippy.errors.length) console.log(`not blessing ${spec.root}: it does not compile`);
    else writeFileSync(`${spec.root.replace(/\.rs$/, '')}.clippy`, goldenText(clippy.findings));
  }
}
const scores = score(expectedAll, actualAll);
console.log('\nrule                         clippy  ours  agree  precision  recall');
for (const [rule, s] of Object.entries(scores)) {
  console.log(`${rule.padEnd(28)} ${String(s.tp + s.fn).padStart(6)} ${String(s.tp + s.fp).padStart(5)} ${String(s.tp).padStart(6)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}`);
}
process.exit(Object.values(scores).every((s) => s.fp === 0 && s.fn === 0) ? 0 : 1);
