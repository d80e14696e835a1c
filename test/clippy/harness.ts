/**
 * The differential harness: runs clippy-driver on a crate root with the four SAFETY lints and
 * compares its (file, line, rule) set with checkSafety's on every file clippy compiled.
 * Shared by the corpus test, the third-party test and scripts/clippy-diff.mjs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { checkSafety } from '../../src/core/safety/check';
import { collectUnsafeSites } from '../../src/core/safety/inventory';
import type { SafetyOptions } from '../../src/core/safety/types';

export const LINT_TO_CODE: Record<string, string> = {
  'clippy::undocumented_unsafe_blocks': 'missing-safety-comment',
  'clippy::missing_safety_doc': 'missing-safety-doc',
  'clippy::unnecessary_safety_comment': 'unnecessary-safety-comment',
  'clippy::unnecessary_safety_doc': 'unnecessary-safety-doc',
};
export const RULES = Object.values(LINT_TO_CODE);

/** One finding as both tools are compared: file relative to the crate dir, 1-based line. */
export type Key = string;
export const key = (file: string, line: number, code: string): Key => `${file}:${line}:${code}`;

export interface CrateSpec {
  /** Crate root file (lib.rs or a standalone corpus file). */
  readonly root: string;
  /** Directory file names are reported relative to. */
  readonly dir: string;
  readonly edition: string;
  /** `--cfg` values, e.g. `feature="std"`. */
  readonly cfg?: readonly string[];
  readonly crateName?: string;
}

