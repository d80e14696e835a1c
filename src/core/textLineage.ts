/**
 * Edits of texts as they happen: resolveChange reports each one here, so that answers worked out
 * for a whole text (where words occur) can be carried to the edited text at the cost of the
 * edited stretch instead of worked out again over the whole file. Listeners carry their answers
 * at once, while both versions exist: an analysis reads only some versions (an undo is found in
 * the caches and scans nothing), and the next one must still find its predecessor's answers.
 */

/** `after` is `before` with [start, oldEnd) replaced by [start, newEnd) of `after`. */
export interface TextEdit {
  readonly before: string;
  readonly after: string;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

const listeners: ((edit: TextEdit) => void)[] = [];

/** Calls `listener` with every edit reported from now on. */
export function onTextEdit(listener: (edit: TextEdit) => void): void {
  listeners.push(listener);
}

export function reportTextEdit(edit: TextEdit): void {
  for (const listener of listeners) listener(edit);
}
