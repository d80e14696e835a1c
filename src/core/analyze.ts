/**
 * One file's analysis: feature gates, unsafe inventory and SAFETY rules over a parsed document.
 * Pure and synchronous: the callers (CLI, server, report) own I/O, caching and scheduling.
 */
import { ALL_CODES, codeInfo, type Code } from './codes';
import { checkGates } from './features/checkGates';
import { extractGates } from './features/gates';
import type { FeatureDatabase, Gate } from './features/types';
import type { Finding } from './findings';
import { checkAllowList } from './kernel/allowList';
import type { KernelFileContext } from './kernel/types';
import type { ParsedDocument } from './parser';
import { checkSafety } from './safety/check';
import { collectUnsafeSites } from './safety/inventory';
import type { SafetyOptions, UnsafeSite } from './safety/types';
import type { SeverityOverride } from './settings';

// Findings at the same span are ordered by code as `localeCompare` orders the names; the ranks
// are computed once, the sort runs for every analysis.
const CODE_RANKS = new Map([...ALL_CODES].sort((a, b) => a.localeCompare(b)).map((c, i) => [c, i]));
const codeRank = (code: Code): number => CODE_RANKS.get(code) ?? CODE_RANKS.size;

export interface AnalysisContext {
  readonly db: FeatureDatabase;
  /** Toolchain (X.Y.Z) at which gates are judged: the tree's minimum rustc, a setting, or the database's. */
  readonly toolchain: string;
  /** Why that toolchain, for messages ("minimum rustc of this kernel tree"). */
  readonly toolchainOrigin: string;
  readonly safety: SafetyOptions;
  readonly kernel?: KernelFileContext;
  readonly severity?: Partial<Record<Code, SeverityOverride>>;
}

export interface Analysis {
  readonly findings: readonly Finding[];
  readonly gates: readonly Gate[];
  readonly unsafeSites: readonly UnsafeSite[];
}

export function analyze(doc: ParsedDocument, ctx: AnalysisContext): Analysis {
  const unsafeSites = collectUnsafeSites(doc);
  return assembleAnalysis(doc, ctx, unsafeSites, checkSafety(doc, unsafeSites, ctx.safety));
}

/**
 * The feature-gate checks joined with SAFETY results computed by the caller (whole file, or
 * per item by incremental analysis), severity settings applied, in document order.
 */
export function assembleAnalysis(doc: ParsedDocument, ctx: AnalysisContext, unsafeSites: readonly UnsafeSite[] | SiteList, safety: readonly Finding[]): Analysis {
  const gates = extractGates(doc.root);
  const raw = [
    ...checkGates(gates, { db: ctx.db, toolchain: ctx.toolchain, toolchainOrigin: ctx.toolchainOrigin, text: doc.text, kernel: ctx.kernel }),
    ...(ctx.kernel ? checkAllowList(gates, { db: ctx.db, toolchain: ctx.toolchain, text: doc.text, kernel: ctx.kernel }) : []),
    ...safety,
  ];
  const findings: Finding[] = [];
  for (const f of raw) {
    const override = ctx.severity?.[f.code];
    if (override === 'off') continue;
    findings.push(override && override !== codeInfo(f.code).severity ? { ...f, severity: override } : f);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || codeRank(a.code) - codeRank(b.code));
  return Array.isArray(unsafeSites) ? { findings, gates, unsafeSites } : new AnalysisWithSiteList(findings, gates, unsafeSites as SiteList);
}

/** Unsafe sites put together only when read (see IncrementalAnalyzer: most keystrokes never read them). */
export interface SiteList {
  sites(): readonly UnsafeSite[];
}

/** An analysis whose sites come from a SiteList on first read. A class, not a getter closure, so it holds only the list. */
class AnalysisWithSiteList implements Analysis {
  private made: readonly UnsafeSite[] | undefined;

  constructor(
    readonly findings: readonly Finding[],
    readonly gates: readonly Gate[],
    private readonly list: SiteList,
  ) {}

  get unsafeSites(): readonly UnsafeSite[] {
    return (this.made ??= this.list.sites());
  }
}
