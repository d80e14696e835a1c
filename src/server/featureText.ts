/**
 * How a feature gate reads in the editor: the short status label (inlay hints, completion details,
 * semantic token modifier) and the Markdown explanation (hover, completion documentation), both
 * judged at the toolchain of the document's context.
 */
import type { AnalysisContext } from '../core/analyze';
import { normalizeVersion } from '../core/context';
import type { LocalFeatureDocs } from '../core/features/localDocs';
import type { FeatureDatabase, FeatureRecord, ResolvedFeature, ResolvedStatus } from '../core/features/types';

export interface FeatureView {
  readonly name: string;
  readonly status: ResolvedStatus;
  readonly record?: FeatureRecord;
  /** Short label, e.g. `stable 1.82.0`, `unstable until 1.87.0`, `removed 1.63.0`, `unknown`. */
  readonly label: string;
}

/** The facts `featureView`/`featureMarkdown` need from a context. */
export type GateContext = Pick<AnalysisContext, 'db' | 'toolchain' | 'toolchainOrigin' | 'kernel'>;

export function featureView(db: FeatureDatabase, name: string, toolchain: string): FeatureView {
  const resolved: ResolvedFeature = db.resolve(name, toolchain);
  return { name, status: resolved.status, record: resolved.record, label: statusLabel(resolved) };
}

function statusLabel({ status, record }: ResolvedFeature): string {
  const since = record?.since;
  switch (status) {
    case 'stable':
      return since ? `stable ${since}` : 'stable';
    case 'removed':
      return since ? `removed ${since}` : 'removed';
    case 'unknown':
      return 'unknown';
    default:
      // Judged at an older toolchain than the database's: say when that changes.
      if (record?.status === 'stable' && since) return `${status} until ${since}`;
      if (record?.status === 'removed' && since) return `${status}, removed ${since}`;
      return status;
  }
}

const KIND_TEXT = { lang: 'language feature', lib: 'library feature' } as const;

/** The hover / completion documentation for a feature name; `docs` adds the summary from the user's own unstable book. */
export function featureMarkdown(ctx: GateContext, name: string, docs?: LocalFeatureDocs): string {
  const view = featureView(ctx.db, name, ctx.toolchain);
  const r = view.record;
  const parts: string[] = [];
  parts.push(`**\`${name}\`**${r ? ` · ${KIND_TEXT[r.kind]}` : ''}`);
  parts.push(`${statusSentence(view, ctx)}`);
  if (r?.reason && r.status === 'removed') parts.push(`Removed because: ${r.reason}`);
  const summary = r?.description ?? (r ? docs?.summary(name, r.kind) : undefined);
  if (summary) parts.push(summary);
  const links = linkLine(r);
  if (links) parts.push(links);
  const kernel = kernelLine(r);
  if (kernel) parts.push(kernel);
  parts.push(`_Feature database: rustc ${ctx.db.meta.rustc} (${ctx.db.source})._`);
  return parts.join('\n\n');
}

function atToolchain(ctx: GateContext): string {
  const minimum = ctx.kernel?.facts.minRustc;
  if (minimum && normalizeVersion(minimum) === ctx.toolchain) return `this tree supports rustc ${ctx.toolchain}`;
  return `judged at rustc ${ctx.toolchain} (${ctx.toolchainOrigin})`;
}

function statusSentence(view: FeatureView, ctx: GateContext): string {
  const r = view.record;
  const since = r?.since;
  switch (view.status) {
    case 'unknown':
      return `**unknown** — rustc ${ctx.db.meta.rustc} knows no feature of this name (error E0635).`;
    case 'stable':
      return `**stable** since ${since ?? 'an earlier release'} — the gate is no longer needed: ${atToolchain(ctx)}.`;
    case 'removed':
      return `**removed** in ${since ?? 'an earlier release'} — the gate is an error (E0557): ${atToolchain(ctx)}.`;
    default: {
      const what = view.status === 'unstable' ? '**unstable**' : `**unstable** (${view.status})`;
      if (r?.status === 'stable' && since) return `${what} — stable since ${since} — still needed: ${atToolchain(ctx)}.`;
      if (r?.status === 'removed' && since) return `${what} — removed in ${since}: ${atToolchain(ctx)}.`;
      return `${what}: ${atToolchain(ctx)}.`;
    }
  }
}

function linkLine(r: FeatureRecord | undefined): string | undefined {
  if (!r) return undefined;
  const links: string[] = [];
  if (r.links.trackingIssue) links.push(`[tracking issue${r.trackingIssue ? ` #${r.trackingIssue}` : ''}](${r.links.trackingIssue})`);
  if (r.links.unstableBook) links.push(`[Unstable Book](${r.links.unstableBook})`);
  if (r.links.release) links.push(`[release notes${r.since ? ` ${r.since}` : ''}](${r.links.release})`);
  return links.length ? links.join(' · ') : undefined;
}

function kernelLine(r: FeatureRecord | undefined): string | undefined {
  const k = r?.kernel;
  if (!k) return undefined;
  const bits: string[] = [];
  if (k.note) bits.push(k.note);
  if (k.expectation) bits.push(`Expectation: ${k.expectation}.`);
  if (k.allowed !== undefined) bits.push(k.allowed ? 'On the kernel allow-list (usable outside `rust/`).' : 'Not on the kernel allow-list (only `rust/` may use it).');
  if (k.droppedIn) bits.push(`The kernel stopped using it in ${k.droppedIn}.`);
  if (k.links?.length) bits.push(k.links.map((l) => `[${linkLabel(l)}](${l})`).join(' · '));
  return bits.length ? `**Linux kernel:** ${bits.join(' ')}` : undefined;
}

/** `owner/repo#N` for a GitHub issue or pull request, else the address without its scheme. */
function linkLabel(url: string): string {
  const gh = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(url);
  return gh ? `${gh[1]}#${gh[2]}` : url.replace(/^https?:\/\//, '');
}
