/**
 * Runs the core analysis for open documents and keeps the latest result per URI. Keystrokes are
 * debounced per document; requests (hover, code actions, ...) ask for the current version and get
 * it at once. Every run reads the newest text after its one await, so an analysis superseded by a
 * later edit never publishes stale findings, and a burst of edits costs one incremental parse.
 */
import { analyze, type Analysis, type AnalysisContext } from '../core/analyze';
import type { Fix } from '../core/findings';
import { IncrementalAnalyzer } from '../core/incremental';
import type { ParsedDocument } from '../core/parser';
import { LineIndex, type Span } from '../core/positions';
import type { RflLensSettings } from '../core/settings';
import type { ContextStore } from './contexts';
import { fixKey, toRange } from './convert';
import type { DocumentStore, OpenDocument } from './documents';
import type { SettingsStore } from './settings';
import { unsafeRegionSpans } from './unsafeRegions';

export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  /** The text analysed (spans and `lines` refer to it). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly settings: RflLensSettings;
  /** Absent when the document was skipped. */
  readonly ctx?: AnalysisContext;
  readonly analysis: Analysis;
  /** Why the document was not analysed. */
  readonly skipped?: { readonly reason: 'too-large' | 'failed'; readonly message: string };
  readonly unsafeRegions: readonly Span[];
  /** Fixes by `fixKey(code, range)`, for code actions. */
  readonly fixes: ReadonlyMap<string, readonly Fix[]>;
}

export type AnalysisListener = (result: DocumentAnalysis) => void;

const EMPTY: Analysis = { findings: [], gates: [], unsafeSites: [] };

export class AnalysisService {
  private readonly cache = new Map<string, { readonly result: DocumentAnalysis; readonly generation: number }>();
  private readonly running = new Map<string, Promise<DocumentAnalysis | undefined>>();
  /** Pending analyses, by document: how to cancel each (a timer, or an immediate for a quiet change). */
  private readonly timers = new Map<string, () => void>();
  /** When schedule() was last called per URI (see schedule). */
  private readonly lastScheduled = new Map<string, number>();
  private readonly settleTimers = new Map<string, NodeJS.Timeout>();
  private readonly listeners: AnalysisListener[] = [];
  /** Per-document caches of per-item results: a keystroke re-checks only the item it touched. */
  private readonly incremental = new Map<string, IncrementalAnalyzer>();
  /** Bumped when settings or watched files change: every cached result becomes stale. */
  private generation = 0;

  constructor(
    private readonly documents: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly contexts: ContextStore,
    private readonly debounceMs: number,
    private readonly log: { error(message: string): void },
    /** Idle time after which a broken, incrementally parsed tree is re-parsed from scratch. */
    private readonly settleMs = 300,
  ) {}

  onAnalysis(listener: AnalysisListener): void {
    this.listeners.push(listener);
  }

