import assert from 'node:assert/strict';
import { closestName, editDistance } from '../../../src/core/features/suggest';

describe('features/suggest', () => {
  it('computes edit distance, stopping early past the limit', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('suggests the closest name within a third of the length', () => {
    const names = ['allocator_api', 'asm_goto', 'asm_const', 'raw_ref_op'];
    assert.equal(closestName('allocatr_api', names), 'allocator_api');
    assert.equal(closestName('raw_ref_ops', names), 'raw_ref_op');
    assert.equal(closestName('totally_different', names), undefined);
    // Never the name itself; asm_const is 4 edits away, over the limit of 2.
    assert.equal(closestName('asm_goto', names), undefined);
    assert.equal(closestName('asm_got', names), 'asm_goto');
  });

  it('breaks ties by name', () => {
    assert.equal(closestName('abc', ['abd', 'abb']), 'abb');
  });
});