export function clippyAvailable(): boolean {
  return spawnSync('clippy-driver', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The cfg set rustc uses for the host, plus what clippy-driver and the spec add. */
export function activeCfg(spec: CrateSpec): Set<string> {
  const out = execFileSync('rustc', ['--print', 'cfg'], { encoding: 'utf8' });
  const set = new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
  set.add('clippy');
  set.add('debug_assertions');
  for (const c of spec.cfg ?? []) set.add(c);
  return set;
}

export interface ClippyRun {
  readonly findings: Set<Key>;
  /** Source files (relative to spec.dir) the compiler read. */
  readonly files: string[];
  readonly errors: string[];
}

export function runClippy(spec: CrateSpec): ClippyRun {
  const tmp = mkdtempSync(path.join(tmpdir(), 'rfl-clippy-'));
  try {
    const conf = path.join(tmp, 'conf');
    mkdirSync(conf);
    writeFileSync(path.join(conf, 'clippy.toml'), 'check-private-items = true\n');
    const dep = path.join(tmp, 'deps.d');
    const args = [
      '--edition', spec.edition, '--crate-type', 'lib', '--crate-name', spec.crateName ?? 'corpus',
      '--emit', `metadata=${path.join(tmp, 'out.rmeta')},dep-info=${dep}`,
      '-A', 'clippy::all',
      '-W', 'clippy::undocumented_unsafe_blocks', '-W', 'clippy::missing_safety_doc',
      '-W', 'clippy::unnecessary_safety_comment', '-W', 'clippy::unnecessary_safety_doc',
      '--cap-lints', 'warn', '--error-format=json',
      ...(spec.cfg ?? []).flatMap((c) => ['--cfg', c]),
      spec.root,
    ];
    const r = spawnSync('clippy-driver', args, { encoding: 'utf8', env: { ...process.env, CLIPPY_CONF_DIR: conf }, maxBuffer: 256 * 1024 * 1024 });
    const findings = new Set<Key>();
    const errors: string[] = [];
    for (const line of r.stderr.split('\n')) {
      if (!line.startsWith('{')) continue;
      const d = JSON.parse(line) as { code?: { code: string }; level: string; message: string; spans: { is_primary: boolean; file_name: string; line_start: number; expansion?: unknown }[] };
      if (d.level === 'error') errors.push(d.message);
      const code = d.code && LINT_TO_CODE[d.code.code];
      if (!code) continue;
      const span = d.spans.find((s) => s.is_primary);
      if (!span) continue;
      findings.add(key(path.relative(spec.dir, path.resolve(span.file_name)), span.line_start, code));
    }
    let files: string[] = [];
    try {
      const first = readFileSync(dep, 'utf8').split('\n')[0] ?? '';
      files = first.slice(first.indexOf(':') + 1).trim().split(/(?<!\\)\s+/).filter((f) => f.endsWith('.rs')).map((f) => path.relative(spec.dir, path.resolve(f.replace(/\\ /g, ' '))));
    } catch {
      files = [path.relative(spec.dir, spec.root)];
    }
    return { findings, files, errors };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runOurs(spec: CrateSpec, files: readonly string[], withCfg = true): Promise<Set<Key>> {
  const parser = await loadRustParser();
  const options: SafetyOptions = {
    acceptCommentAboveStatement: true,
    acceptCommentAboveAttributes: true,
    checkPrivateItems: true,
    ...(withCfg ? { activeCfg: activeCfg(spec) } : {}),
  };
  const out = new Set<Key>();
  const root = path.relative(spec.dir, spec.root);
  for (const rel of files) {
    const doc = new ParsedDocument(parser, readFileSync(path.join(spec.dir, rel), 'utf8'));
    try {
      for (const f of checkSafety(doc, collectUnsafeSites(doc), { ...options, crateRoot: rel === root })) {
        if (RULES.includes(f.code)) out.add(key(rel, doc.lines.rustcPositionAt(f.span.start).line, f.code));
      }
    } finally {
      doc.dispose();
    }
  }
  return out;
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function score(expected: Set<Key>, actual: Set<Key>): Record<string, RuleScore> {
  const res: Record<string, RuleScore> = {};
  for (const rule of RULES) {
    const e = [...expected].filter((k) => k.endsWith(`:${rule}`));
    const a = [...actual].filter((k) => k.endsWith(`:${rule}`));
    const tp = a.filter((k) => expected.has(k)).length;
    const fp = a.length - tp;
    const fn = e.length - tp;
    res[rule] = { tp, fp, fn, precision: a.length ? tp / a.length : 1, recall: e.length ? tp / e.length : 1 };
  }
  return res;
}

export function diff(expected: Set<Key>, actual: Set<Key>): { missing: Key[]; extra: Key[] } {
  return { missing: [...expected].filter((k) => !actual.has(k)).sort(), extra: [...actual].filter((k) => !expected.has(k)).sort() };
}

/** A golden: one `line:code` per finding of a standalone file, sorted. */
export function goldenText(findings: Set<Key>): string {
  const rows = [...findings].map((k) => k.split(':')).map(([, line, code]) => `${line}:${code}`);
  rows.sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
  return rows.join('\n') + (rows.length ? '\n' : '');
}

/** Reads a golden back into keys for `file`. */
export function parseGolden(file: string, text: string): Set<Key> {
  return new Set(text.split('\n').filter(Boolean).map((row) => `${file}:${row}`));
}

/**
 * A copy of a crate with SAFETY comments and `# Safety` sections seeded above every `step`-th
 * `let` statement and function, so the "unnecessary" rules meet many cases in real code.
 */
export function seededCopy(dir: string, step: number): string {
  const out = mkdtempSync(path.join(tmpdir(), 'rfl-seeded-'));
  const copy = (from: string, to: string): void => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) copy(src, dst);
      else if (entry.name.endsWith('.rs')) writeFileSync(dst, seed(readFileSync(src, 'utf8'), step));
    }
  };
  copy(path.join(dir, 'src'), path.join(out, 'src'));
  return out;
}

function seed(text: string, step: number): string {
  let n = 0;
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      const t = line.trim();
      if (/^let\s/.test(t) && n++ % step === 0) return `${indent}// SAFETY: seeded.\n${line}`;
      if (/^(pub(\([^)]*\))?\s+)?(const\s+)?fn\s/.test(t) && n++ % step === 0) return `${indent}/// # Safety\n${indent}///\n${indent}/// Seeded.\n${line}`;
      return line;
    })
    .join('\n');
}
