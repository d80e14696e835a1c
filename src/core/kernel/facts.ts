/**
 * Facts read from a kernel tree: the allow-list for code outside rust/ (with its comment groups),
 * the minimum rustc and clippy's msrv. Never throws: each file that is missing, unreadable or not
 * understood adds a message naming the file (and line where there is one) to `problems`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parseAllowList, type ParsedAllowList } from './makefileAllowList';
import { normalizeVersion } from '../features/version';
import { parseMinToolVersion } from './minToolVersion';
import type { KernelFacts } from './types';

/** Where trees have defined `rust_allowed_features`, most likely first. */
const ALLOW_LIST_FILES = ['scripts/Makefile.build', 'scripts/Makefile.rust', 'rust/Makefile', 'Makefile'];
const MIN_TOOL_VERSION = 'scripts/min-tool-version.sh';
const CLIPPY_FILES = ['.clippy.toml', 'clippy.toml'];

type Read = { text: string } | { error: string };

function read(root: string, rel: string): Read {
  try {
    return { text: readFileSync(path.join(root, rel), 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'not found' : `cannot read (${code ?? (e instanceof Error ? e.message : String(e))})` };
  }
}

function readAllowList(root: string, problems: string[]): { parsed: ParsedAllowList; file: string } | undefined {
  for (const rel of ALLOW_LIST_FILES) {
    const r = read(root, rel);
    if ('error' in r) {
      if (rel === ALLOW_LIST_FILES[0]) problems.push(`${rel}: ${r.error}`);
      continue;
    }
    const parsed = parseAllowList(r.text, rel);
    if (parsed) {
      problems.push(...parsed.problems);
      return { parsed, file: rel };
    }
  }
  problems.push(`no rust_allowed_features found in ${ALLOW_LIST_FILES.join(', ')}`);
  return undefined;
}

function readMinRustc(root: string, problems: string[]): string | undefined {
  const r = read(root, MIN_TOOL_VERSION);
  if ('error' in r) {
    problems.push(`${MIN_TOOL_VERSION}: ${r.error}`);
    return undefined;
  }
  const m = parseMinToolVersion(r.text, MIN_TOOL_VERSION);
  if (m.problem) problems.push(m.problem);
  return m.version;
}

/** `msrv` from the tree's clippy configuration; a tree without one is fine. */
function readMsrv(root: string, problems: string[]): string | undefined {
  for (const rel of CLIPPY_FILES) {
    const r = read(root, rel);
    if ('error' in r) {
      if (r.error !== 'not found') problems.push(`${rel}: ${r.error}`);
      continue;
    }
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(r.text) as Record<string, unknown>;
    } catch (e) {
      const where = e instanceof TomlError ? `:${e.line}` : '';
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      problems.push(`${rel}${where}: not valid TOML (${msg})`);
      return undefined;
    }
    const msrv = doc.msrv ?? doc['minimum-supported-rust-version'];
    if (msrv === undefined) return undefined;
    const version = typeof msrv === 'string' ? normalizeVersion(msrv) : undefined;
    if (version) return version;
    const line = r.text.split(/\r?\n/).findIndex((l) => /^\s*(msrv|minimum-supported-rust-version)\s*=/.test(l)) + 1;
    problems.push(`${rel}:${line}: msrv ${JSON.stringify(msrv)} is not a version like "1.78.0"`);
    return undefined;
  }
  return undefined;
}

/** Everything RFL Lens needs to know about the kernel tree at `root`. */
export function readKernelFacts(root: string): KernelFacts {
  const abs = path.resolve(root);
  const problems: string[] = [];
  const allow = readAllowList(abs, problems);
  const minRustc = readMinRustc(abs, problems);
  const msrv = readMsrv(abs, problems);
  return {
    root: abs,
    ...(allow && {
      allowList: allow.parsed.features,
      allowListSource: `${allow.file}:${allow.parsed.line}`,
      allowListEnabledByKbuild: allow.parsed.enabledByKbuild,
    }),
    ...(minRustc && { minRustc }),
    ...(msrv && { msrv }),
    problems,
  };
}
