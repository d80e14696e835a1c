/**
 * Incremental analysis for the keystroke path: the same result as `analyze`, but the SAFETY
 * analysis (nearly all of the cost) only re-runs for the top-level items whose text changed.
 *
 * The file is cut into chunks, each ending with a top-level item at the end of its line and
 * holding the comments, attributes and blank lines above it. What the rules find for a chunk's
 * item depends on the chunk's text, the line just above it (the upward comment scan stops
 * there), whether it is the first chunk, crate-level inner attributes and the SAFETY options
 * (not whether the root parsed as a `source_file` or an ERROR node: see isModuleRoot); all of
 * that is the cache key. Two cases read further and add to the key: a `macro_rules!`
 * body is checked only where the macro is expanded (calls anywhere in the file), so whether each
 * one is expanded joins the key; a block comment's scan climbs to the line opening it, so with
 * a block comment ending nearby, the key holds the text up from the nearest line opening one.
 * Never cached: items with parse errors, files with `unsafe extern` blocks (read through a
 * second tree), and results whose spans leave their chunk.
 *
 * A chunk ending with an impl, trait or mod block is also cut into member chunks, keyed the same
 * way plus the headers and inner attributes of the blocks around them, so an edit inside one
 * method of a large impl re-checks that method and the block's header only. When an edit leaves
 * too much to redo (it broke the parse across many items) or nothing is cached yet, the whole
 * file is analysed at once and its results shared out to the chunks. Entries of the current and
 * the previous text are kept, so undoing such an edit finds everything cached.
 */
import { assembleAnalysis, analyze, type Analysis, type AnalysisContext, type SiteList } from './analyze';
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
import { isWhiteSpace } from './whitespace';

/**
 * A run of `parent`'s children (by index) and the text they own. The nodes are made only when
 * asked for: most chunks are found in the cache and never need them, and making a node object per
 * child cost a keystroke more than the walk itself.
 */
class Chunk {
  private made: readonly SyntaxNode[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly parent: SyntaxNode,
    private readonly first: number,
    /** How many children, the last one's type, how many are `macro_rules!` definitions, and whether one is a `}`. */
    readonly count: number,
    readonly lastType: string | undefined,
    readonly macros: number,
    readonly hasCloseBrace: boolean,
  ) {}

  get nodes(): readonly SyntaxNode[] {
    return (this.made ??= Array.from({ length: this.count }, (_, i) => this.parent.child(this.first + i)!));
  }
}

interface ChunkFindings {
  readonly findings: readonly Finding[];
  readonly sites: readonly UnsafeSite[];
}

/** A top-level chunk's share of an analysis: its sites may still be where its entry was stored (see SitesInPlace). */
interface ChunkPart extends ChunkFindings {
  /** How far `sites` are to move (0: they are in place). */
  readonly siteShift: number;
}

/** Findings and sites of one chunk, at the offsets of a chunk starting at `base`. */
interface ChunkResult extends ChunkFindings {
  /** Everything besides the chunk's own text that the key holds. */
  readonly context: string;
  /** Text above the chunk that a block comment's scan may read (see `above`); kept apart so keys share the document's text. */
  readonly reach: string;
  readonly base: number;
  /** The last analysis that used the entry (see sweep). */
  used: number;
  /** A container's members stored with it, and the header text their keys name by id: kept alive while the container is a hit (see carry). */
  readonly members?: StoredMembers;
}

interface StoredMembers {
  readonly header: string;
  readonly entries: readonly (readonly [body: string, entry: ChunkResult])[];
}

/** The entry for `key` (the same text with the same context), wherever it was stored. */
function lookUp(cache: ReadonlyMap<string, readonly ChunkResult[]>, key: Key): ChunkResult | undefined {
  return cache.get(key.body)?.find((e) => e.context === key.context && e.reach === key.reach);
}

/**
 * An entry's findings and sites at `start`: the entry itself when it has not moved, else shifted
 * copies. The cache keeps the entry as stored, so the copies die with the analysis using them and
 * an entry back at its place (an undo) costs nothing.
 */
function placed(entry: ChunkResult, start: number): ChunkFindings {
  if (entry.base === start) return entry;
  const by = start - entry.base;
  return { findings: entry.findings.map((f) => shiftFinding(f, by)), sites: entry.sites.map((s) => shiftSite(s, by)) };
}

/** placed, for a top-level chunk: the findings moved now, the sites only when read (see SitesInPlace). */
function placedPart(entry: ChunkResult, start: number): ChunkPart {
  const by = start - entry.base;
  return { findings: by === 0 ? entry.findings : entry.findings.map((f) => shiftFinding(f, by)), sites: entry.sites, siteShift: by };
}

const inPlace = (result: ChunkFindings): ChunkPart => ({ findings: result.findings, sites: result.sites, siteShift: 0 });

