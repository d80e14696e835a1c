/**
 * Reads what rustc said about a feature probe (a crate that only enables a list of features):
 * its `--error-format=json` diagnostics and its `-Zmetrics-dir` feature-usage file. Pure, so the
 * tests run on recorded rustc output.
 */

/** What one rustc said about one name. */
export interface ProbeVerdict {
  readonly status: 'unknown' | 'removed' | 'stable' | 'incomplete' | 'internal' | 'unstable';
  /** Stable or removed version. */
  readonly since?: string;
  /** Why it was removed (rustc's note). */
  readonly reason?: string;
  /** Tracking issue rustc mentioned ("see issue #N"). */
  readonly trackingIssue?: number;
}

export interface ProbeReading {
  /** A verdict for every probed name (no diagnostic = unstable). */
  readonly verdicts: Map<string, ProbeVerdict>;
  /** Errors rustc gave that are not about one feature name (e.g. staged_api's missing stability attribute). */
  readonly otherErrors: string[];
}

interface JsonSpan {
  byte_start: number;
  byte_end: number;
  is_primary: boolean;
}
interface JsonDiagnostic {
  message: string;
  code: { code: string } | null;
  level: string;
  spans: JsonSpan[];
  children: { message: string }[];
}

function isDiagnostic(v: unknown): v is JsonDiagnostic {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.message === 'string' && typeof d.level === 'string' && Array.isArray(d.spans) && Array.isArray(d.children);
}

/** The name a diagnostic points at: its primary span in the probe source (names are ASCII). */
function spannedName(d: JsonDiagnostic, sourceBytes: Buffer): string | undefined {
  const span = d.spans.find((s) => s.is_primary) ?? d.spans[0];
  if (!span || span.byte_end - span.byte_start > 200) return undefined;
  const text = sourceBytes.subarray(span.byte_start, span.byte_end).toString('utf8');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : undefined;
}

const STABLE_RE = /has been (?:stable|partially stabilized) since (\S+?)(?: and |$)/;
/** Library features stabilised in part name their successor ("implied by"). */
const SUCCEEDED_RE = /partially stabilized since \S+ and is succeeded by the feature `([A-Za-z0-9_]+)`/;
const REMOVED_RE = /^removed in (\S+?)(?:;|$)/;
const ISSUE_RE = /see issue #(\d+)/;

export function readProbeDiagnostics(source: string, names: readonly string[], jsonLines: string): ProbeReading {
  const sourceBytes = Buffer.from(source, 'utf8');
  const verdicts = new Map<string, ProbeVerdict>();
  for (const n of names) verdicts.set(n, { status: 'unstable' });
  const otherErrors: string[] = [];
  for (const line of jsonLines.split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isDiagnostic(parsed)) continue;
    const d = parsed;
    const code = d.code?.code;
    const name = spannedName(d, sourceBytes);
    const notes = d.children.map((c) => c.message);
    if (code === 'E0635' && name) verdicts.set(name, { status: 'unknown' });
    else if (code === 'E0557' && name) {
      const removedNote = notes.find((n) => REMOVED_RE.test(n));
      const since = removedNote ? REMOVED_RE.exec(removedNote)![1] : undefined;
      const reason = notes.filter((n) => n !== removedNote).join(' ') || undefined;
      verdicts.set(name, { status: 'removed', since, reason });
    } else if (code === 'stable_features' && name) {
      const successor = SUCCEEDED_RE.exec(d.message)?.[1];
      const since = STABLE_RE.exec(d.message)?.[1];
      verdicts.set(name, successor ? { status: 'stable', since, reason: `partially stabilized; succeeded by the feature \`${successor}\`` } : { status: 'stable', since });
    } else if ((code === 'incomplete_features' || code === 'internal_features') && name) {
      const issue = notes.map((n) => ISSUE_RE.exec(n)?.[1]).find((x) => x !== undefined);
      const status = code === 'incomplete_features' ? 'incomplete' : 'internal';
      verdicts.set(name, issue ? { status, trackingIssue: Number(issue) } : { status });
    } else if (d.level === 'error' && !/^aborting due to/.test(d.message)) {
      otherErrors.push(code ? `${d.message} [${code}]` : d.message);
    }
  }
  return { verdicts, otherErrors };
}

/** Names rustc's feature-usage metrics list as language features (everything else it lists is library). */
export function readMetricsLangFeatures(metricsJson: string): Set<string> {
  const data: unknown = JSON.parse(metricsJson);
  const lang = new Set<string>();
  if (typeof data !== 'object' || data === null) return lang;
  const list = (data as Record<string, unknown>).lang_features;
  if (!Array.isArray(list)) return lang;
  for (const entry of list) {
    const symbol = (entry as Record<string, unknown> | null)?.symbol;
    if (typeof symbol === 'string') lang.add(symbol);
  }
  return lang;
}
