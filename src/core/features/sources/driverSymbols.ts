/**
 * Candidate names from the compiler itself (lib/librustc_driver-*.so): rustc pre-interns every
 * symbol it names in its own code, language feature gates included, as a static table of
 * `&str` (pointer, length) pairs. In the shared library each pointer is a relative relocation,
 * so the table is found by walking .data.rel.ro for runs of (relocated pointer, small length)
 * pairs whose bytes are identifiers. The strings themselves are concatenated without separators,
 * which is why the table, not a strings scan, gives the boundaries.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

interface Section {
  readonly name: string;
  readonly type: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
}

const SHT_NOBITS = 8;
const R_X86_64_RELATIVE = 8;
const R_AARCH64_RELATIVE = 1027;
/** Shorter runs are unrelated pointer tables that happen to hold a few names. */
const MIN_RUN = 3;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function sections(b: Buffer): Section[] {
  if (b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const shstrndx = b.readUInt16LE(0x3e);
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    raw.push({
      nameOff: b.readUInt32LE(o),
      type: b.readUInt32LE(o + 4),
      addr: Number(b.readBigUInt64LE(o + 16)),
      offset: Number(b.readBigUInt64LE(o + 24)),
      size: Number(b.readBigUInt64LE(o + 32)),
    });
  }
  const strtab = raw[shstrndx]!;
  return raw.map((s) => {
    const start = strtab.offset + s.nameOff;
    const name = b.toString('latin1', start, b.indexOf(0, start));
    return { name, type: s.type, addr: s.addr, offset: s.offset, size: s.size };
  });
}

/** Identifier strings held in (pointer, length) tables of an x86-64 or aarch64 shared library. */
export function symbolTableStrings(b: Buffer): Set<string> {
  const secs = sections(b);
  const rela = secs.find((s) => s.name === '.rela.dyn');
  const relro = secs.find((s) => s.name === '.data.rel.ro');
  if (!rela || !relro) return new Set();
  const targets = new Map<number, number>();
  for (let o = rela.offset; o + 24 <= rela.offset + rela.size; o += 24) {
    const type = b.readUInt32LE(o + 8);
    if (type === R_X86_64_RELATIVE || type === R_AARCH64_RELATIVE) targets.set(Number(b.readBigUInt64LE(o)), Number(b.readBigInt64LE(o + 16)));
  }
  const loaded = secs.filter((s) => s.addr !== 0 && s.type !== SHT_NOBITS);
  const fileOffset = (addr: number): number => {
    for (const s of loaded) if (addr >= s.addr && addr < s.addr + s.size) return s.offset + (addr - s.addr);
    return -1;
  };
  const found = new Set<string>();
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= MIN_RUN) for (const s of run) found.add(s);
    run = [];
  };
  for (let addr = relro.addr; addr + 16 <= relro.addr + relro.size; addr += 8) {
    const target = targets.get(addr);
    const len = target === undefined ? 0 : Number(b.readBigUInt64LE(relro.offset + (addr - relro.addr) + 8));
    const at = len > 0 && len < 100 ? fileOffset(target!) : -1;
    const text = at >= 0 ? b.toString('latin1', at, at + len) : '';
    if (text && IDENT_RE.test(text)) {
      run.push(text);
      addr += 8; // skip the length word of this pair
    } else flush();
  }
  flush();
  return found;
}

/** Names from the toolchain's librustc_driver; empty when it is not where rustup puts it. */
export async function readDriverCandidates(sysroot: string): Promise<Set<string>> {
  const lib = path.join(sysroot, 'lib');
  if (!existsSync(lib)) return new Set();
  const names = new Set<string>();
  for (const file of (await readdir(lib)).sort()) {
    if (/^librustc_driver-.*\.so$/.test(file)) for (const s of symbolTableStrings(await readFile(path.join(lib, file)))) names.add(s);
  }
  return names;
}
