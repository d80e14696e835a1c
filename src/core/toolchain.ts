/**
 * The one module in src/core that runs programs. Everything here uses execFile with argument
 * arrays (never a shell), a timeout, and private temporary directories that are removed
 * afterwards, so a workspace setting can name a rustc but never inject a command.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RustcInfo {
  /** What was run (as given, or "rustc" from PATH). */
  readonly path: string;
  /** "1.95.0" */
  readonly version: string;
  /** The whole `rustc --version` line. */
  readonly versionLine: string;
  readonly sysroot: string;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly cwd?: string;
  /** Extra environment on top of the current one. */
  readonly env?: Readonly<Record<string, string>>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Unknown-feature diagnostics of a large probe batch run to megabytes. */
const MAX_BUFFER = 512 * 1024 * 1024;

/** Runs `program args...` without a shell; a non-zero exit is a result, a spawn failure or timeout throws. */
export function runProgram(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      [...args],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: MAX_BUFFER,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
          if (typeof e.code === 'number' && !e.killed) {
            resolve({ code: e.code, stdout, stderr });
            return;
          }
          const why = e.killed ? `timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` : e.message;
          reject(new Error(`${program}: ${why}`));
          return;
        }
        resolve({ code: 0, stdout, stderr });
      },
    );
  });
}

/** Parses the version out of `rustc --version` ("rustc 1.95.0 (59807616e 2026-04-14)", also nightly lines). */
export function parseRustcVersionLine(line: string): string | undefined {
  return /^rustc (\d+\.\d+\.\d+)/.exec(line.trim())?.[1];
}

/** Asks a rustc for its version and sysroot. Throws with a readable message when it cannot be run. */
export async function probeRustc(rustc = 'rustc', timeoutMs = 20_000): Promise<RustcInfo> {
  const v = await runProgram(rustc, ['--version'], { timeoutMs });
  const versionLine = v.stdout.trim();
  const version = parseRustcVersionLine(versionLine);
  if (v.code !== 0 || !version) throw new Error(`${rustc} --version did not print a rustc version (${(v.stderr || versionLine).trim()})`);
  const s = await runProgram(rustc, ['--print', 'sysroot'], { timeoutMs });
  if (s.code !== 0) throw new Error(`${rustc} --print sysroot failed: ${s.stderr.trim()}`);
  return { path: rustc, version, versionLine, sysroot: s.stdout.trim() };
}

/** Runs `fn` with a fresh private directory that is removed afterwards, whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rfl-lens-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface FeatureProbeResult {
  /** The probe source that was compiled (spans in the diagnostics point into it). */
  readonly source: string;
  /** rustc's `--error-format=json` output, one diagnostic per line. */
  readonly diagnostics: string;
  /** `-Zmetrics-dir` feature-usage JSON; only written when the compilation succeeded. */
  readonly metrics?: string;
  readonly code: number;
}

/** The probe file: one name per line keeps each diagnostic's quoted source line short. */
export function featureProbeSource(names: readonly string[]): string {
  return `#![feature(\n${names.join(',\n')}\n)]\n`;
}

/**
 * Compiles a crate that only enables `names`, with RUSTC_BOOTSTRAP=1 so a stable toolchain
 * accepts `#![feature]`, and returns rustc's JSON diagnostics and feature-usage metrics.
 */
export async function probeFeatures(rustc: string, names: readonly string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<FeatureProbeResult> {
  return withTempDir(async (dir) => {
    const source = featureProbeSource(names);
    const file = path.join(dir, 'probe.rs');
    const metricsDir = path.join(dir, 'metrics');
    await writeFile(file, source);
    await mkdir(metricsDir);
    const r = await runProgram(
      rustc,
      ['--crate-type', 'lib', '--crate-name', 'probe', '--emit=metadata', '-o', path.join(dir, 'probe.rmeta'), '--error-format=json', `-Zmetrics-dir=${metricsDir}`, file],
      { timeoutMs, cwd: dir, env: { RUSTC_BOOTSTRAP: '1' } },
    );
    let metrics: string | undefined;
    try {
      const files = (await readdir(metricsDir)).filter((f) => f.endsWith('.json'));
      if (files.length === 1) metrics = await readFile(path.join(metricsDir, files[0]!), 'utf8');
    } catch {
      // No metrics directory: rustc stopped on an error before writing it.
    }
    return { source, diagnostics: r.stderr, metrics, code: r.code };
  });
}
