/**
 * Incremental analysis for the keystroke path: the same result as `analyze`, but the SAFETY
 * analysis (nearly all of the cost) only re-runs for the top-level items whose text changed.
 *
 * The file is cut into chunks, each ending with a top-level item at the end of its line and
 * holding the comments, attributes and blank lines above it. What the rules find for a chunk's
 * item depends on the chunk's text, the line just above it (the upward comment scan stops
 * there), whether it is the first chunk, crate-level inner attributes, the root's type and the
 * SAFETY options; all of that is the cache key. Two cases read further and add to the key: a `macro_rules!`
 * body is checked only where the macro is expanded (calls anywhere in the file), so whether each
 * one is expanded joins the key; a block comment's scan climbs to the line opening it, so with
 * a block comment ending nearby, the key holds the text up from the nearest line opening one.
 * Never cached: items with parse errors, files with `unsafe extern` blocks (read through a
 * second tree), and results whose spans leave their chunk.
 */
import { assembleAnalysis, analyze, type Analysis, type AnalysisContext } from './analyze';
import type { Finding } from './findings';
import type { ParsedDocument, SyntaxNode } from './parser';
import type { Span } from './positions';
import { checkSafety } from './safety/check';
import { safetyTree } from './safety/externBlocks';
import { collectUnsafeSites } from './safety/inventory';
import { macroIsExpanded } from './rules/safety/common';
import type { RuleContext } from './safety/ruleContext';
import { innerAttributes, ITEM_TYPES, nodesOfType } from './safety/syntax';
import type { SafetyOptions, UnsafeSite } from './safety/types';

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly SyntaxNode[];
}

interface ChunkFindings {
  readonly findings: readonly Finding[];
  readonly sites: readonly UnsafeSite[];
}

/** Findings and sites of one chunk, at the offsets of a chunk starting at `base`. */
interface ChunkResult extends ChunkFindings {
  /** Everything besides the chunk's own text that the key holds. */
  readonly context: string;
  readonly base: number;
}

/** The entry for `body` with the same context, moved to `start` (the same objects when it did not move). */
function lookUp(cache: ReadonlyMap<string, readonly ChunkResult[]>, body: string, context: string, start: number): ChunkResult | undefined {
  const hit = cache.get(body)?.find((e) => e.context === context);
  if (!hit || hit.base === start) return hit;
  const by = start - hit.base;
  return { context, base: start, findings: hit.findings.map((f) => shiftFinding(f, by)), sites: hit.sites.map((s) => shiftSite(s, by)) };
}

export class IncrementalAnalyzer {
  /** Results by chunk text (a list: identical items may sit in different contexts). */
  private cache = new Map<string, ChunkResult[]>();
  /** The file-wide part of every key, for the cache's current contents. */
  private facts = '';
  /** Chunks in the last analysis, and how many of them came from the cache (for tests and benchmarks). */
  lastChunks = 0;
  cachedChunks = 0;

  analyze(doc: ParsedDocument, ctx: AnalysisContext): Analysis {
    this.lastChunks = 0;
    this.cachedChunks = 0;
    if (safetyTree(doc).unsafeExternKeywords.length > 0) {
      this.cache.clear();
      return analyze(doc, ctx);
    }
    const text = doc.text;
    const root = doc.root;
    // The root's type matters too: a file that fails to parse as a whole has an ERROR root.
    const facts = `${optionsKey(ctx.safety)}\u0000${root.type}\u0000${innerAttributes(root).map((a) => a.text).join('\n')}\u0000`;
    // When a file-wide fact changes no entry can be reused; otherwise keys need not repeat them.
    if (facts !== this.facts) this.cache.clear();
    this.facts = facts;
    const next = new Map<string, ChunkResult[]>();
    const findings: Finding[] = [];
    const sites: UnsafeSite[] = [];
    for (const chunk of chunksOf(doc)) {
      this.lastChunks++;
      const body = text.slice(chunk.start, chunk.end);
      const context = above(text, chunk, body) + '\u0000' + expansions(doc, ctx.safety, chunk, body);
      let result = lookUp(this.cache, body, context, chunk.start) ?? lookUp(next, body, context, chunk.start);
      if (result) this.cachedChunks++;
      else {
        const fresh = analyseChunk(doc, ctx.safety, chunk);
        if (chunk.nodes.some((n) => n.hasError || n.isMissing) || !fresh.findings.every((f) => findingWithin(f, chunk)) || !fresh.sites.every((s) => siteWithin(s, chunk))) {
          findings.push(...fresh.findings);
          sites.push(...fresh.sites);
          continue;
        }
        result = { context, base: chunk.start, findings: fresh.findings, sites: fresh.sites };
      }
      const list = next.get(body);
      if (list) list.push(result);
      else next.set(body, [result]);
      findings.push(...result.findings);
      sites.push(...result.sites);
    }
    // Only the chunks of the current text stay: the cache never outgrows the document.
    this.cache = next;
    return assembleAnalysis(doc, ctx, sites, findings);
  }

