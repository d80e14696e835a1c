/**
 * Finds insertions after which tree-sitter's incremental re-parse differs from a fresh parse of the
 * same text (error recovery in unclosed comments and strings depends on the edit history). Used to
 * test that such trees are settled, in the core and through the server.
 */
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { createRng } from '../../scripts/bench/rng.mjs';

export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

const INSERTS = ['/*', '*/', '"', 'x', '{', '}', '\n', '//', 'unsafe '];

/**
 * Random insertions into `start`, from a fresh document per trial, until one leaves a tree that
 * differs from a fresh parse; `onEdit` sees the document after every insertion. Returns the
 * insertions of the trial that diverged (ending with the diverging one), or undefined.
 */
export async function findHistoryDependentEdits(
  start: string,
  seed: number,
  options: {
    trials?: number;
    editsPerTrial?: number;
    /** Whether a divergence counts (e.g. only one that changes the findings); default: any. */
    accept?: (doc: ParsedDocument) => boolean;
    onDiverged?: (doc: ParsedDocument, freshSexp: string) => void;
  } = {},
): Promise<Insertion[] | undefined> {
  const parser = await loadRustParser();
  const random = createRng(seed);
  for (let trial = 0; trial < (options.trials ?? 40); trial++) {
    const doc = new ParsedDocument(parser, start);
    const edits: Insertion[] = [];
    try {
      for (let i = 0; i < (options.editsPerTrial ?? 150); i++) {
        let offset = random.int(0, doc.text.length);
        if (/[\udc00-\udfff]/.test(doc.text[offset] ?? '')) offset--; // never split a surrogate pair
        const text = random.pick(INSERTS);
        edits.push({ offset, text });
        doc.applyChanges([{ range: doc.lines.rangeOf({ start: offset, end: offset }), text }]);
        const fresh = parser.parse(doc.text);
        const freshSexp = fresh.rootNode.toString();
        fresh.delete();
        if (freshSexp !== doc.root.toString() && (options.accept?.(doc) ?? true)) {
          options.onDiverged?.(doc, freshSexp);
          return edits;
        }
      }
    } finally {
      doc.dispose();
    }
  }
  return undefined;
}
