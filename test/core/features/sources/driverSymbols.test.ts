import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readDriverCandidates, symbolTableStrings } from '../../../../src/core/features/sources/driverSymbols';

/** A tiny ELF64 image: .rela.dyn relocations point into .rodata from (ptr, len) pairs in .data.rel.ro. */
function tinyElf(strings: string[]): Buffer {
  const rodata = Buffer.from(strings.join(''));
  const rodataAddr = 0x1000;
  const relroAddr = 0x2000;
  const relro = Buffer.alloc(strings.length * 16);
  const rela = Buffer.alloc(strings.length * 24);
  let at = 0;
  strings.forEach((s, i) => {
    relro.writeBigUInt64LE(BigInt(s.length), i * 16 + 8);
    rela.writeBigUInt64LE(BigInt(relroAddr + i * 16), i * 24);
    rela.writeUInt32LE(8, i * 24 + 8);
    rela.writeBigInt64LE(BigInt(rodataAddr + at), i * 24 + 16);
    at += s.length;
  });
  const shstr = Buffer.from('\0.rela.dyn\0.rodata\0.data.rel.ro\0.shstrtab\0');
  const header = 64;
  const offs = { rela: header, rodata: header + rela.length, relro: header + rela.length + rodata.length };
  const shstrOff = offs.relro + relro.length;
  const shoff = shstrOff + shstr.length;
  const sections = [
    [0, 0, 0, 0, 0],
    [1, 4, 0, offs.rela, rela.length],
    [11, 1, rodataAddr, offs.rodata, rodata.length],
    [19, 1, relroAddr, offs.relro, relro.length],
    [32, 3, 0, shstrOff, shstr.length],
  ];
  const sh = Buffer.alloc(sections.length * 64);
  sections.forEach(([name, type, addr, off, size], i) => {
    sh.writeUInt32LE(name!, i * 64);
    sh.writeUInt32LE(type!, i * 64 + 4);
    sh.writeBigUInt64LE(BigInt(addr!), i * 64 + 16);
    sh.writeBigUInt64LE(BigInt(off!), i * 64 + 24);
    sh.writeBigUInt64LE(BigInt(size!), i * 64 + 32);
  });
  const h = Buffer.alloc(header);
  h.writeUInt32BE(0x7f454c46, 0);
  h[4] = 2;
  h[5] = 1;
  h.writeBigUInt64LE(BigInt(shoff), 0x28);
  h.writeUInt16LE(64, 0x3a);
  h.writeUInt16LE(sections.length, 0x3c);
  h.writeUInt16LE(4, 0x3e);
  return Buffer.concat([h, rela, rodata, relro, shstr, sh]);
}

describe('features/sources/driverSymbols', () => {
  it('splits the concatenated symbol strings using the (pointer, length) table', () => {
    const found = symbolTableStrings(tinyElf(['asm_const', 'asm_goto', 'box_patterns', 'x']));
    assert.deepEqual([...found].sort(), ['asm_const', 'asm_goto', 'box_patterns', 'x']);
  });

  it('ignores runs shorter than three pairs and non-identifiers', () => {
    assert.deepEqual([...symbolTableStrings(tinyElf(['only', 'two']))], []);
    assert.deepEqual([...symbolTableStrings(tinyElf(['a b', 'c-d', '{{root}}']))], []);
    assert.throws(() => symbolTableStrings(Buffer.from('not an elf file at all, really not')), /not a 64-bit little-endian ELF file/);
  });

  it('finds language feature names in the installed compiler', async function () {
    let sysroot: string;
    try {
      sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    } catch {
      console.log('      skipped: rustc is not installed');
      this.skip();
    }
    this.timeout(60_000);
    const names = await readDriverCandidates(sysroot);
    for (const n of ['asm_const', 'box_syntax', 'lint_reasons', 'arbitrary_self_types', 'custom_attribute']) assert.ok(names.has(n), n);
  });
});