  clear(): void {
    this.cache.clear();
    this.facts = '';
  }
}

function analyseChunk(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk): ChunkFindings {
  const sites = collectUnsafeSites(doc, chunk.nodes);
  return { sites, findings: checkSafety(doc, sites, options, chunk.nodes) };
}

/** Items as rustc counts them at the top level (an item-level macro call counts too). */
function isTopLevelItem(type: string): boolean {
  return ITEM_TYPES.has(type) || type === 'macro_invocation';
}

/** Chunks in document order; together they cover the whole text. */
function chunksOf(doc: ParsedDocument): Chunk[] {
  const text = doc.text;
  const chunks: Chunk[] = [];
  let start = 0;
  let nodes: SyntaxNode[] = [];
  const cursor = doc.root.walk();
  try {
    if (cursor.gotoFirstChild()) {
      do {
        const node = cursor.currentNode;
        nodes.push(node);
        if (!isTopLevelItem(node.type)) continue;
        // The chunk ends after the item's line, when nothing but blanks follows it there.
        const nl = text.indexOf('\n', node.endIndex);
        const lineEnd = nl < 0 ? text.length : nl + 1;
        if (text.slice(node.endIndex, lineEnd).trim() !== '') continue;
        chunks.push({ start, end: lineEnd, nodes });
        start = lineEnd;
        nodes = [];
      } while (cursor.gotoNextSibling());
    }
  } finally {
    cursor.delete();
  }
  if (start < text.length || nodes.length > 0) chunks.push({ start, end: text.length, nodes });
  return chunks;
}

/** The text above a chunk that its comment scans may read (see the module comment). */
function above(text: string, chunk: Chunk, body: string): string {
  if (chunk.start === 0) return '\u0001';
  const prevLine = text.slice(text.lastIndexOf('\n', chunk.start - 2) + 1, chunk.start);
  if (!body.includes('*/') && !prevLine.includes('*/')) return prevLine;
  for (let at = text.lastIndexOf('/*', chunk.start - 1); at >= 0; at = text.lastIndexOf('/*', at - 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (text.slice(lineStart, at).trim() === '') return `\u0002${text.slice(lineStart, chunk.start)}`;
  }
  return `\u0003${text.slice(0, chunk.start)}`;
}

const MACROS: ReadonlySet<string> = new Set(['macro_definition']);

/** Whether each `macro_rules!` defined in the chunk is expanded (a file-wide fact). */
function expansions(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, body: string): string {
  if (!body.includes('macro_rules')) return '';
  const ctx: RuleContext = { doc, lines: doc.lines, root: doc.root, sites: [], options };
  return chunk.nodes.flatMap((top) => nodesOfType(top, MACROS)).map((m) => (macroIsExpanded(ctx, m) ? '1' : '0')).join('');
}

const within = (s: Span, chunk: Chunk): boolean => s.start >= chunk.start && s.end <= chunk.end;

function findingWithin(f: Finding, chunk: Chunk): boolean {
  return within(f.span, chunk)
    && (f.related ?? []).every((r) => within(r.span, chunk))
    && (f.fixes ?? []).every((fix) => fix.edits.every((e) => within(e.span, chunk)));
}

function siteWithin(s: UnsafeSite, chunk: Chunk): boolean {
  return within(s.span, chunk) && within(s.keyword, chunk) && within(s.reportSpan, chunk) && (!s.documentation || within(s.documentation.span, chunk));
}

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function shiftFinding(f: Finding, by: number): Finding {
  return {
    ...f,
    span: shift(f.span, by),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, span: shift(r.span, by) })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shift(e.span, by) })) })) } : {}),
  };
}

function shiftSite(s: UnsafeSite, by: number): UnsafeSite {
  return {
    ...s,
    keyword: shift(s.keyword, by),
    span: shift(s.span, by),
    reportSpan: shift(s.reportSpan, by),
    ...(s.documentation ? { documentation: { ...s.documentation, span: shift(s.documentation.span, by) } } : {}),
  };
}

/** The SAFETY options as a stable string (sets as sorted lists). */
function optionsKey(options: SafetyOptions): string {
  return JSON.stringify(options, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<string>)].sort() : v));
}