/**
 * The unsafe sites of an analysis, moved to their places only when read: diagnostics need the
 * findings at once, while the sites (hundreds in a large file, half of them shifted by a typical
 * keystroke) are read by hovers, semantic tokens and the decorations sent after typing pauses.
 */
class SitesInPlace implements SiteList {
  constructor(private readonly parts: readonly ChunkPart[]) {}

  sites(): readonly UnsafeSite[] {
    const out: UnsafeSite[] = [];
    for (const part of this.parts) {
      if (!part.siteShift) out.push(...part.sites);
      else for (const site of part.sites) out.push(shiftSite(site, part.siteShift));
    }
    return out;
  }
}

/** A chunk's cache key: its text, and everything besides that its results depend on. */
interface Key {
  readonly body: string;
  readonly context: string;
  readonly reach: string;
  /** The part of `context` that is a file-wide fact: whether the chunk's macros are expanded. */
  readonly expansions: string;
}

/**
 * A top-level chunk of the last analysis and the entry it used, so that the next analysis can
 * take the entry of a chunk the edit did not reach by its position, without building its key.
 */
interface Row {
  readonly start: number;
  readonly end: number;
  readonly entry: ChunkResult;
  /** The key reads no text above the line before the chunk (no block-comment reach). */
  readonly local: boolean;
  /** The chunk's text mentions `macro_rules`: its key holds file-wide expansion facts. */
  readonly expansions?: string;
}

/** A top-level chunk no entry matched, its place in the file's chunks and its key. */
interface Miss {
  readonly index: number;
  readonly chunk: Chunk;
  readonly key: Key;
}

/** What two versions of a text share: equal first `prefix` and last `suffix` units (not overlapping). */
interface SharedEnds {
  readonly prefix: number;
  readonly suffix: number;
  /** New length minus old length. */
  readonly delta: number;
}

/** Containers whose members (fns, consts, nested items) are cached one by one. */
const CONTAINERS: ReadonlySet<string> = new Set(['impl_item', 'trait_item', 'mod_item']);

/**
 * How much fresh chunk-by-chunk work (chunks, and their share of the text) one analysis may do
 * before it analyses the whole file at once instead: one pass over the whole tree is cheaper than
 * many over small parts, as when an edit breaks the parse and most items move into an error node
 * or an unclosed block. Up to half the text: missed top-level chunks, and the missed members of a
 * block, are each analysed in one pass, and a whole-file pass also stores every chunk's share
 * (an unclosed `impl` that swallowed the last third of a 5,000-line file took 7 ms chunk by chunk
 * against 17 ms whole).
 */
const MAX_FRESH_CHUNKS = 48;
const MAX_FRESH_SHARE = 1 / 2;
/** Below this much text the chunk-by-chunk path is cheap whatever its share. */
const MIN_FRESH_BUDGET = 16_000;

/** Thrown to leave the chunk-by-chunk path for a whole-file analysis. */
class TooManyMisses extends Error {}

/** A container's members: chunks of its block, and the key part they add for their contents. */
interface Members {
  readonly chunks: readonly Chunk[];
  /** The enclosing key plus this container's header and inner attributes (as an id once interned). */
  readonly header: string;
}

/** Members whose header is interned: `header` is a short id, `headerText` what it stands for. */
interface InternedMembers extends Members {
  readonly headerText: string;
}

export class IncrementalAnalyzer {
  /**
   * Results by chunk text (a list: identical items may sit in different contexts), members and
   * top-level chunks alike. One map whose entries are stamped when used, rather than a new map per
   * analysis: a keystroke that reuses nearly everything then allocates nearly nothing (the young
   * generation's collections were a good part of a keystroke's cost).
   */
  private entries = new Map<string, ChunkResult[]>();
  /** The file-wide part of every key, for the cache's current contents. */
  private facts = '';
  /**
   * The entries of the file-wide facts in force before the last change of them. An edit inside a
   * crate-level `#![...]` attribute changes a file-wide fact; undoing it then finds the entries
   * of the text before it here instead of analysing the whole file again.
   */
  private stash: { readonly facts: string; readonly entries: Map<string, ChunkResult[]> } | undefined;
  /** The last chunk-by-chunk analysis: its text and file-wide facts, and its top-level chunks (see reuse). */
  private previous: { readonly text: string; readonly facts: string; readonly rows: readonly Row[] } | undefined;
  /** Fresh work of the analysis under way (see MAX_FRESH_CHUNKS). */
  private freshChunks = 0;
  private freshChars = 0;
  /** Short ids of container headers (see memberChunks), and the analysis that last used each. */
  private readonly headerIds = new Map<string, string>();
  private readonly headers = new Map<string, number>();
  private nextHeaderId = 0;
  private generation = 0;
  /** macroIsExpanded answers for the text under analysis, by macro start (keys ask about every macro of a container and of its member). */
  private expanded = new Map<number, boolean>();
  /** Top-level chunks in the last analysis, and how many of them came from the cache (for tests and benchmarks). */
  lastChunks = 0;
  cachedChunks = 0;
  /** The same for members of impl, trait and mod blocks that were looked up on their own. */
  lastMembers = 0;
  cachedMembers = 0;
  /** Analyses of fresh text (chunks, or a container's shell with its members not found) in the last analysis. */
  freshPasses = 0;
  /** Whether the last analysis took the whole-file path (see MAX_FRESH_SHARE). */
  wholeFile = false;
  /** Top-level chunks of the last analysis taken from the previous one by position (see reuse). */
  reusedChunks = 0;

