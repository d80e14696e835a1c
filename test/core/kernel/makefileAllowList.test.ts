import assert from 'node:assert/strict';
import { commentGroups, logicalLines, parseAllowList } from '../../../src/core/kernel/makefileAllowList';

describe('kernel/makefileAllowList', () => {
  it('joins backslash-continued lines and keeps the first line number', () => {
    const lines = logicalLines('a := x,\\\n\ty\nb := z\n');
    assert.deepEqual(lines.slice(0, 2), [
      { text: 'a := x, y', line: 1 },
      { text: 'b := z', line: 3 },
    ]);
  });

  it('reads the v6.13+ format: bullet groups, continued bullets, one list line', () => {
    const text = [
      '# The features in this list are the ones allowed for non-`rust/` code.',
      '#',
      '#   - Stable since Rust 1.82.0: `feature(asm_const)`,',
      '#     `feature(offset_of_nested)`, `feature(raw_ref_op)`.',
      '#   - Stable since Rust 1.87.0: `feature(asm_goto)`.',
      '#   - Expected to become stable: `feature(arbitrary_self_types)`.',
      '#   - To be determined: `feature(used_with_arg)`.',
      '#',
      '# Please see https://github.com/Rust-for-Linux/linux/issues/2 for details on',
      '# the unstable features in use.',
      'rust_allowed_features := asm_const,asm_goto,arbitrary_self_types,offset_of_nested,raw_ref_op,used_with_arg',
      '',
      'rust_common_cmd = \\',
      "\t-Zallow-features=$(rust_allowed_features) \\",
      "\t-Zcrate-attr='feature($(rust_allowed_features))' \\",
      '\t--crate-type rlib',
    ].join('\n');
    const parsed = parseAllowList(text, 'scripts/Makefile.build');
    assert.ok(parsed);
    assert.equal(parsed.line, 11);
    assert.equal(parsed.enabledByKbuild, true);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.features, [
      { name: 'asm_const', group: 'Stable since Rust 1.82.0' },
      { name: 'asm_goto', group: 'Stable since Rust 1.87.0' },
      { name: 'arbitrary_self_types', group: 'Expected to become stable' },
      { name: 'offset_of_nested', group: 'Stable since Rust 1.82.0' },
      { name: 'raw_ref_op', group: 'Stable since Rust 1.82.0' },
      { name: 'used_with_arg', group: 'To be determined' },
    ]);
  });

  it('handles continuations, += with its own comment, ?= and duplicates', () => {
    const text = [
      'rust_allowed_features := core_ffi_c,\\',
      '\tnew_uninit',
      '# Expected to become stable:',
      'rust_allowed_features += lint_reasons new_uninit',
      'rust_allowed_features ?= ignored_because_already_set',
    ].join('\n');
    const parsed = parseAllowList(text, 'Makefile');
    assert.ok(parsed);
    assert.equal(parsed.line, 1);
    assert.equal(parsed.enabledByKbuild, false);
    assert.deepEqual(parsed.features, [
      { name: 'core_ffi_c' },
      { name: 'new_uninit' },
      { name: 'lint_reasons', group: 'Expected to become stable' },
    ]);
  });

  it('a later := replaces the list and moves the line', () => {
    const parsed = parseAllowList('rust_allowed_features := a\n\nrust_allowed_features := b,c # trailing comment\n', 'M');
    assert.ok(parsed);
    assert.deepEqual(parsed.features.map((f) => f.name), ['b', 'c']);
    assert.equal(parsed.line, 3);
  });

  it('reports what it cannot expand or read, with file and line, and keeps the rest', () => {
    const parsed = parseAllowList('\nrust_allowed_features := asm_goto,$(extra_features),9bad\n', 'scripts/Makefile.build');
    assert.ok(parsed);
    assert.deepEqual(parsed.features, [{ name: 'asm_goto' }]);
    assert.deepEqual(parsed.problems, [
      'scripts/Makefile.build:2: cannot expand `$(extra_features)` in rust_allowed_features; that part of the allow-list is ignored',
      'scripts/Makefile.build:2: `9bad` in rust_allowed_features is not a feature name',
    ]);
  });

  it('returns undefined for a Makefile without the variable', () => {
    assert.equal(parseAllowList('obj-y += foo.o\n# rust_allowed_features := in a comment\n', 'M'), undefined);
  });

  it('groups bare names and multi-name feature() quotes', () => {
    const groups = commentGroups(['   - Stable since Rust 1.79.0: `feature(inline_const, slice_ptr_len)`, `lint_reasons`.'], false);
    assert.deepEqual([...groups], [
      ['inline_const', 'Stable since Rust 1.79.0'],
      ['slice_ptr_len', 'Stable since Rust 1.79.0'],
      ['lint_reasons', 'Stable since Rust 1.79.0'],
    ]);
  });
});
