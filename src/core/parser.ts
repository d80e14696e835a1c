/**
 * The Rust parser: one web-tree-sitter Parser per process, loaded once, and a parse tree per
 * document that is updated incrementally (tree.edit + parse(text, oldTree)).
 * Broken Rust is fine: tree-sitter recovers and marks ERROR/MISSING nodes.
 */
import { Language, Parser, type Edit, type Node, type Point, type Tree } from 'web-tree-sitter';

export type { Edit as TreeEdit } from 'web-tree-sitter';
import { rustGrammarWasmPath, treeSitterWasmPath } from './assets';
import { LineIndex, type LspRange } from './positions';
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

  /** Parses `text`, reusing `oldTree` (already edited) when given. Throws ParseTimeoutError. */
  parse(text: string, oldTree?: Tree | null, budgetMs = DEFAULT_PARSE_BUDGET_MS): Tree {
    const deadline = performance.now() + budgetMs;
    let timedOut = false;
    const tree = this.parser.parse(text, oldTree ?? null, {
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

/** One incremental text change, as LSP sends it (no range = whole document). */
export interface TextChange {
  readonly range?: LspRange;
  readonly text: string;
}

/**
 * A document's text, line index and tree. `applyChanges` edits the tree in place and re-parses
 * incrementally; the old tree is freed (wasm memory is not garbage-collected).
 */
export class ParsedDocument {
  private _text: string;
  private _lines: LineIndex;
  private _tree: Tree;
  /** The tree came from an incremental re-parse (see mayDifferFromFreshParse). */
  private incremental = false;

  constructor(
    private readonly parser: RustParser,
    text: string,
    /** The text's line index when the caller already has one. */
    lines?: LineIndex,
  ) {
    this._text = text;
    this._lines = lines?.text === text ? lines : new LineIndex(text);
    this._tree = parser.parse(text);
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
    // After a whole-text replacement the old tree says nothing about the new text.
    const full = edits.includes(undefined);
    if (!full) for (const edit of edits) this._tree.edit(edit!);
    const old = this._tree;
    this._tree = this.parser.parse(text, full ? null : old);
    this.incremental = !full;
    old.delete();
    this._text = text;
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
    const fresh = this.parser.parse(this._text);
    const changed = fresh.rootNode.toString() !== this._tree.rootNode.toString();
    this._tree.delete();
    this._tree = fresh;
    this.incremental = false;
    return changed;
  }

  /** Frees the tree's wasm memory. */
  dispose(): void {
    this._tree.delete();
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
