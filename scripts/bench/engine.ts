/**
 * The in-process half of the benchmark, bundled by scripts/bench/bundle.mjs exactly as the
 * shipped bundles are built, and run in a fresh process per measurement:
 *   node bench-engine.js analysis DIR --runs N   parse only vs. full analysis, per file
 *   node bench-engine.js report DIR --runs N --workers 1,2   workspace report wall time
 * Prints one JSON object on the last line of stdout.
 */
import { analyze } from '../../src/core/analyze';
import { ContextResolver } from '../../src/core/context';
import { collectRustFiles, readSourceFile } from '../../src/core/files';
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { generateReport } from '../../src/core/report/generate';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

interface Source {
  readonly file: string;
  readonly text: string;
  readonly bytes: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function readCorpus(dir: string): Source[] {
  const sources: Source[] = [];
  for (const file of collectRustFiles([dir]).files) {
    const read = readSourceFile(file, DEFAULT_SETTINGS.maxFileSize);
    if (read.kind === 'ok') sources.push({ file, text: read.text, bytes: read.bytes });
  }
  return sources;
}

/** Parse-only and full-analysis time per file; the contexts are resolved before timing starts. */
async function benchAnalysis(dir: string, runs: number): Promise<unknown> {
  const sources = readCorpus(dir);
  const parser = await loadRustParser();
  const resolver = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true });
  const contexts = sources.map((s) => resolver.contextFor(s.file));
  const parseMs: number[][] = sources.map(() => []);
  const fullMs: number[][] = sources.map(() => []);
  let findings = 0;
  let unsafeSites = 0;
  let gates = 0;

  const parseOnly = (i: number): number => {
    const t0 = performance.now();
    const tree = parser.parse(sources[i]!.text);
    const t = performance.now() - t0;
    tree.delete();
    return t;
  };
  const full = (i: number, count: boolean): number => {
    const t0 = performance.now();
    const doc = new ParsedDocument(parser, sources[i]!.text);
    const result = analyze(doc, contexts[i]!);
    const t = performance.now() - t0;
    doc.dispose();
    if (count) {
      findings += result.findings.length;
      unsafeSites += result.unsafeSites.length;
      gates += result.gates.length;
    }
    return t;
  };

  // One warm-up pass of each, then alternate the order per run so neither side always runs hot.
  for (let i = 0; i < sources.length; i++) {
    parseOnly(i);
    full(i, true);
  }
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < sources.length; i++) {
      if (run % 2) {
        fullMs[i]!.push(full(i, false));
        parseMs[i]!.push(parseOnly(i));
      } else {
        parseMs[i]!.push(parseOnly(i));
        fullMs[i]!.push(full(i, false));
      }
    }
  }

  const perFile = sources.map((s, i) => ({ file: s.file, bytes: s.bytes, parseMs: median(parseMs[i]!), fullMs: median(fullMs[i]!) }));
  const totals = (pick: (i: number, run: number) => number): number[] =>
    Array.from({ length: runs }, (_, run) => sources.reduce((sum, _s, i) => sum + pick(i, run), 0));
  const parseTotal = median(totals((i, run) => parseMs[i]![run]!));
  const fullTotal = median(totals((i, run) => fullMs[i]![run]!));
  const bytes = sources.reduce((s, f) => s + f.bytes, 0);
  const ratios = perFile.map((f) => f.fullMs / f.parseMs);
  const largest = perFile.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const worst = perFile.reduce((a, b) => (b.fullMs - b.parseMs > a.fullMs - a.parseMs ? b : a));
  return {
    files: sources.length,
    bytes,
    runs,
    parseMs: parseTotal,
    fullMs: fullTotal,
    parseMBs: bytes / 1e6 / (parseTotal / 1000),
    fullMBs: bytes / 1e6 / (fullTotal / 1000),
    ratio: fullTotal / parseTotal,
    perFileRatioMedian: median(ratios),
    perFileRatioMax: Math.max(...ratios),
    largest,
    mostAnalysisTime: worst,
    findings,
    unsafeSites,
    gates,
  };
}

/**
 * generateReport wall time (collect, scan, build) for each thread count: 1 = this thread only,
 * N = this thread and N-1 worker threads.
 */
async function benchReport(dir: string, runs: number, workerCounts: readonly number[]): Promise<unknown> {
  const bytes = readCorpus(dir).reduce((s, f) => s + f.bytes, 0);
  const rows = [];
  for (const workers of workerCounts) {
    const times: number[] = [];
    let files = 0;
    let used = 0;
    let threads = 0;
    for (let run = 0; run < runs + 1; run++) {
      const t0 = performance.now();
      const out = await generateReport([dir], { settings: DEFAULT_SETTINGS, trusted: true, tool: 'bench', workers, parallelThreshold: 0 });
      const t = performance.now() - t0;
      if (run > 0) times.push(t);
      files = out.model.files.length;
      used = out.workers;
      threads = out.threads;
    }
    const ms = median(times);
    rows.push({ workers, workersUsed: used, threads, files, ms, MBs: bytes / 1e6 / (ms / 1000) });
  }
  return { bytes, runs, rows };
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const [mode, dir] = argv;
  const runs = Number(option(argv, '--runs') ?? 5);
  if (!dir || !(runs > 0)) throw new Error('usage: bench-engine.js analysis|report DIR [--runs N] [--workers 1,2]');
  let result: unknown;
  if (mode === 'analysis') result = await benchAnalysis(dir, runs);
  else if (mode === 'report') result = await benchReport(dir, runs, (option(argv, '--workers') ?? '1,2').split(',').map(Number));
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench-engine: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