  /**
   * Analyse soon. A change after a quiet spell (typing: keystrokes come tens of milliseconds
   * apart) is analysed on the next turn of the event loop, with whatever arrived with it; only
   * changes coming within the debounce delay of the previous one (a burst: paste, multi-cursor,
   * replay) wait for the delay, which each of them restarts, so the burst costs one analysis.
   */
  schedule(uri: string): void {
    const now = performance.now();
    const last = this.lastScheduled.get(uri);
    this.lastScheduled.set(uri, now);
    const pending = this.timers.get(uri);
    pending?.();
    const quiet = pending === undefined && (last === undefined || now - last >= this.debounceMs);
    const run = (): void => {
      this.timers.delete(uri);
      this.ensure(uri).catch((e: unknown) => this.log.error(`analysis of ${uri} failed: ${describe(e)}`));
    };
    if (quiet) {
      // Two turns of setImmediate rather than a zero timeout (which Node rounds up to a
      // millisecond): the JSON-RPC reader hands over one message per turn, so the messages that
      // arrived with this one (a burst) are read, and cancel this run, before it starts.
      let immediate = setImmediate(() => {
        immediate = setImmediate(run);
      });
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, this.debounceMs);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  /** The analysis of the document's current version (runs it now when missing or stale). */
  async ensure(uri: string): Promise<DocumentAnalysis | undefined> {
    for (;;) {
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      const cached = this.cache.get(uri);
      if (cached && cached.result.version === doc.version && cached.generation === this.generation) return cached.result;
      let run = this.running.get(uri);
      if (!run) {
        run = this.run(uri).finally(() => this.running.delete(uri));
        this.running.set(uri, run);
      }
      const result = await run;
      // A run that started before a config change may be stale; go round again for a fresh one.
      const now = this.documents.get(uri);
      if (!result || !now || (result.version === now.version && this.cache.get(uri)?.generation === this.generation)) return result;
    }
  }

  /** The last result, whatever its version (for features that may lag, e.g. semantic tokens). */
  latest(uri: string): DocumentAnalysis | undefined {
    return this.cache.get(uri)?.result;
  }

  /** Settings or watched files changed: re-analyse every open document. */
  invalidateAll(): void {
    this.generation++;
    for (const uri of this.documents.uris()) this.schedule(uri);
  }

  forget(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.lastScheduled.delete(uri);
    clearTimeout(this.settleTimers.get(uri));
    this.settleTimers.delete(uri);
    this.cache.delete(uri);
    this.incremental.delete(uri);
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    for (const t of this.settleTimers.values()) clearTimeout(t);
    this.timers.clear();
    this.settleTimers.clear();
  }

  private async run(uri: string): Promise<DocumentAnalysis | undefined> {
    await this.contexts.ready();
    const generation = this.generation;
    const settings = await this.settings.get(uri);
    const before = this.documents.get(uri);
    if (!before) return undefined;
    let result: DocumentAnalysis;
    let parsed: ParsedDocument | undefined;
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: the exact count (a pass over the text on every
    // keystroke) is needed only when the text could be over the limit.
    const size = before.text.length * 3 <= settings.maxFileSize ? 0 : Buffer.byteLength(before.text, 'utf8');
    if (size > settings.maxFileSize) {
      const message = `it is ${size} bytes, over rflLens.maxFileSize (${settings.maxFileSize})`;
      result = this.skippedResult(before, settings, { reason: 'too-large', message });
    } else {
      try {
        parsed = await this.documents.parsed(uri);
      } catch (e) {
        // A parse over its time budget: reported like an analysis failure; the server keeps serving.
        this.log.error(`parsing ${uri} failed: ${describe(e)}`);
      }
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      result = parsed ? this.analyseParsed(doc, parsed, settings) : this.skippedResult(doc, settings, { reason: 'failed', message: 'the document could not be parsed' });
    }
    this.cache.set(uri, { result, generation });
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (e) {
        this.log.error(`analysis listener failed for ${uri}: ${describe(e)}`);
      }
    }
    // Only an incremental tree with errors can differ from a fresh parse; clean ones need no timer.
    clearTimeout(this.settleTimers.get(uri));
    if (parsed?.mayDifferFromFreshParse) this.scheduleSettle(uri, result.version);
    return result;
  }

  /**
   * Once the document has been idle for settleMs, re-parse a broken incremental tree from scratch
   * and, when that tree differs, analyse and publish again: whatever the edit history, the
   * diagnostics the user ends up with are those of a fresh analysis.
   */
  private scheduleSettle(uri: string, version: number): void {
    this.settleTimers.set(
      uri,
      setTimeout(() => {
        this.settleTimers.delete(uri);
        void (async () => {
          const doc = this.documents.get(uri);
          if (!doc || doc.version !== version || this.timers.has(uri)) return;
          const parsed = await this.documents.parsed(uri);
          if (!parsed?.mayDifferFromFreshParse || this.documents.get(uri)?.version !== version) return;
          if (!parsed.settle()) return;
          this.cache.delete(uri);
          await this.ensure(uri);
        })().catch((e: unknown) => this.log.error(`settling ${uri} failed: ${describe(e)}`));
      }, this.settleMs),
    );
  }

  private analyseParsed(doc: OpenDocument, parsed: ParsedDocument, settings: RflLensSettings): DocumentAnalysis {
    try {
      const ctx = this.contexts.contextFor(doc.uri, settings);
      // A document analysed for the first time gets a plain analysis: most open documents are
      // never edited, and per-item caches for them would hold memory for nothing. The first
      // re-analysis (an edit) starts the cache.
      let incremental = this.incremental.get(doc.uri);
      if (!incremental && this.cache.has(doc.uri)) this.incremental.set(doc.uri, (incremental = new IncrementalAnalyzer()));
      const analysis = incremental ? incremental.analyze(parsed, ctx) : analyze(parsed, ctx);
      return new AnalysedDocument(doc.uri, doc.version, parsed.text, parsed.lines, settings, ctx, analysis);
    } catch (e) {
      this.log.error(`analysis of ${doc.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return this.skippedResult(doc, settings, { reason: 'failed', message: `analysis failed: ${describe(e)}` });
    }
  }

  private skippedResult(doc: OpenDocument, settings: RflLensSettings, skipped: DocumentAnalysis['skipped']): DocumentAnalysis {
    return {
      uri: doc.uri,
      version: doc.version,
      text: doc.text,
      lines: this.documents.lines(doc.uri) ?? new LineIndex(doc.text),
      settings,
      analysis: EMPTY,
      skipped,
      unsafeRegions: [],
      fixes: new Map(),
    };
  }
}

/**
 * An analysed document. A class rather than an object literal with a getter: V8 keeps the
 * closure of such a getter (and the text it reaches) alive through young-generation collections,
 * which moved every keystroke's version of the document into the old generation.
 */
class AnalysedDocument implements DocumentAnalysis {
  private fixIndex: ReadonlyMap<string, readonly Fix[]> | undefined;
  private regions: readonly Span[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly lines: LineIndex,
    readonly settings: RflLensSettings,
    readonly ctx: AnalysisContext,
    readonly analysis: Analysis,
  ) {}

  /** Read by the decorations once typing pauses: not worked out for every keystroke's version. */
  get unsafeRegions(): readonly Span[] {
    return (this.regions ??= unsafeRegionSpans(this.analysis.unsafeSites));
  }

  /** Only code actions read the fixes: worked out on the first request, not on every keystroke. */
  get fixes(): ReadonlyMap<string, readonly Fix[]> {
    return (this.fixIndex ??= fixesByKey(this.analysis, this.lines));
  }
}

/** The fixes of `analysis` by the key of the diagnostic they belong to. */
function fixesByKey(analysis: Analysis, lines: LineIndex): ReadonlyMap<string, readonly Fix[]> {
  const fixes = new Map<string, readonly Fix[]>();
  for (const f of analysis.findings) {
    if (!f.fixes?.length) continue;
    const key = fixKey(f.code, toRange(lines, f.span));
    fixes.set(key, [...(fixes.get(key) ?? []), ...f.fixes]);
  }
  return fixes;
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