  analyze(doc: ParsedDocument, ctx: AnalysisContext): Analysis {
    this.lastChunks = 0;
    this.cachedChunks = 0;
    this.lastMembers = 0;
    this.cachedMembers = 0;
    this.freshChunks = 0;
    this.freshChars = 0;
    this.freshPasses = 0;
    this.reusedChunks = 0;
    this.expanded = new Map();
    this.wholeFile = false;
    const previous = this.previous;
    this.previous = undefined;
    if (safetyTree(doc).unsafeExternKeywords.length > 0) {
      this.clear();
      return analyze(doc, ctx);
    }
    const root = doc.root;
    // Not the root's type: the rules treat an ERROR root (a file that fails to parse as a whole)
    // as the module it stands for (see isModuleRoot), so such an edit leaves other items cached.
    const facts = `${optionsKey(ctx.safety)}\u0000${innerAttributes(root).map((a) => a.text).join('\n')}\u0000`;
    // When a file-wide fact changes no entry of the others can be reused; otherwise keys need not repeat them.
    if (facts !== this.facts) this.switchFacts(facts);
    const chunks = chunksOf(doc.text, doc.root, 0);
    // Nothing to reuse (a document just opened, or new options): no chunk would be found.
    if (this.entries.size === 0) return this.analyseWholeFile(doc, ctx, chunks);
    const shared = previous?.facts === facts ? sharedEnds(previous.text, doc.text) : undefined;
    // Per chunk, in document order: its result and its row for the next analysis.
    const results: ChunkPart[] = [];
    const rowsAt: (Row | undefined)[] = [];
    // Chunks (not blocks: those split into members) that no entry matches, analysed in one pass.
    const misses: Miss[] = [];
    try {
      chunks.forEach((chunk, index) => {
        this.lastChunks++;
        if (shared && this.reuse(doc, ctx.safety, chunk, previous!.rows, shared, index, results, rowsAt)) {
          this.cachedChunks++;
          this.reusedChunks++;
          return;
        }
        const key = this.keyOf(doc, ctx.safety, chunk, '', false);
        const hit = lookUp(this.entries, key);
        if (hit) {
          this.carry(hit);
          this.cachedChunks++;
          rowsAt[index] = rowOf(chunk, key, hit);
          results[index] = placedPart(hit, chunk.start);
          return;
        }
        if (!isContainer(chunk)) return void misses.push({ index, chunk, key });
        const { result, stored } = this.missedChunkResult(doc, ctx.safety, chunk, '', key);
        if (stored) rowsAt[index] = rowOf(chunk, key, stored[1]);
        results[index] = inPlace(result);
      });
      if (misses.length > 0) this.analyseMisses(doc, ctx.safety, misses, results, rowsAt);
    } catch (e) {
      if (!(e instanceof TooManyMisses)) {
        this.clear();
        throw e;
      }
      return this.analyseWholeFile(doc, ctx, chunks);
    }
    const findings: Finding[] = [];
    for (const r of results) findings.push(...r.findings);
    const rows = rowsAt.filter((r): r is Row => r !== undefined);
    this.sweep();
    this.previous = { text: doc.text, facts, rows };
    return assembleAnalysis(doc, ctx, new SitesInPlace(results), findings);
  }

  clear(): void {
    this.entries.clear();
    this.facts = '';
    this.stash = undefined;
    this.previous = undefined;
  }

  /**
   * The last analysis's entry for a chunk the edit since then cannot have changed, found by its
   * place instead of its key: building a key slices, hashes and compares the chunk's text, and
   * doing that for every chunk of a large file was most of a keystroke's cost. A chunk qualifies
   * when everything its key reads lies in text both versions share: before the edit (the chunk,
   * the line above it, any block comment it reaches into), or after it (the chunk and the line
   * above, with no reach). The entry is then the one the key would find. Whether its macros are
   * expanded is a file-wide fact and is checked again. The result and row go into `results` and
   * `rowsAt` at `index` (no object per chunk to return them in); false when the chunk does not qualify.
   */
  private reuse(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, rows: readonly Row[], shared: SharedEnds, index: number, results: ChunkPart[], rowsAt: (Row | undefined)[]): boolean {
    const text = doc.text;
    let oldStart = chunk.start;
    if (chunk.end > shared.prefix) {
      if (chunk.start === 0) return false;
      const lineAbove = text.lastIndexOf('\n', chunk.start - 2) + 1;
      if (lineAbove < text.length - shared.suffix) return false;
      oldStart = chunk.start - shared.delta;
    }
    const row = rowAt(rows, oldStart);
    if (!row || row.end - row.start !== chunk.end - chunk.start || (oldStart !== chunk.start && !row.local)) return false;
    if (row.expansions !== undefined && this.expansions(doc, options, chunk, text.slice(chunk.start, chunk.end)) !== row.expansions) return false;
    this.carry(row.entry);
    results[index] = placedPart(row.entry, chunk.start);
    rowsAt[index] = oldStart === chunk.start ? row : { ...row, start: chunk.start, end: chunk.end };
    return true;
  }

