import assert from 'node:assert/strict';
import { extractGates } from '../../../src/core/features/gates';
import type { Gate } from '../../../src/core/features/types';
import { loadRustParser, type RustParser } from '../../../src/core/parser';

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function gatesOf(text: string): Gate[] {
  const tree = parser.parse(text);
  try {
    return extractGates(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The source text a span covers. */
const at = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

describe('features/gates', () => {
  it('finds each name of a plain gate with exact spans', () => {
    const text = '#![feature(allocator_api, asm_goto)]\n';
    const gates = gatesOf(text);
    assert.deepEqual(gates, [
      { name: 'allocator_api', span: { start: 11, end: 24 }, attribute: { start: 0, end: 36 }, featureList: { start: 3, end: 35 }, siblings: 2, index: 0, cfg: [] },
      { name: 'asm_goto', span: { start: 26, end: 34 }, attribute: { start: 0, end: 36 }, featureList: { start: 3, end: 35 }, siblings: 2, index: 1, cfg: [] },
    ]);
  });

  it('counts spans in UTF-16 after multi-byte text', () => {
    const text = '//! 驱动 — driver 😀\n#![feature(raw_ref_op)]\n';
    const [g] = gatesOf(text);
    assert.equal(g!.span.start, 30);
    assert.equal(at(text, g!.span), 'raw_ref_op');
    assert.equal(at(text, g!.attribute), '#![feature(raw_ref_op)]');
  });

  it('takes several gates per file, over several lines with comments between', () => {
    const text = [
      '// SPDX-License-Identifier: GPL-2.0',
      '#![no_std]',
      '#![feature(',
      '    // Stable since 1.82.',
      '    asm_const, /* needed for x86 */',
      '    lint_reasons,',
      ')]',
      '#![feature(used_with_arg)]',
      'fn f() {}',
      '',
    ].join('\n');
    const gates = gatesOf(text);
    assert.deepEqual(gates.map((g) => [g.name, g.index, g.siblings, at(text, g.span)]), [
      ['asm_const', 0, 2, 'asm_const'],
      ['lint_reasons', 1, 2, 'lint_reasons'],
      ['used_with_arg', 0, 1, 'used_with_arg'],
    ]);
    assert.equal(at(text, gates[0]!.featureList), 'feature(\n    // Stable since 1.82.\n    asm_const, /* needed for x86 */\n    lint_reasons,\n)');
  });

  it('reads cfg_attr gates with their predicates, nested and with several attributes', () => {
    const text = [
      '#![cfg_attr(not(CONFIG_RUSTC_HAS_COERCE_POINTEE), feature(coerce_unsized, unsize))]',
      '#![cfg_attr(CONFIG_X, feature(a), feature(b))]',
      '#![cfg_attr(all(CONFIG_A, target_arch = "x86_64"), cfg_attr(CONFIG_B, feature(c)))]',
      '#![cfg_attr(CONFIG_Y, allow(dead_code), cfg_attr(CONFIG_Z, feature(d)))]',
      '',
    ].join('\n');
    const gates = gatesOf(text);
    assert.deepEqual(gates.map((g) => [g.name, g.cfg, g.siblings, g.listRemoval && at(text, g.listRemoval)]), [
      ['coerce_unsized', ['not(CONFIG_RUSTC_HAS_COERCE_POINTEE)'], 2, undefined],
      ['unsize', ['not(CONFIG_RUSTC_HAS_COERCE_POINTEE)'], 2, undefined],
      ['a', ['CONFIG_X'], 1, 'feature(a), '],
      ['b', ['CONFIG_X'], 1, ', feature(b)'],
      ['c', ['all(CONFIG_A, target_arch = "x86_64")', 'CONFIG_B'], 1, undefined],
      ['d', ['CONFIG_Y', 'CONFIG_Z'], 1, ', cfg_attr(CONFIG_Z, feature(d))'],
    ]);
    assert.equal(at(text, gates[2]!.featureList), 'feature(a)');
    assert.equal(at(text, gates[4]!.span), 'c');
  });

  it('ignores other attributes, outer attributes and non-name items', () => {
    const text = [
      '#![allow(unused)]',
      '#![doc = "feature(x)"]',
      '#[feature(not_inner)]',
      'fn f() {}',
      '#![feature = "weird"]',
      '#![feature(ok, "str", a::b, trailing,)]',
      '',
    ].join('\n');
    assert.deepEqual(gatesOf(text).map((g) => [g.name, g.index, g.siblings]), [
      ['ok', 0, 2],
      ['trailing', 1, 2],
    ]);
  });

  it('survives broken code around the gates', () => {
    const text = '#![feature(asm_goto)]\nfn broken( {\n';
    assert.deepEqual(gatesOf(text).map((g) => g.name), ['asm_goto']);
    assert.deepEqual(gatesOf('#![feature(\n'), []);
  });

  it('finds gates whose `#` and `!` are apart (blanks of any kind, comments), and not `#` of doc headings', () => {
    const text = [
      '/// # Safety',
      '//! # Examples',
      '#\t\u3000 ![feature(wide_blanks)]',
      '# /* why */ ![feature(commented)]',
      '#\n![feature(next_line)]',
      'fn f() {}',
      '',
    ].join('\n');
    assert.deepEqual(gatesOf(text).map((g) => g.name), ['wide_blanks', 'commented', 'next_line']);
  });
});
