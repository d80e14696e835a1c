import { strict as assert } from 'node:assert';
import { createRng } from '../../../scripts/bench/rng.mjs';
import { markerOffsets, safetyOffsets, wordOffsets } from '../../../src/core/safety/textMatches';

const offsets = (text: string, re: RegExp): number[] => Array.from(text.matchAll(re), (m) => m.index);

/** Texts built from pieces that put the words next to word characters, blanks, case changes and non-ASCII letters. */
function samples(count: number): string[] {
  const pieces = ['unsafe', 'Unsafe', 'unsafe_', '_unsafe', 'xunsafe', 'unsafe1', 'extern', 'externs', 'macro_rules', 'macro_rules!', 'SAFETY:', 'Safety', 'sAfEtY:', 'safety', 'ſafety:', 'é', '😀', ' ', '\n', '!', ':', '(', 'a', '9', '$'];
  const r = createRng(7);
  return Array.from({ length: count }, () => Array.from({ length: r.int(0, 30) }, () => r.pick(pieces)).join(''));
}

describe('textMatches', () => {
  it('finds whole words exactly where \\bword\\b matches', () => {
    const text = 'unsafe xunsafe unsafe_ _unsafe unsafe1 (unsafe) é_unsafe éunsafe unsafe';
    assert.deepEqual(wordOffsets(text, 'unsafe'), [0, 40, 58, 65]);
    for (const t of samples(2000)) {
      for (const [word, re] of [['unsafe', /\bunsafe\b/g], ['extern', /\bextern\b/g], ['macro_rules', /\bmacro_rules\b/g]] as const) {
        assert.deepEqual(wordOffsets(t, word), offsets(t, re), JSON.stringify(t));
      }
    }
  });

  it('finds "safety" and the marker in any ASCII case, as /safety/gi and /safety:/gi', () => {
    const text = 'SAFETY: Safety sAfEtY: ſafety: safety';
    assert.deepEqual(safetyOffsets(text), [0, 8, 15, 31]);
    assert.deepEqual(markerOffsets(text), [0, 15]);
    for (const t of samples(2000)) {
      assert.deepEqual(safetyOffsets(t), offsets(t, /safety/gi), JSON.stringify(t));
      assert.deepEqual(markerOffsets(t), offsets(t, /safety:/gi), JSON.stringify(t));
    }
  });

  it('keeps the answers of several texts apart', () => {
    const a = 'unsafe { x }';
    const b = ' unsafe { y }';
    assert.deepEqual(wordOffsets(a, 'unsafe'), [0]);
    assert.deepEqual(wordOffsets(b, 'unsafe'), [1]);
    assert.deepEqual(wordOffsets(a, 'unsafe'), [0]);
    assert.deepEqual(wordOffsets(`${a}${b}`, 'unsafe'), [0, 13]);
  });
});
