import { readFileSync } from 'node:fs';
import { ContextResolver } from './src/core/context';
import { loadRustParser, ParsedDocument } from './src/core/parser';
import { DEFAULT_SETTINGS } from './src/core/settings';
import { collectSites } from './src/core/safety/inventory';
import { SAFETY_RULES } from './src/core/safety/check';
import { safetyTree } from './src/core/safety/externBlocks';
const file = process.argv[2] ?? '/tmp/perfcorpus/rust/kernel/device_core.rs';
const text = readFileSync(file, 'utf8');
const parser = await loadRustParser();
const ctx = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).contextFor(file);
const acc: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) {
  const doc = new ParsedDocument(parser, text);
  let t0 = performance.now();
  const sites = collectSites(doc, ctx.safety);
  (acc.inv ??= []).push(performance.now() - t0);
  const rc = { doc, lines: doc.lines, root: safetyTree(doc).root, sites, options: ctx.safety };
  for (const rule of SAFETY_RULES) { t0 = performance.now(); rule.check(rc); (acc[rule.code] ??= []).push(performance.now() - t0); }
  doc.dispose();
}
const med = (xs: number[]): number => Math.min(...xs);
console.log(Object.entries(acc).map(([k, v]) => `${k}=${med(v).toFixed(1)}`).join(' '));
