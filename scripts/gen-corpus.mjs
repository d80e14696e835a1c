#!/usr/bin/env node
// Generates a deterministic, kernel-shaped Rust tree for the benchmark:
//   node scripts/gen-corpus.mjs [--size MB=5] [--out DIR=rfl-corpus] [--seed N=1] [--largest-lines N=5000]
// Layout mirrors a kernel tree (rust/kernel/, drivers/, samples/rust/, scripts/Makefile.build) so
// the kernel-aware checks (allow-list, minimum rustc) run too. The same options always give
// byte-identical files: everything random comes from one seeded generator, nothing from the clock.
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './bench/rng.mjs';
import { FEATURES, driverChunk, featureGates, fileHeader, libraryChunk, moduleDecl, uses } from './bench/rust-templates.mjs';

const SUBSYSTEMS = ['gpu', 'net/phy', 'block', 'cpufreq', 'android', 'pci', 'platform', 'i2c', 'firmware', 'dma', 'regulator'];
const KERNEL_DIRS = ['', 'sync', 'mm', 'fs', 'net', 'device', 'drm', 'block', 'time', 'list', 'io'];
const WORDS = ['core', 'regs', 'fw', 'queue', 'gsp', 'vbios', 'falcon', 'mmio', 'ring', 'irq', 'pm', 'debugfs', 'sysfs', 'ops',
  'state', 'table', 'cache', 'dev', 'bus', 'req', 'tag', 'mq', 'timer', 'arena', 'chan', 'ctx', 'hw', 'desc', 'buf', 'pool'];

// Allowed outside rust/ in the generated tree: a fact-shaped subset, so some driver gates are refused.
const ALLOWED = ['arbitrary_self_types', 'asm_goto', 'lint_reasons', 'raw_ref_op', 'used_with_arg', 'offset_of_nested'];
const MIN_RUSTC = '1.78.0';

const lineCount = (s) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** Grows a file from `head` with chunks until it has at least `target` lines. */
function grow(r, head, target, chunk) {
  let text = head;
  let lines = lineCount(head);
  while (lines < target) {
    const c = chunk(r);
    text += c;
    lines += lineCount(c);
  }
  return text;
}

function lineTarget(r) {
  const band = r.weighted([['small', 50], ['medium', 35], ['large', 15]]);
  if (band === 'small') return r.int(40, 250);
  if (band === 'medium') return r.int(250, 900);
  return r.int(900, 2500);
}

function kernelFacts() {
  const makefile = [
    '# SPDX-License-Identifier: GPL-2.0',
    '# Generated benchmark tree: only the lines RFL Lens reads.',
    '',
    '# The features allowed to be used outside of rust/, grouped as the kernel comments them:',
    '#',
    '#   - Stable since Rust 1.81.0: `feature(lint_reasons)`.',
    '#   - Stable since Rust 1.82.0: `feature(offset_of_nested)`, `feature(raw_ref_op)`.',
    '#   - Stable since Rust 1.87.0: `feature(asm_goto)`.',
    '#   - Expected to become stable: `feature(arbitrary_self_types)`.',
    '#   - To be determined: `feature(used_with_arg)`.',
    `rust_allowed_features := ${ALLOWED.join(',')}`,
    '',
    'rust_common_flags := -Zallow-features=$(rust_allowed_features)',
    '',
  ].join('\n');
  const minTool = ['#!/bin/sh', '# SPDX-License-Identifier: GPL-2.0', 'case "$1" in', 'rustc)', `\techo ${MIN_RUSTC}`, '\t;;', 'esac', ''].join('\n');
  return [
    { path: 'scripts/Makefile.build', text: makefile },
    { path: 'scripts/min-tool-version.sh', text: minTool },
  ];
}

/**
 * The corpus as a sorted list of files. `sizeMB` counts UTF-8 bytes (1 MB = 1,000,000 bytes).
 * @param {{ sizeMB?: number, seed?: number, largestLines?: number }} [opts]
 * @returns {{ path: string, text: string }[]}
 */
