/**
 * The Rust parser: one web-tree-sitter Parser per process, loaded once, and a parse tree per
 * document that is updated incrementally (tree.edit + parse(text, oldTree)).
 * Broken Rust is fine: tree-sitter recovers and marks ERROR/MISSING nodes.
 */
import { Language, Parser, type Edit, type Node, type Point, type Tree } from 'web-tree-sitter';

export type { Edit as TreeEdit } from 'web-tree-sitter';
import { rustGrammarWasmPath, treeSitterWasmPath } from './assets';
import { LineIndex, type LspRange } from './positions';
import { reportTextEdit } from './textLineage';
import { directI32Access, type EmscriptenMemory } from './wasmMemory';

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter';

let loading: Promise<RustParser> | undefined;

/** Loads the parser once per process; every caller shares it. */
export function loadRustParser(): Promise<RustParser> {
  loading ??= (async () => {
    const wasm = treeSitterWasmPath();
    // Emscripten uses this object as the module itself, so it is the runtime once init returns.
    const runtime: EmscriptenMemory & { locateFile: () => string } = { locateFile: () => wasm };
    await Parser.init(runtime as never);
    directI32Access(runtime);
    const language = await Language.load(rustGrammarWasmPath());
    return new RustParser(language);
  })();
  return loading;
}

/** Parse time bound: a pathological file gives up rather than freezing the server. */
const DEFAULT_PARSE_BUDGET_MS = 5_000;

export class ParseTimeoutError extends Error {
  constructor(ms: number) {
    super(`parsing took longer than ${ms} ms and was abandoned`);
  }
}

export class RustParser {
  private readonly parser: Parser;

  constructor(readonly language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }

  /**
   * Parses `input` (a text, or a reader of the text from an offset on), reusing `oldTree` (already
   * edited) when given. Throws ParseTimeoutError.
   */
  parse(input: string | TextReader, oldTree?: Tree | null, budgetMs = DEFAULT_PARSE_BUDGET_MS): Tree {
    const deadline = performance.now() + budgetMs;
    let timedOut = false;
    const tree = this.parser.parse(input, oldTree ?? null, {
      progressCallback: () => {
        if (performance.now() > deadline) timedOut = true;
        return timedOut;
      },
    } as never);
    if (!tree || timedOut) {
      this.parser.reset();
      tree?.delete();
      throw new ParseTimeoutError(budgetMs);
    }
    return tree;
  }
}

/** The text from `index` on (web-tree-sitter reads its input in pieces, and node texts too). */
export type TextReader = (index: number) => string;

/** One incremental text change, as LSP sends it (no range = whole document). */
export interface TextChange {
  readonly range?: LspRange;
  readonly text: string;
}

/**
 * A document's text, line index and tree. `applyChanges` re-parses incrementally from an edited
 * copy of the tree. When an edit breaks a clean parse, the tree from before is kept until the next
 * change: undoing the edit (a character typed and deleted again) gets it back instead of a
 * re-parse, which would re-read the whole error region and is the slowest parse of all. Only
 * then: a kept tree shares its nodes with the current one, and that makes the next incremental
 * parse about twice as slow. Superseded trees are freed (wasm memory is not garbage-collected).
 */
export class ParsedDocument {
  private _text: string;
  private _lines: LineIndex;
  private _tree: Tree;
  /** The tree came from an incremental re-parse (see mayDifferFromFreshParse). */
  private incremental = false;
  /**
   * The reader every tree of this document is parsed with and reads node texts through: one
   * function for the document's life. Given a string, web-tree-sitter makes a closure over it and
   * stores it on its module object; V8's young-generation collections then keep every version of
   * the text alive (and move each one to the old generation), so typing in a large file filled
   * the old generation with texts and caused a full collection every hundred or so keystrokes.
   * A tree's node texts are read from the current text: only the current tree is ever read.
   */
  private readonly read: TextReader = (index) => this._text.slice(index);
  /** The clean version before an edit that broke the parse (see the class comment). */
  private beforeBreak: { readonly text: string; readonly lines: LineIndex; readonly tree: Tree } | undefined;

  constructor(
    private readonly parser: RustParser,
    text: string,
    /** The text's line index when the caller already has one. */
    lines?: LineIndex,
  ) {
    this._text = text;
    this._lines = lines?.text === text ? lines : new LineIndex(text);
    this._tree = parser.parse(this.read);
  }

  get text(): string {
    return this._text;
  }
  get lines(): LineIndex {
    return this._lines;
  }
  get tree(): Tree {
    return this._tree;
  }
  get root(): Node {
    return this._tree.rootNode;
  }

