/**
 * Incremental analysis for the keystroke path: the same result as `analyze`, but the SAFETY
 * analysis (nearly all of the cost) only re-runs for the top-level items whose text changed.
 *
 * The file is cut into chunks, each ending with a top-level item at the end of its line and
 * holding the comments, attributes and blank lines above it. What the rules find for a chunk's
 * item depends on the chunk's text, the line just above it (the upward comment scan stops
 * there), whether it is the first chunk, crate-level inner attributes the root's type and the SAFETY options;
 * all of that is the cache key. Chunks whose results could depend on more are never cached:
 * `macro_rules!` definitions (expansion depends on calls anywhere in the file), block comments
 * (their scan may climb further up), parse errors, and files with `unsafe extern` blocks (read
 * through a second tree). A result whose spans leave its chunk is not cached either.
 */
import { assembleAnalysis, analyze, type Analysis, type AnalysisContext } from './analyze';
import type { Finding } from './findings';
import type { ParsedDocument, SyntaxNode } from './parser';
import type { Span } from './positions';
import { checkSafety } from './safety/check';
import { safetyTree } from './safety/externBlocks';
import { collectUnsafeSites } from './safety/inventory';
import { innerAttributes, ITEM_TYPES } from './safety/syntax';
import type { SafetyOptions, UnsafeSite } from './safety/types';

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly SyntaxNode[];
}

/** Findings and sites of one chunk, offsets relative to its start. */
interface ChunkResult {
  readonly findings: readonly Finding[];
  readonly sites: readonly UnsafeSite[];
}

export class IncrementalAnalyzer {
  private cache = new Map<string, ChunkResult>();
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
    const next = new Map<string, ChunkResult>();
    const findings: Finding[] = [];
    const sites: UnsafeSite[] = [];
    for (const chunk of chunksOf(doc)) {
      this.lastChunks++;
      const body = text.slice(chunk.start, chunk.end);
      const above = chunk.start === 0 ? '\u0001' : text.slice(text.lastIndexOf('\n', chunk.start - 2) + 1, chunk.start);
      const key = facts + above + '\u0000' + body;
      let result = this.cache.get(key) ?? next.get(key);
      if (result) this.cachedChunks++;
      else {
        const fresh = analyseChunk(doc, ctx.safety, chunk);
        if (cacheable(body, above, chunk) && fresh.findings.every((f) => findingWithin(f, chunk)) && fresh.sites.every((s) => siteWithin(s, chunk))) {
          result = { findings: fresh.findings.map((f) => shiftFinding(f, -chunk.start)), sites: fresh.sites.map((s) => shiftSite(s, -chunk.start)) };
        } else {
          findings.push(...fresh.findings);
          sites.push(...fresh.sites);
          continue;
        }
      }
      next.set(key, result);
      for (const f of result.findings) findings.push(shiftFinding(f, chunk.start));
      for (const s of result.sites) sites.push(shiftSite(s, chunk.start));
    }
    // Only the chunks of the current text stay: the cache never outgrows the document.
    this.cache = next;
    return assembleAnalysis(doc, ctx, sites, findings);
  }

  clear(): void {
    this.cache.clear();
  }
}

function analyseChunk(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk): ChunkResult {
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

function cacheable(body: string, above: string, chunk: Chunk): boolean {
  if (body.includes('macro_rules') || body.includes('*/') || above.includes('*/')) return false;
  return !chunk.nodes.some((n) => n.hasError || n.isMissing);
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
