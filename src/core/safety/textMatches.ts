/**
 * Where the words the SAFETY analysis starts from occur in a text: `unsafe`, `extern`,
 * `macro_rules`, `mod`, the names of the file's macros, "safety" and the `SAFETY:` marker. Each
 * is found once per text and shared by the inventory and the rules, which used to scan the whole
 * text with a regex each. Whole words
 * are found with `indexOf` and a look at the characters around (several times faster than a
 * `\b...\b` regex); "safety" is found in any ASCII case, and the marker is a "safety" followed by
 * a colon (the word cannot overlap itself, so these are exactly the matches of `/safety:/gi`).
 *
 * When a text with offsets found is edited (see textLineage), the edited text takes them over:
 * those whose match lies wholly before or after the edited stretch stay (shifted), and only the
 * stretch is searched again. On the keystroke path this replaces scans of the whole file by scans
 * of a few characters.
 */
import { Recent } from '../recent';
import { onTextEdit, type TextEdit } from '../textLineage';

/**
 * A search for matches that each depend on the characters from `before` units ahead of their
 * offset to `after` units past it; `find` lists those starting in [from, to] in document order.
 */
interface Search {
  readonly before: number;
  readonly after: number;
  find(text: string, from: number, to: number): number[];
}

/** Offsets per text, for the last few texts (a document's, and its `unsafe extern` copy). */
const memo = new Recent<string, Map<string, readonly number[]>>(2);

/** The search behind each key of the memo (one per word asked for: a few, plus the macro names seen). */
const searches = new Map<string, Search>();

function cached(text: string, key: string, search: Search): readonly number[] {
  let found = memo.get(text);
  if (!found) memo.set(text, (found = new Map()));
  let offsets = found.get(key);
  if (!offsets) {
    searches.set(key, search);
    found.set(key, (offsets = search.find(text, 0, text.length)));
  }
  return offsets;
}

onTextEdit((edit) => {
  const previous = memo.get(edit.before);
  if (!previous || previous.size === 0) return;
  const next = new Map<string, readonly number[]>();
  previous.forEach((offsets, key) => next.set(key, carried(offsets, edit, searches.get(key)!)));
  memo.set(edit.after, next);
});

/** The offsets of `edit.after`, from those of `edit.before` (see the module comment). */
function carried(previous: readonly number[], edit: TextEdit, search: Search): number[] {
  const { start, oldEnd, newEnd } = edit;
  const delta = newEnd - oldEnd;
  const out: number[] = [];
  let i = 0;
  // Matches wholly before the edit, then the edited stretch searched again, then those wholly after it.
  for (; i < previous.length && previous[i]! + search.after <= start; i++) out.push(previous[i]!);
  const from = Math.max(0, start - search.after + 1);
  const to = Math.min(edit.after.length, newEnd + search.before - 1);
  for (const at of search.find(edit.after, from, to)) out.push(at);
  for (; i < previous.length && previous[i]! - search.before < oldEnd; i++);
  for (; i < previous.length; i++) out.push(previous[i]! + delta);
  return out;
}

/** A word character as `\b` sees it (no unicode flag): ASCII letters, digits, `_`. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Offsets of `word` with no word character right before or after it: the matches of `/\bword\b/g` for a word of word characters. */
export function wordOffsets(text: string, word: string): readonly number[] {
  return cached(text, `word:${word}`, wordSearch(word));
}

const wordSearches = new Map<string, Search>();

function wordSearch(word: string): Search {
  let search = wordSearches.get(word);
  if (!search) {
    search = {
      before: 1,
      after: word.length + 1,
      find(text, from, to) {
        const out: number[] = [];
        const whole = (at: number): boolean => !(at > 0 && isWordChar(text.charCodeAt(at - 1))) && !(at + word.length < text.length && isWordChar(text.charCodeAt(at + word.length)));
        if (from > 0 || to < text.length) {
          // An edited stretch: a few offsets to try (indexOf would run on to the next match, maybe the end of the file).
          for (let at = from; at <= to; at++) if (text.startsWith(word, at) && whole(at)) out.push(at);
          return out;
        }
        // Whole-word matches cannot overlap, so every whole occurrence is a match of the regex.
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (whole(at)) out.push(at);
        return out;
      },
    };
    wordSearches.set(word, search);
  }
  return search;
}

const SAFETY_SEARCH: Search = {
  before: 0,
  after: 6,
  find(text, from, to) {
    // "safety" cannot overlap itself: from any offset the regex finds every occurrence. An edited
    // stretch is searched in a copy of its own (the regex would run on to the next match).
    const part = from > 0 || to < text.length ? text.slice(from, to + 6) : text;
    return Array.from(part.matchAll(/safety/gi), (m) => m.index + (part === text ? 0 : from));
  },
};

const MARKER_SEARCH: Search = {
  before: 0,
  after: 7,
  // The whole text's markers come from its "safety" offsets, which the rules ask for anyway.
  find: (text, from, to) => (from === 0 && to >= text.length ? safetyOffsets(text) : SAFETY_SEARCH.find(text, from, to)).filter((at) => text.charCodeAt(at + 6) === 58),
};

/** Offsets of "safety" in any ASCII case: the matches of `/safety/gi`. */
export function safetyOffsets(text: string): readonly number[] {
  return cached(text, 'safety', SAFETY_SEARCH);
}

/** Offsets of the `SAFETY:` marker in any ASCII case: the matches of `/safety:/gi`. */
export function markerOffsets(text: string): readonly number[] {
  return cached(text, 'marker', MARKER_SEARCH);
}
