import { strict as assert } from 'node:assert';
import { createRng } from '../../../scripts/bench/rng.mjs';
import { LineIndex } from '../../../src/core/positions';
import { resolveChange } from '../../../src/core/parser';
import { markerOffsets, safetyOffsets, wordOffsets } from '../../../src/core/safety/textMatches';
import { reportTextEdit } from '../../../src/core/textLineage';

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

  describe('after an edit', () => {
    /** Every answer for `text`, each checked against the regex over the whole text. */
    function check(text: string, why: string): void {
      for (const [word, re] of [['unsafe', /\bunsafe\b/g], ['extern', /\bextern\b/g], ['macro_rules', /\bmacro_rules\b/g]] as const) {
        assert.deepEqual(wordOffsets(text, word), offsets(text, re), `${word} ${why}`);
      }
      assert.deepEqual(safetyOffsets(text), offsets(text, /safety/gi), `safety ${why}`);
      assert.deepEqual(markerOffsets(text), offsets(text, /safety:/gi), `marker ${why}`);
    }

    it("carries the previous text's offsets over edits that make, split, join and remove matches", () => {
      const r = createRng(11);
      const pieces = ['unsafe', 'extern', 'macro_rules', 'SAFETY:', 'safety', 'Safe', 'ty', ':', 'un', 'safe', '_', 'x', ' ', '\n', 'é', '😀', ''];
      for (const base of samples(300)) {
        let text = base;
        let lines = new LineIndex(text);
        check(text, JSON.stringify(text));
        for (let step = 0; step < 8; step++) {
          const start = lines.positionAt(r.int(0, text.length));
          const end = lines.positionAt(Math.min(text.length, lines.offsetAt(start) + r.pick([0, 0, 1, 2, 7])));
          const change = { range: { start, end }, text: r.pick(pieces) };
          const before = text;
          ({ text, lines } = resolveChange(text, lines, change));
          // Some versions are never asked about, as an undo's in the editor: the next still takes the offsets over.
          if (step % 3 !== 1) check(text, `${JSON.stringify(before)} ${JSON.stringify(change)}`);
        }
      }
    });

    it('carries offsets over edits at the very start and end, and finds matches the edit joins across its ends', () => {
      const cases: [string, number, number, string][] = [
        ['safe x', 0, 0, 'un'],
        ['x un', 4, 4, 'safe'],
        ['unsafe unsafe', 6, 7, ''],
        ['unsafe unsafe', 6, 7, 'x'],
        ['SAFETY: ok', 6, 7, ''],
        ['SAFETY ok', 6, 6, ':'],
        ['unsafe', 0, 6, ''],
        ['', 0, 0, 'unsafe SAFETY:'],
      ];
      for (const [before, start, oldEnd, inserted] of cases) {
        check(before, JSON.stringify(before));
        const after = before.slice(0, start) + inserted + before.slice(oldEnd);
        reportTextEdit({ before, after, start, oldEnd, newEnd: start + inserted.length });
        check(after, `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
      }
    });
  });
});
