#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR`): the functions with the most
// self time, and the most inclusive time, with their source location. Source maps are not
// applied: the bench bundles keep function names, which is enough to find the code.
//   node scripts/bench/profile-summary.mjs FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @returns {{ self: Map<string, number>, total: Map<string, number>, ms: number }} */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const hits = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + dt);
  }
  const self = new Map();
  const total = new Map();
  let ms = 0;
  for (const [id, t] of hits) {
    ms += t;
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + t);
    // Count each function once per stack, however deep the recursion.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + t);
    }
  }
  return { self, total, ms };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
  if (!file) {
    console.error('usage: profile-summary.mjs FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  const { self, total, ms } = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const show = (title, map) => {
    console.log(`${title} (of ${ms.toFixed(0)} ms sampled)`);
    for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${t.toFixed(0).padStart(8)} ms ${((100 * t) / ms).toFixed(1).padStart(5)}%  ${name}`);
    }
    console.log('');
  };
  show('self time', self);
  show('inclusive time', total);
}
