/**
 * Where the words the SAFETY analysis starts from occur in a text: `unsafe`, `extern`,
 * `macro_rules`, "safety" and the `SAFETY:` marker. Each is found once per text and shared by
 * the inventory and the rules, which used to scan the whole text with a regex each. Whole words
 * are found with `indexOf` and a look at the characters around (several times faster than a
 * `\b...\b` regex); "safety" is found in any ASCII case, and the marker is a "safety" followed by
 * a colon (the word cannot overlap itself, so these are exactly the matches of `/safety:/gi`).
 */
import { Recent } from '../recent';

/** Offsets per text, for the last few texts (a document's, and its `unsafe extern` copy). */
const memo = new Recent<string, Map<string, readonly number[]>>(2);

function cached(text: string, key: string, find: () => readonly number[]): readonly number[] {
  let found = memo.get(text);
  if (!found) memo.set(text, (found = new Map()));
  let offsets = found.get(key);
  if (!offsets) found.set(key, (offsets = find()));
  return offsets;
}

/** A word character as `\b` sees it (no unicode flag): ASCII letters, digits, `_`. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Offsets of `word` with no word character right before or after it: the matches of `/\bword\b/g` for a word of word characters. */
export function wordOffsets(text: string, word: string): readonly number[] {
  return cached(text, `word:${word}`, () => {
    const out: number[] = [];
    // As the regex: on from the end of a match, or from the next character after a miss.
    for (let at = text.indexOf(word); at >= 0; ) {
      const after = at + word.length;
      const whole = !(at > 0 && isWordChar(text.charCodeAt(at - 1))) && !(after < text.length && isWordChar(text.charCodeAt(after)));
      if (whole) out.push(at);
      at = text.indexOf(word, whole ? after : at + 1);
    }
    return out;
  });
}

/** Offsets of "safety" in any ASCII case: the matches of `/safety/gi`. */
export function safetyOffsets(text: string): readonly number[] {
  return cached(text, 'safety', () => Array.from(text.matchAll(/safety/gi), (m) => m.index));
}

/** Offsets of the `SAFETY:` marker in any ASCII case: the matches of `/safety:/gi`. */
export function markerOffsets(text: string): readonly number[] {
  return cached(text, 'marker', () => safetyOffsets(text).filter((at) => text.charCodeAt(at + 6) === 58));
}