export function generateCorpus(opts = {}) {
  const sizeMB = opts.sizeMB ?? 5;
  const seed = opts.seed ?? 1;
  const largestLines = opts.largestLines ?? 5000;
  const r = createRng(seed);
  const budget = sizeMB * 1e6;
  const files = kernelFacts();
  const taken = new Set(files.map((f) => f.path));
  const kernelMods = [];
  let bytes = 0;

  const add = (p, text) => {
    let unique = p;
    for (let i = 2; taken.has(unique); i++) unique = p.replace(/\.rs$/, `_${i}.rs`);
    taken.add(unique);
    files.push({ path: unique, text });
    bytes += Buffer.byteLength(text);
    return unique;
  };

  // The one big file first, so that it exists even for tiny corpora (the keystroke benchmark opens it).
  const big = add('rust/kernel/device_core.rs', grow(r, fileHeader(r, 'Core device abstractions') + uses(r), largestLines, libraryChunk));
  kernelMods.push(big);

  // Other files never exceed half the big one, so it stays the largest.
  const cap = Math.max(40, Math.floor(largestLines / 2));
  const drivers = new Map();
  while (bytes < budget) {
    const kind = r.weighted([['kernel', 45], ['driver', 40], ['sample', 15]]);
    const target = Math.min(cap, lineTarget(r));
    if (kind === 'kernel') {
      const dir = r.pick(KERNEL_DIRS);
      const p = path.posix.join('rust/kernel', dir, `${r.pick(WORDS)}.rs`);
      kernelMods.push(add(p, grow(r, fileHeader(r, `Kernel ${r.pick(WORDS)} abstractions`) + uses(r), target, libraryChunk)));
    } else if (kind === 'sample') {
      const name = `rust_${r.pick(WORDS)}_${r.pick(WORDS)}`;
      const head = fileHeader(r, `Rust sample ${name}`) + featureGates(r, [...ALLOWED, ...FEATURES.kernel], r.int(0, 2)) + uses(r) + moduleDecl(r, name);
      add(`samples/rust/${name}.rs`, grow(r, head, target, driverChunk));
    } else {
      // A driver directory: its first file is the crate root (gates and module!), later ones plain modules.
      const dir = `drivers/${r.pick(SUBSYSTEMS)}/${r.pick(WORDS)}-${r.pick(['core', 'drv', 'rs'])}`;
      const n = drivers.get(dir) ?? 0;
      drivers.set(dir, n + 1);
      if (n === 0) {
        const name = path.posix.basename(dir);
        const pool = [...ALLOWED, ...FEATURES.kernel, ...(r.chance(0.2) ? FEATURES.odd : [])];
        const head = fileHeader(r, `Driver ${name}`) + featureGates(r, pool, r.int(1, 4)) + uses(r) + moduleDecl(r, name);
        add(`${dir}/${name.replace(/-/g, '_')}.rs`, grow(r, head, target, driverChunk));
      } else {
        add(`${dir}/${r.pick(WORDS)}.rs`, grow(r, fileHeader(r, `Driver ${r.pick(WORDS)} support`) + uses(r), target, driverChunk));
      }
    }
  }

  // The kernel crate root: every gate family, and the module list.
  // Each gate once, as a real crate root would have them; a few behind cfg_attr.
  let lib = fileHeader(r, 'The `kernel` crate') + '#![no_std]\n';
  for (const name of [...FEATURES.kernel, ...FEATURES.odd]) {
    lib += r.chance(0.2) ? `#![cfg_attr(${r.pick(FEATURES.cfg)}, feature(${name}))]\n` : `#![feature(${name})]\n`;
  }
  lib += '\n';
  for (const m of kernelMods) lib += `pub mod ${path.posix.basename(m, '.rs')};\n`;
  add('rust/kernel/lib.rs', lib);

  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes the corpus under `dir`, replacing an earlier corpus there. */
export function writeCorpus(dir, files) {
  if (existsSync(dir) && readdirSync(dir).length) {
    if (!existsSync(path.join(dir, 'rust', 'kernel'))) throw new Error(`${dir} is not empty and not a corpus; refusing to overwrite`);
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of files) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
}

function parseCli(argv) {
  const opts = { sizeMB: 5, seed: 1, largestLines: 5000, out: 'rfl-corpus' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--size') opts.sizeMB = Number(value());
    else if (flag === '--seed') opts.seed = Number(value());
    else if (flag === '--largest-lines') opts.largestLines = Number(value());
    else if (flag === '--out') opts.out = value();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!(opts.sizeMB > 0) || !Number.isInteger(opts.seed) || !(opts.largestLines > 0)) throw new Error('--size, --seed and --largest-lines need positive numbers (--seed an integer)');
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseCli(process.argv.slice(2));
    const files = generateCorpus(opts);
    writeCorpus(opts.out, files);
    const rs = files.filter((f) => f.path.endsWith('.rs'));
    const bytes = rs.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
    const largest = rs.reduce((a, b) => (lineCount(b.text) > lineCount(a.text) ? b : a));
    console.log(`${opts.out}: ${rs.length} .rs files, ${(bytes / 1e6).toFixed(2)} MB, largest ${largest.path} (${lineCount(largest.text)} lines)`);
  } catch (e) {
    console.error(`gen-corpus: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
