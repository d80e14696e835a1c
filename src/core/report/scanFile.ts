/**
 * One file's contribution to the workspace report: the analysis reduced to plain, cloneable data
 * so that worker threads can post it back (parse trees and contexts stay in the worker).
 */
import { analyze, type AnalysisContext } from '../analyze';
import type { Code, Severity } from '../codes';
import { readSourceFile } from '../files';
import { ParsedDocument, type RustParser } from '../parser';
import type { LineIndex } from '../positions';
import type { UnsafeKind } from '../safety/types';

export interface ScannedPosition {
  readonly line: number;
  readonly column: number;
  readonly lspLine: number;
  readonly lspCharacter: number;
}

export interface ScannedFinding extends ScannedPosition {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
}

export interface ScannedGate extends ScannedPosition {
  readonly name: string;
}

export interface FileScan {
  readonly kind: 'ok';
  readonly file: string;
  readonly lines: number;
  readonly bytes: number;
  readonly findings: readonly ScannedFinding[];
  readonly gates: readonly ScannedGate[];
  readonly unsafeSites: readonly { readonly kind: UnsafeKind; readonly documented: boolean }[];
  readonly toolchain: string;
  readonly toolchainOrigin: string;
  /** Names on the kernel allow-list when the file is in a kernel tree that has one. */
  readonly allowList?: readonly string[];
}

export interface FileSkip {
  readonly kind: 'skipped';
  readonly file: string;
  readonly reason: string;
}

export type ScanResult = FileScan | FileSkip;

/** What scanning needs from a ContextResolver (kept narrow so tests can pass their own). */
export interface ContextSource {
  contextFor(filePath?: string): AnalysisContext;
}

/** The files of one batch of a parallel scan (indices into `files`), in the batch's order. */
export function scanBatch(
  files: readonly string[],
  batch: readonly number[],
  parser: RustParser,
  contexts: ContextSource,
  maxSize: number,
  overrides: ReadonlyMap<string, string> | undefined,
): ScanResult[] {
  return batch.map((i) => scanFile(files[i]!, parser, contexts, maxSize, overrides?.get(files[i]!)));
}

/** Reads (or takes the unsaved text of) `file`, parses and analyses it. Never throws. */
export function scanFile(file: string, parser: RustParser, contexts: ContextSource, maxSize: number, override?: string): ScanResult {
  let text: string;
  if (override !== undefined) text = override;
  else {
    const read = readSourceFile(file, maxSize);
    if (read.kind === 'skipped') return { kind: 'skipped', file, reason: read.reason };
    text = read.text;
  }
  let doc: ParsedDocument;
  try {
    doc = new ParsedDocument(parser, text);
  } catch (e) {
    return { kind: 'skipped', file, reason: e instanceof Error ? e.message : String(e) };
  }
  try {
    return scanDocument(file, doc, contexts.contextFor(file));
  } finally {
    doc.dispose();
  }
}

/** The report data of an already parsed document. */
export function scanDocument(file: string, doc: ParsedDocument, ctx: AnalysisContext): FileScan {
  const analysis = analyze(doc, ctx);
  const lines = doc.lines;
  const allowList = ctx.kernel?.facts.allowList?.map((a) => a.name);
  return {
    kind: 'ok',
    file,
    lines: countLines(doc.text),
    bytes: Buffer.byteLength(doc.text, 'utf8'),
    findings: analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...position(lines, f.span.start) })),
    gates: analysis.gates.map((g) => ({ name: g.name, ...position(lines, g.span.start) })),
    unsafeSites: analysis.unsafeSites.map((s) => ({ kind: s.kind, documented: s.documentation !== undefined })),
    toolchain: ctx.toolchain,
    toolchainOrigin: ctx.toolchainOrigin,
    ...(allowList ? { allowList } : {}),
  };
}

function position(lines: LineIndex, offset: number): ScannedPosition {
  const rustc = lines.rustcPositionAt(offset);
  const lsp = lines.positionAt(offset);
  return { line: rustc.line, column: rustc.column, lspLine: lsp.line, lspCharacter: lsp.character };
}

/** Lines as `wc -l` counts them, plus a last line without a line break. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13 ? n : n + 1;
}
