import assert from 'node:assert/strict';
import { featureListAt } from '../../src/server/featureListAt';

/** featureListAt at the `|` in `src` (the bar is removed). */
function at(src: string): (NonNullable<ReturnType<typeof featureListAt>> & { text: string }) | null {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const r = featureListAt(text, offset);
  return r && { ...r, text };
}

describe('featureListAt', () => {
  it('finds the partial name and the names already listed', () => {
    const r = at('// é😀\n#![feature(let_chains, ptr_m|eta)]\nfn main() {}\n');
    assert.ok(r);
    assert.equal(r.text.slice(r.word.start, r.word.end), 'ptr_meta');
    assert.deepEqual([...r.present], ['let_chains']);
  });

  it('works in an unclosed list, an empty list and inside cfg_attr', () => {
    const open = at('#![feature(|');
    assert.ok(open);
    assert.deepEqual(open.word, { start: 11, end: 11 });
    assert.ok(at('#![feature()|]') === null, 'after the closing parenthesis');
    const empty = at('#![feature(|)]');
    assert.ok(empty);
    assert.equal(empty.present.size, 0);
    const cfg = at('#![cfg_attr(not(CONFIG_X), feature(asm_g|))]');
    assert.ok(cfg);
    assert.equal(cfg.text.slice(cfg.word.start, cfg.word.end), 'asm_g');
  });

  it('is null outside a feature list', () => {
    assert.equal(at('#![cfg_attr(not(|), feature(x))]'), null, 'inside not(...)');
    assert.equal(at('#![allow(dead_|code)]'), null, 'another attribute');
    assert.equal(at('// #![feature(|'), null, 'a comment');
    assert.equal(at('#![feature(a)]\nfn main() { feature(|) }'), null, 'a call named feature');
    assert.equal(at('fn main() {}|'), null, 'no attribute at all');
  });
});