  /** Puts the current entries aside and takes up those of `facts`: the stashed ones when they match, else none. */
  private switchFacts(facts: string): void {
    const back = this.stash?.facts === facts ? this.stash.entries : new Map<string, ChunkResult[]>();
    this.stash = this.facts !== '' && this.entries.size > 0 ? { facts: this.facts, entries: this.entries } : undefined;
    this.entries = back;
    this.facts = facts;
  }

  /**
   * Only the entries the current and the previous text used stay (so undoing an edit that broke
   * the parse is cheap too): the cache never outgrows two versions of the document.
   */
  private sweep(): void {
    const keep = this.generation - 1;
    // forEach rather than for-of: no [key, value] pair allocated per entry on every keystroke.
    this.entries.forEach((list, body) => {
      if (list.length === 1 ? list[0]!.used >= keep : list.every((e) => e.used >= keep)) return;
      const kept = list.filter((e) => e.used >= keep);
      if (kept.length) this.entries.set(body, kept);
      else this.entries.delete(body);
    });
    this.headers.forEach((used, header) => {
      if (used >= keep) return;
      this.headers.delete(header);
      this.headerIds.delete(header);
    });
    this.generation++;
  }

  /**
   * memberChunks, with the header part of the members' key replaced by a short id: every member
   * of a block would otherwise hold its own copy of the block's header text in its key.
   */
  private memberChunks(doc: ParsedDocument, chunk: Chunk, outer: string): InternedMembers | undefined {
    const members = memberChunks(doc, chunk, outer);
    if (!members) return undefined;
    let id = this.headerIds.get(members.header);
    const header = id === undefined ? detach(members.header) : members.header;
    if (id === undefined) this.headerIds.set(header, (id = `\u0002${this.nextHeaderId++}`));
    this.headers.set(header, this.generation);
    return { chunks: members.chunks, header: id, headerText: header };
  }

  /**
   * The safety analysis of the whole file in one go, and its results shared out to the chunks
   * (and members) they lie in, so that the next keystroke finds them cached. A chunk's share is
   * what analysing the chunk alone gives: every finding and site belongs to the node it starts
   * in, and shares that leave their chunk are not stored, as on the chunk-by-chunk path.
   */
  private analyseWholeFile(doc: ParsedDocument, ctx: AnalysisContext, chunks: readonly Chunk[]): Analysis {
    this.wholeFile = true;
    this.lastChunks = chunks.length;
    this.cachedChunks = 0;
    const sites = collectUnsafeSites(doc);
    const findings = checkSafety(doc, sites, ctx.safety);
    const rows: Row[] = [];
    this.share(doc, ctx.safety, chunks, '', { findings, sites }, undefined, rows);
    this.sweep();
    this.previous = { text: doc.text, facts: this.facts, rows };
    return assembleAnalysis(doc, ctx, sites, findings);
  }

  /**
   * Stores each chunk's share of `all` (in document order) under its key, members of containers
   * too; `stored` collects the entries stored for `chunks` (a container's entry holds its members').
   */
  private share(doc: ParsedDocument, options: SafetyOptions, chunks: readonly Chunk[], outer: string, all: ChunkFindings, stored?: [string, ChunkResult][], rows?: Row[]): ChunkFindings {
    const findings = groupBy(chunks, all.findings, (f) => f.span.start);
    const sites = groupBy(chunks, all.sites, (s) => s.keyword.start);
    chunks.forEach((chunk, i) => {
      const part = { findings: findings.groups[i]!, sites: sites.groups[i]! };
      const key = this.keyOf(doc, options, chunk, outer, outer !== '' && i === 0);
      const members = this.memberChunks(doc, chunk, outer);
      let kept: StoredMembers | undefined;
      if (members) {
        const entries: [string, ChunkResult][] = [];
        const shell = this.share(doc, options, members.chunks, members.header, part, entries);
        const firstMember = members.chunks[0]!.start;
        // Members are only looked up when the shell's sites come first (see splitContainer); else
        // their entries would never be read.
        if (!shellFirst(shell, firstMember)) for (const m of members.chunks) this.forget(this.keyOf(doc, options, m, members.header, m === members.chunks[0]));
        else kept = { header: members.headerText, entries };
      }
      if (!isExact(chunk, part)) return;
      const pair = this.store(key, chunk.start, part, kept);
      stored?.push(pair);
      rows?.push(rowOf(chunk, key, pair[1]));
    });
    return { findings: findings.rest, sites: sites.rest };
  }

