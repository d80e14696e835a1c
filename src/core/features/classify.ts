/**
 * Asks rustc what each candidate name is, in batches: a crate enabling a batch of names is
 * compiled and its diagnostics read (probeDiagnostics.ts). Pass one sorts out unknown and
 * removed names; pass two re-probes the known names in batches that compile cleanly, which
 * confirms their status and yields rustc's own lang/lib split (`-Zmetrics-dir`). A name whose
 * presence breaks compilation (e.g. `staged_api` wants stability attributes) is found by
 * bisecting and probed alone, so it cannot hide its neighbours' answers.
 */
import type { FeatureProbeResult } from '../toolchain';
import { readMetricsLangFeatures, readProbeDiagnostics, type ProbeVerdict } from './probeDiagnostics';
import type { FeatureKind } from './types';

export type Prober = (names: readonly string[]) => Promise<FeatureProbeResult>;

export interface Classified {
  readonly verdict: ProbeVerdict;
  /** rustc's own answer, when the name was probed in a clean compilation; removed gates are lang. */
  readonly kind?: FeatureKind;
}

export interface ClassifyOptions {
  /** Names per compilation in the first pass (mostly unknown names, each costs a diagnostic). */
  readonly batchSize?: number;
  /** Names per compilation in the second pass. */
  readonly cleanBatchSize?: number;
  readonly concurrency?: number;
  readonly onProgress?: (message: string) => void;
}

async function inParallel<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function classifyNames(candidates: readonly string[], probe: Prober, options: ClassifyOptions = {}): Promise<{ result: Map<string, Classified>; problems: string[] }> {
  const { batchSize = 2000, cleanBatchSize = 600, concurrency = 2, onProgress } = options;
  const problems: string[] = [];
  const first = new Map<string, ProbeVerdict>();
  const batches = chunks(candidates, batchSize);
  let done = 0;
  // A diagnostic is positive evidence; silence only means "unstable" when nothing else went
  // wrong, so after an unrelated error the silent names are asked again in smaller crates.
  const ask = async (batch: readonly string[]): Promise<void> => {
    const r = await probe(batch);
    const reading = readProbeDiagnostics(r.source, batch, r.diagnostics);
    const silent = batch.filter((n) => reading.verdicts.get(n)!.status === 'unstable');
    for (const [n, v] of reading.verdicts) first.set(n, v);
    if (!reading.otherErrors.length || batch.length === 1 || !silent.length) return;
    const half = Math.ceil(silent.length / 2);
    if (silent.length === 1) await ask(silent);
    else {
      await ask(silent.slice(0, half));
      await ask(silent.slice(half));
    }
  };
  await inParallel(batches, concurrency, async (batch) => {
    await ask(batch);
    onProgress?.(`classified ${Math.min(++done * batchSize, candidates.length)} of ${candidates.length} candidate names`);
  });

  const result = new Map<string, Classified>();
  const known: string[] = [];
  for (const n of candidates) {
    const v = first.get(n)!;
    if (v.status === 'removed') result.set(n, { verdict: v, kind: 'lang' });
    else if (v.status !== 'unknown') known.push(n);
  }
  onProgress?.(`confirming ${known.length} known names in clean compilations`);

  const confirm = async (batch: readonly string[]): Promise<void> => {
    const r = await probe(batch);
    const reading = readProbeDiagnostics(r.source, batch, r.diagnostics);
    if (r.metrics !== undefined) {
      const lang = readMetricsLangFeatures(r.metrics);
      for (const n of batch) result.set(n, { verdict: reading.verdicts.get(n)!, kind: lang.has(n) ? 'lang' : 'lib' });
      return;
    }
    if (batch.length === 1) {
      // It breaks any crate it is in; rustc's verdict from this lone probe still stands.
      const n = batch[0]!;
      const v = reading.verdicts.get(n)!;
      const why = reading.otherErrors.join('; ') || 'no metrics written';
      if (v.status === 'unknown') return;
      // Silence next to an error is no answer (a keyword, for one, makes the attribute malformed).
      if (v.status === 'unstable') {
        problems.push(`${n}: rustc gave no verdict, only an error (${why}); left out`);
        return;
      }
      result.set(n, { verdict: v });
      problems.push(`${n}: a crate enabling it does not compile (${why}); kind taken from other sources`);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await confirm(batch.slice(0, half));
    await confirm(batch.slice(half));
  };
  await inParallel(chunks(known, cleanBatchSize), concurrency, confirm);
  return { result, problems };
}
