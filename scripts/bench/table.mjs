// Plain-text tables for the benchmark's console output (right-aligned numbers, left-aligned text).

/** @param {string} title @param {string[]} header @param {(string|number)[][]} rows */
export function table(title, header, rows) {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === 'number' || /^[\d.,]+( ?[a-zA-Z/%x]+)?$/.test(String(r[i]))));
  const line = (r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [`${title}`, line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line), ''].join('\n');
}

/** Numbers with a sensible number of decimals for timings and sizes. */
export function fmt(n) {
  if (n === undefined || Number.isNaN(n)) return 'n/a';
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return n.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}