  /**
   * The findings and sites of a chunk no entry matched (`key`): analysed (a large container member
   * by member, see splitContainer) and stored when exact. `outer` keys the enclosing containers of
   * a member. `stored` is the entry the next analysis can find (absent when the result was not exact).
   */
  private missedChunkResult(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, outer: string, key: Key): { result: ChunkFindings; stored?: [string, ChunkResult] } {
    const split = this.splitContainer(doc, options, chunk, outer);
    const fresh = split ?? this.analyseFresh(doc, options, chunk.nodes, chunk.end - chunk.start);
    if (!isExact(chunk, fresh)) return { result: fresh };
    return { result: fresh, stored: this.store(key, chunk.start, fresh, split?.members) };
  }


  /**
   * The chunks no entry matched, analysed in one pass and shared out to them as a whole-file
   * analysis is (see share): a pass has a fixed cost (scans of the whole text), and an edit that
   * upsets the parse around it can leave several neighbours to redo. Should any result start
   * outside every missed chunk, each is analysed on its own instead, as before.
   */
  private analyseMisses(doc: ParsedDocument, options: SafetyOptions, misses: readonly Miss[], results: ChunkPart[], rowsAt: (Row | undefined)[]): void {
    const chunks = misses.map((m) => m.chunk);
    const size = chunks.reduce((n, c) => n + c.end - c.start, 0);
    const pass = this.analyseFresh(doc, options, chunks.flatMap((c) => c.nodes), size, undefined, chunks.length);
    const findings = groupBy(chunks, pass.findings, (f) => f.span.start);
    const sites = groupBy(chunks, pass.sites, (s) => s.keyword.start);
    const alone = findings.rest.length > 0 || sites.rest.length > 0;
    misses.forEach(({ index, chunk, key }, i) => {
      const result = alone ? this.analyseFresh(doc, options, chunk.nodes, chunk.end - chunk.start) : { findings: findings.groups[i]!, sites: sites.groups[i]! };
      results[index] = inPlace(result);
      if (!isExact(chunk, result)) return;
      rowsAt[index] = rowOf(chunk, key, this.store(key, chunk.start, result)[1]);
    });
  }

  /**
   * Marks a hit used and, for a container, its members' entries and header id too: a container
   * found whole never looks its members up, and without this they would expire, so the first
   * keystroke into any of its methods later would re-check every member.
   */
  private carry(entry: ChunkResult): void {
    entry.used = this.generation;
    if (!entry.members) return;
    this.headers.set(entry.members.header, this.generation);
    for (const [, e] of entry.members.entries) this.carry(e);
  }

  /** `size`: the length of the text analysed (for the budget). */
  private analyseFresh(doc: ParsedDocument, options: SafetyOptions, nodes: readonly SyntaxNode[], size: number, skip?: readonly Span[], chunks = 1): ChunkFindings {
    this.freshChars += size;
    if ((this.freshChunks += chunks) > MAX_FRESH_CHUNKS) throw new TooManyMisses();
    this.checkFreshChars(doc, 0);
    this.freshPasses++;
    return analyseChunk(doc, options, nodes, skip);
  }

  /** Leaves for a whole-file analysis once fresh text (with `more` still to come) is over budget. */
  private checkFreshChars(doc: ParsedDocument, more: number): void {
    if (this.freshChars + more > Math.max(MIN_FRESH_BUDGET, doc.text.length * MAX_FRESH_SHARE)) throw new TooManyMisses();
  }

  /** The cache key of a chunk: its text, and everything else its results depend on (see the module comment). */
  private keyOf(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, outer: string, first: boolean): Key {
    const text = doc.text;
    const body = text.slice(chunk.start, chunk.end);
    const { tag, reach } = above(text, chunk, body);
    const expansions = this.expansions(doc, options, chunk, body);
    return { body, reach, expansions, context: `${tag}\u0000${expansions}\u0000${outer}${first ? '\u0001' : ''}` };
  }

  /** Whether each `macro_rules!` defined in the chunk is expanded (a file-wide fact). */
  private expansions(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, body: string): string {
    if (!body.includes('macro_rules')) return '';
    const ctx: RuleContext = { doc, lines: doc.lines, root: doc.root, sites: [], options };
    const expanded = (m: SyntaxNode): boolean => {
      let known = this.expanded.get(m.startIndex);
      if (known === undefined) this.expanded.set(m.startIndex, (known = macroIsExpanded(ctx, m)));
      return known;
    };
    return macrosOf(chunk, body).map((m) => (expanded(m) ? '1' : '0')).join('');
  }

