import { readFileSync } from 'node:fs';
import { analyze } from './src/core/analyze';
import { ContextResolver } from './src/core/context';
import { loadRustParser, ParsedDocument } from './src/core/parser';
import { DEFAULT_SETTINGS } from './src/core/settings';
import { extractGates } from './src/core/features/gates';
import { collectUnsafeSites } from './src/core/safety/inventory';
import { checkSafety } from './src/core/safety/check';

const file = process.argv[2] ?? '/tmp/perfcorpus/rust/kernel/device_core.rs';
const runs = Number(process.argv[3] ?? 10);
const text = readFileSync(file, 'utf8');
const parser = await loadRustParser();
const ctx = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).contextFor(file);
const t = (f: () => unknown): number => { const t0 = performance.now(); f(); return performance.now() - t0; };
const rows: Record<string, number[]> = { parse: [], full: [], gates: [], inv: [], safety: [] };
let n = 0;
for (let r = 0; r < runs; r++) {
  rows.parse!.push(t(() => parser.parse(text)!.delete()));
  let doc!: ParsedDocument;
  rows.full!.push(t(() => { doc = new ParsedDocument(parser, text); n = analyze(doc, ctx).findings.length; }));
  doc.dispose();
  const d2 = new ParsedDocument(parser, text);
  rows.gates!.push(t(() => extractGates(d2.root)));
  let sites: ReturnType<typeof collectUnsafeSites> = [];
  rows.inv!.push(t(() => { sites = collectUnsafeSites(d2); }));
  rows.safety!.push(t(() => checkSafety(d2, sites, ctx.safety)));
  d2.dispose();
}
const med = (xs: number[]): number => Math.min(...xs);
console.log(Object.entries(rows).map(([k, v]) => `${k}=${med(v).toFixed(1)}`).join(' '), 'findings', n);
