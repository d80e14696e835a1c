import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kernelNotesPath } from '../../../src/core/assets';
import { loadDatabase } from '../../../src/core/features/database';
import { parseKernelNotes } from '../../../src/core/features/kernelNotes';

describe('features/kernelNotes', () => {
  it('parses notes and flags bad keys with their lines', () => {
    const text = '[asm_goto]\nallowed = true\nexpectation = "stable since Rust 1.87.0"\n\n[unsize]\nallowd = true\nlinks = "x"\n';
    const { notes, problems } = parseKernelNotes(text, 'kernel-notes.toml');
    assert.deepEqual(notes.get('asm_goto'), { allowed: true, expectation: 'stable since Rust 1.87.0' });
    assert.deepEqual(problems, [
      'kernel-notes.toml:6: unsize.allowd: unknown key (expected one of allowed, note, expectation, dropped_in, links)',
      'kernel-notes.toml:7: unsize.links: expected an array of strings, got "x"',
    ]);
    assert.match(parseKernelNotes('[x', 'k.toml').problems[0]!, /^k\.toml: not valid TOML/);
  });

  it('the shipped notes are valid and merged into the bundled database', () => {
    const { notes, problems } = parseKernelNotes(readFileSync(kernelNotesPath(), 'utf8'), 'kernel-notes.toml');
    assert.deepEqual(problems, []);
    const allowed = [...notes].filter(([, n]) => n.allowed).map(([name]) => name).sort();
    assert.deepEqual(allowed, ['arbitrary_self_types', 'asm_const', 'asm_goto', 'lint_reasons', 'offset_of_nested', 'raw_ref_op', 'slice_ptr_len', 'used_with_arg']);
    const db = loadDatabase().db;
    for (const [name, note] of notes) assert.deepEqual(db.get(name)?.kernel, note, name);
  });
});