  /**
   * Stores a fresh, exact result under its key; returns the stored key text and entry. Strings
   * are stored as copies (see detach), so the entry holds no version of the document's text.
   */
  private store(key: Key, base: number, part: ChunkFindings, members?: StoredMembers): [string, ChunkResult] {
    const body = detach(key.body);
    const entry: ChunkResult = {
      context: detach(key.context),
      reach: detach(key.reach),
      base,
      used: this.generation,
      findings: part.findings.map(detachStrings),
      sites: part.sites.map(detachStrings),
      ...(members ? { members } : {}),
    };
    this.remember(body, entry);
    return [body, entry];
  }

  /** Stores a fresh result, replacing an older one for the same key. */
  private remember(body: string, result: ChunkResult): void {
    const list = this.entries.get(body);
    if (!list) return void this.entries.set(body, [result]);
    const at = list.findIndex((e) => e.context === result.context && e.reach === result.reach);
    if (at < 0) list.push(result);
    else list[at] = result;
  }

  private forget(key: Key): void {
    const list = this.entries.get(key.body)?.filter((e) => e.context !== key.context || e.reach !== key.reach);
    if (list?.length) this.entries.set(key.body, list);
    else this.entries.delete(key.body);
  }

  /**
   * A chunk ending with an impl, trait or mod block, analysed as its shell (everything outside the
   * member chunks: attributes, header, the block's own site) plus each member chunk looked up on its
   * own, keyed like top-level chunks with the enclosing headers and inner attributes added; the
   * members not found are analysed in one pass with the shell and their shares stored. So a
   * keystroke in one method of a large impl re-checks that method and the header only. Undefined
   * (analyse whole) when the block has no members to split or the shell's sites would not come first.
   */
  private splitContainer(doc: ParsedDocument, options: SafetyOptions, chunk: Chunk, outer: string): (ChunkFindings & { members: StoredMembers }) | undefined {
    const members = this.memberChunks(doc, chunk, outer);
    if (!members) return undefined;
    // Members no entry matches are analysed fresh (see analyseFresh's budget): when an edit has
    // moved much of the file into this block, that is known before every member is keyed.
    let missed = 0;
    const looked = members.chunks.map((member, i) => {
      const key = this.keyOf(doc, options, member, members.header, i === 0);
      const hit = lookUp(this.entries, key);
      if (!hit && !isContainer(member)) this.checkFreshChars(doc, (missed += member.end - member.start));
      return { member, key, hit };
    });
    // Members not found are analysed in the same pass as the shell (each pass has a fixed cost),
    // except blocks, which are split in their turn.
    const nested = new Set(looked.filter((l) => !l.hit && isContainer(l.member)).map((l) => l.member));
    const fresh = looked.filter((l) => !l.hit && !nested.has(l.member)).map((l) => l.member);
    const skip = members.chunks.filter((m) => !fresh.includes(m)).map((m) => ({ start: m.start, end: m.end }));
    const pass = this.analyseFresh(doc, options, chunk.nodes, chunk.end - chunk.start - skip.reduce((n, r) => n + r.end - r.start, 0), skip);
    // As in share: every finding and site belongs to the node it starts in.
    const freshFindings = groupBy(fresh, pass.findings, (f) => f.span.start);
    const freshSites = groupBy(fresh, pass.sites, (s) => s.keyword.start);
    const shell = { findings: freshFindings.rest, sites: freshSites.rest };
    if (!shellFirst(shell, members.chunks[0]!.start)) return undefined;
    const findings: Finding[] = [...shell.findings];
    const sites: UnsafeSite[] = [...shell.sites];
    const entries: [string, ChunkResult][] = [];
    for (const { member, key, hit } of looked) {
      this.lastMembers++;
      let result: ChunkFindings;
      if (hit) {
        this.cachedMembers++;
        this.carry(hit);
        result = placed(hit, member.start);
        entries.push([key.body, hit]);
      } else if (nested.has(member)) {
        const r = this.missedChunkResult(doc, options, member, members.header, key);
        result = r.result;
        if (r.stored) entries.push(r.stored);
      } else {
        const at = fresh.indexOf(member);
        result = { findings: freshFindings.groups[at]!, sites: freshSites.groups[at]! };
        if (isExact(member, result)) {
          entries.push(this.store(key, member.start, result));
        }
      }
      findings.push(...result.findings);
      sites.push(...result.sites);
    }
    return { findings, sites, members: { header: members.headerText, entries } };
  }
}

/**
 * The member chunks of a chunk ending with an impl, trait or mod block: its items, each with the
 * comments and attributes above it, starting on the line after the `{` (which must end its line).
 * Anything after the last member's line (a trailing comment, the `}`) stays in the shell.
 */