  applyChanges(changes: readonly TextChange[]): void {
    let text = this._text;
    let lines = this._lines;
    const edits: (Edit | undefined)[] = [];
    for (const change of changes) {
      const r = resolveChange(text, lines, change);
      edits.push(r.edit);
      text = r.text;
      lines = r.lines;
    }
    this.applyEdits(edits, text, lines);
  }

  /**
   * Changes already resolved with resolveChange (by a caller that keeps the text itself), and the
   * text and line index they lead to: the tree is edited and re-parsed, nothing is recomputed.
   */
  applyEdits(edits: readonly (Edit | undefined)[], text: string, lines: LineIndex): void {
    const old = this._tree;
    const back = this.beforeBreak;
    this.beforeBreak = undefined;
    // Lengths first: they differ for most edits, and then the texts are not compared.
    if (back && back.text.length === text.length && back.text === text) {
      this._tree = back.tree;
      this.incremental = false;
      // The caller's string (callers compare by identity), the kept index (caches are keyed by it).
      this._text = text;
      this._lines = back.lines;
      old.delete();
      return;
    }
    back?.tree.delete();
    // After a whole-text replacement the old tree says nothing about the new text.
    const full = edits.includes(undefined);
    let edited: Tree | null = null;
    if (!full) {
      edited = old.copy();
      for (const edit of edits) edited.edit(edit!);
    }
    const previousText = this._text;
    this._text = text;
    try {
      this._tree = this.parser.parse(this.read, edited);
    } catch (e) {
      this._text = previousText;
      throw e;
    } finally {
      edited?.delete();
    }
    if (!old.rootNode.hasError && this._tree.rootNode.hasError) this.beforeBreak = { text: previousText, lines: this._lines, tree: old };
    else old.delete();
    this.incremental = !full;
    this._lines = lines;
  }

  /**
   * tree-sitter's error recovery depends on the edit history: after some edits into broken code
   * (an unclosed comment or string) an incrementally re-parsed tree differs from a fresh parse of
   * the same text. Clean trees do not; only an incremental tree with errors needs `settle()`.
   */
  get mayDifferFromFreshParse(): boolean {
    return this.incremental && this._tree.rootNode.hasError;
  }

  /** Replaces the tree by a fresh parse of the same text; returns whether the tree changed. */
  settle(): boolean {
    const fresh = this.parser.parse(this.read);
    const changed = fresh.rootNode.toString() !== this._tree.rootNode.toString();
    this._tree.delete();
    this._tree = fresh;
    this.incremental = false;
    return changed;
  }

  /** Frees the trees' wasm memory. */
  dispose(): void {
    this._tree.delete();
    this.beforeBreak?.tree.delete();
    this.beforeBreak = undefined;
  }
}

/** One change applied to a text: the tree-sitter edit (absent for a whole-text replacement), the new text and its line index. */
export interface ResolvedChange {
  readonly edit?: Edit;
  readonly text: string;
  readonly lines: LineIndex;
}

/** Applies an LSP change to `text` (whose index is `lines`); ranges clamp as LineIndex.offsetAt does. */
export function resolveChange(text: string, lines: LineIndex, change: TextChange): ResolvedChange {
  if (!change.range) return { text: change.text, lines: new LineIndex(change.text) };
  const start = lines.offsetAt(change.range.start);
  const oldEnd = Math.max(start, lines.offsetAt(change.range.end));
  const next = text.slice(0, start) + change.text + text.slice(oldEnd);
  flattenYoung(next);
  reportTextEdit({ before: text, after: next, start, oldEnd, newEnd: start + change.text.length });
  const startPosition = pointAt(lines, start);
  return {
    edit: {
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: start + change.text.length,
      startPosition,
      oldEndPosition: pointAt(lines, oldEnd),
      newEndPosition: pointAfter(startPosition, change.text),
    },
    text: next,
    lines: lines.afterEdit(next, start, oldEnd, change.text),
  };
}

/**
 * Makes V8 flatten a text built by concatenation now, with a character read: that copy is made in
 * the young generation, while the first `slice`, regex or comparison (tree-sitter's input reader
 * comes first) would make it in the old one. A version of a large document is garbage a keystroke
 * later; in the old generation every one of them (hundreds of kB each) stays until a full
 * collection, and typing then causes one every hundred or so keystrokes.
 */
function flattenYoung(text: string): void {
  if (text.length > 0) text.charCodeAt(0);
}

function pointAt(lines: LineIndex, offset: number): Point {
  const p = lines.positionAt(offset);
  return { row: p.line, column: p.character };
}

/** The point reached after inserting `inserted` at `start` (rows by line breaks, columns in UTF-16). */
function pointAfter(start: Point, inserted: string): Point {
  const ins = new LineIndex(inserted);
  if (ins.lineCount === 1) return { row: start.row, column: start.column + inserted.length };
  return { row: start.row + ins.lineCount - 1, column: inserted.length - ins.lineStart(ins.lineCount - 1) };
}