function memberChunks(doc: ParsedDocument, chunk: Chunk, outer: string): Members | undefined {
  if (!isContainer(chunk)) return undefined;
  const container = chunk.nodes[chunk.nodes.length - 1]!;
  const list = container.childForFieldName('body');
  if (!list || list.type !== 'declaration_list') return undefined;
  const text = doc.text;
  const open = list.startIndex + 1;
  const nl = text.indexOf('\n', open);
  if (nl < 0 || text.slice(open, nl).trim() !== '') return undefined;
  const chunks = chunksOf(text, list, nl + 1).filter((m) => m.count > 0 && m.end <= list.endIndex && !m.hasCloseBrace);
  if (chunks.length === 0) return undefined;
  return { chunks, header: `${outer}\u0002${text.slice(chunk.start, open)}\u0000${innerAttributes(list).map((a) => a.text).join('\n')}` };
}

/** Whether a chunk ends with a block whose members may be cached one by one (see memberChunks). */
function isContainer(chunk: Chunk): boolean {
  return chunk.lastType !== undefined && CONTAINERS.has(chunk.lastType);
}

/** Whether every site of a container's shell comes before its members, as in a whole-file analysis's order. */
function shellFirst(shell: ChunkFindings, firstMember: number): boolean {
  return shell.sites.every((s) => s.keyword.start < firstMember && s.span.start < firstMember);
}

/** Results may be stored for the chunk's text: no parse errors, nothing outside the chunk. */
function isExact(chunk: Chunk, result: ChunkFindings): boolean {
  return !chunk.nodes.some((n) => n.hasError || n.isMissing) && result.findings.every((f) => findingWithin(f, chunk)) && result.sites.every((s) => siteWithin(s, chunk));
}

/** `items` (in any order) by the chunk their start lies in, keeping their order; `rest` lie in none. */
function groupBy<T>(chunks: readonly Chunk[], items: readonly T[], startOf: (item: T) => number): { groups: T[][]; rest: T[] } {
  const groups = chunks.map((): T[] => []);
  const rest: T[] = [];
  for (const item of items) {
    const at = startOf(item);
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    const chunk = chunks[lo];
    if (chunk && at >= chunk.start && at < chunk.end) groups[lo]!.push(item);
    else rest.push(item);
  }
  return { groups, rest };
}

function analyseChunk(doc: ParsedDocument, options: SafetyOptions, nodes: readonly SyntaxNode[], skip?: readonly Span[]): ChunkFindings {
  const sites = collectUnsafeSites(doc, nodes, skip);
  return { sites, findings: checkSafety(doc, sites, options, nodes, skip) };
}

function rowOf(chunk: Chunk, key: Key, entry: ChunkResult): Row {
  return { start: chunk.start, end: chunk.end, entry, local: key.reach === '', ...(key.body.includes('macro_rules') ? { expansions: key.expansions } : {}) };
}

/**
 * A copy of `s` sharing no memory with the text it was cut from. V8 keeps the whole parent string
 * of a slice alive; a cached finding's message or a key holding a slice of one version of a
 * 5,000-line document would keep that version (hundreds of kB) alive for as long as the entry
 * lives, and every keystroke makes a version. Prepending a character makes a new string (read
 * once, so that V8 copies it into one piece in the young generation), whose slice refers to that
 * string only. Shorter strings are copied by slicing anyway.
 */
function detach(s: string): string {
  if (s.length < 13) return s;
  const copy = ' ' + s;
  copy.charCodeAt(0);
  return copy.slice(1);
}

/**
 * A finding or site (plain data) whose strings that could be slices of the text are detached.
 * Objects and arrays holding none (spans) are shared rather than copied: nothing mutates them.
 */
function detachStrings<T>(value: T): T {
  if (typeof value === 'string') return detach(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const detached = detachStrings(item);
      if (detached !== item) (copy ??= value.slice())[i] = detached;
    }
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const k in record) {
    const item = record[k];
    const detached = detachStrings(item);
    if (detached !== item) (copy ??= { ...record })[k] = detached;
  }
  return (copy ?? value) as T;
}

/** The row starting at `start` (rows are in document order). */
function rowAt(rows: readonly Row[], start: number): Row | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid]!.start;
    if (at === start) return rows[mid];
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Compared a block at a time: an engine string comparison per block, the last block by units. */
const BLOCK = 2048;

/** The longest common prefix and then suffix of two texts (an edit in between). */
function sharedEnds(a: string, b: string): SharedEnds {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + BLOCK <= max && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = max - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && a.slice(a.length - suffix - BLOCK, a.length - suffix) === b.slice(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix, delta: b.length - a.length };
}

/** Items as rustc counts them at the top level (an item-level macro call counts too). */
function isTopLevelItem(type: string): boolean {
  return ITEM_TYPES.has(type) || type === 'macro_invocation';
}

/**
 * Chunks of `parent`'s children from `from` on, in document order; at the top level they cover
 * the whole text. A block's `{` and `}` land in its chunks too (callers of members leave them out).
 */
function chunksOf(text: string, parent: SyntaxNode, from: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = from;
  // The chunk under way: the index of its first child, and what Chunk keeps of its children's types.
  let first = 0;
  let count = 0;
  let lastType: string | undefined;
  let macros = 0;
  let hasCloseBrace = false;
  const cursor = parent.walk();
  try {
    // The cursor reads types and offsets without making a node object per child.
    for (let index = 0, more = cursor.gotoFirstChild(); more; index++, more = cursor.gotoNextSibling()) {
      const endIndex = cursor.endIndex;
      if (from > 0 && endIndex <= from) continue;
      const type = cursor.nodeType;
      if (count === 0) first = index;
      count++;
      lastType = type;
      if (MACROS.has(type)) macros++;
      if (type === '}') hasCloseBrace = true;
      if (!isTopLevelItem(type)) continue;
      // The chunk ends after the item's line, when nothing but blanks follows it there.
      const nl = text.indexOf('\n', endIndex);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      if (!blankBetween(text, endIndex, lineEnd)) continue;
      chunks.push(new Chunk(start, lineEnd, parent, first, count, lastType, macros, hasCloseBrace));
      start = lineEnd;
      count = 0;
      lastType = undefined;
      macros = 0;
      hasCloseBrace = false;
    }
  } finally {
    cursor.delete();
  }
  if (start < text.length || count > 0) chunks.push(new Chunk(start, text.length, parent, first, count, lastType, macros, hasCloseBrace));
  return chunks;
}

/** Whether text[from, to) is all white space, as `trim` sees it, read in place. */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The text above a chunk that its comment scans may read (see the module comment). */
function above(text: string, chunk: Chunk, body: string): { tag: string; reach: string } {
  if (chunk.start === 0) return { tag: 'S', reach: '' };
  const prevStart = text.lastIndexOf('\n', chunk.start - 2) + 1;
  const prevLine = text.slice(prevStart, chunk.start);
  if ((!body.includes('*/') && !prevLine.includes('*/')) || openedWithin(text, prevStart, chunk.end)) return { tag: `L${prevLine}`, reach: '' };
  // A slice, not a concatenation: it shares the document's text instead of copying it into the key.
  for (let at = text.lastIndexOf('/*', chunk.start - 1); at >= 0; at = text.lastIndexOf('/*', at - 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (text.slice(lineStart, at).trim() === '') return { tag: 'B', reach: text.slice(lineStart, chunk.start) };
  }
  return { tag: 'F', reach: text.slice(0, chunk.start) };
}

/**
 * Whether a line opening a block comment lies in [from, to) at or above the first line there
 * holding a comment end: a scan climbing from any line ending a block comment then stops at that
 * line or one below it, so it reads nothing above `from` (`from` starts a line).
 */
function openedWithin(text: string, from: number, to: number): boolean {
  const close = text.indexOf('*/', from);
  if (close < 0 || close >= to) return true;
  const closeLine = text.lastIndexOf('\n', close - 1) + 1;
  for (let at = text.indexOf('/*', from); at >= 0 && at < to; at = text.indexOf('/*', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (lineStart > closeLine) return false;
    if (text.slice(lineStart, at).trim() === '') return true;
  }
  return false;
}

const MACROS: ReadonlySet<string> = new Set(['macro_definition']);

/**
 * The `macro_rules!` definitions in a chunk, in document order. Every one holds the text
 * `macro_rules`, so when the chunk's top-level definitions account for every occurrence of it
 * there are no others and the search through the chunk's nodes is skipped.
 */
function macrosOf(chunk: Chunk, body: string): SyntaxNode[] {
  let mentions = 0;
  for (let at = body.indexOf('macro_rules'); at >= 0; at = body.indexOf('macro_rules', at + 1)) mentions++;
  if (chunk.macros === mentions) return chunk.nodes.filter((n) => MACROS.has(n.type));
  return chunk.nodes.flatMap((n) => nodesOfType(n, MACROS));
}

const within = (s: Span, chunk: Chunk): boolean => s.start >= chunk.start && s.end <= chunk.end;

function findingWithin(f: Finding, chunk: Chunk): boolean {
  return within(f.span, chunk)
    && (f.related ?? []).every((r) => within(r.span, chunk))
    && (f.fixes ?? []).every((fix) => fix.edits.every((e) => within(e.span, chunk)));
}

function siteWithin(s: UnsafeSite, chunk: Chunk): boolean {
  return within(s.span, chunk) && within(s.keyword, chunk) && within(s.reportSpan, chunk) && (!s.documentation || within(s.documentation.span, chunk)) && (!s.body || within(s.body, chunk));
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
    ...(s.body ? { body: shift(s.body, by) } : {}),
  };
}

/** The SAFETY options as a stable string (sets as sorted lists). */
function optionsKey(options: SafetyOptions): string {
  return JSON.stringify(options, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<string>)].sort() : v));
}
