/**
 * The report as Markdown that reads well both rendered (GitHub comment) and as plain text pasted
 * into a mailing-list reply: short tables, no HTML, paths and names in backticks.
 */
import { codeInfo, type Code } from '../codes';
import { formatBytes } from '../files';
import type { GateAdvice, ReportGate, ReportModel } from './model';

const ADVICE: Record<GateAdvice, string> = {
  'drop-now': 'drop now',
  'drop-at-bump': 'drop at next bump',
  needed: 'needed',
  broken: 'error',
};

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = fence.length > 1 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string[] {
  const sep = head.map((_, i) => (numeric[i] ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

const n = (v: number): string => v.toLocaleString('en-US');
const pct = (p: number): string => `${p.toFixed(1)} %`;

export function renderMarkdown(model: ReportModel): string {
  const s = model.summary;
  const t = s.toolchain;
  const out: string[] = [];
  out.push('## RFL Lens workspace report', '');
  // Root names only: a local absolute path is noise in a mailing-list reply.
  out.push(`${n(s.files)} files, ${n(s.lines)} lines (${formatBytes(s.bytes)}) in ${model.roots.map((r) => code(baseName(r))).join(', ')}.`, '');
  out.push(`- Minimum toolchain: rustc ${t.minimum}, ${t.minimumOrigin}`);
  out.push(`- Newest toolchain: rustc ${t.database}, feature database (${t.databaseSource})`, '');

  out.push('### Summary', '');
  out.push(
    ...table(
      ['', 'Count'],
      [
        ['Unsafe sites', n(s.unsafe.sites)],
        ['Documented (SAFETY comment or `# Safety` section)', `${n(s.unsafe.documented)} (${pct(s.unsafe.percent)})`],
        ['`SAFETY: TODO` placeholders', n(s.placeholders)],
        ['Feature gates', `${n(model.gates.length)} (${n(model.gates.reduce((a, g) => a + g.count, 0))} uses)`],
      ],
      [false, true],
    ),
    '',
  );
  const codes = (Object.entries(s.findingsByCode) as [Code, number][]).filter(([, c]) => c > 0);
  if (codes.length) {
    out.push(...table(['Diagnostic', 'Severity', 'Count'], codes.map(([c, v]) => [code(c), codeInfo(c).severity, n(v)]), [false, false, true]), '');
  } else out.push('No findings.', '');

  out.push('### Feature gates', '');
  if (!model.gates.length) out.push('No `#![feature(...)]` gates used.', '');
  else {
    const now = model.gates.filter((g) => g.advice === 'drop-now');
    const bump = model.gates.filter((g) => g.advice === 'drop-at-bump');
    if (now.length) out.push(`Can be dropped now (stable at rustc ${t.minimum}): ${now.map((g) => code(g.name)).join(', ')}.`, '');
    if (bump.length) out.push(`Can be dropped when the minimum rustc is raised: ${bump.map((g) => `${code(g.name)} (stable since ${g.since})`).join(', ')}.`, '');
    const kernel = model.gates.some((g) => g.allowListed !== undefined);
    const head = ['Feature', `At ${t.minimum}`, `At ${t.database}`, 'Since', ...(kernel ? ['Allow-list'] : []), 'Advice', 'Uses'];
    const rows = model.gates.map((g) => [
      code(g.name),
      g.statusAtMinimum,
      g.statusAtDatabase,
      g.since ?? '–',
      ...(kernel ? [g.allowListed === undefined ? '–' : g.allowListed ? 'yes' : 'no'] : []),
      ADVICE[g.advice],
      usesCell(g),
    ]);
    out.push(...table(head, rows), '');
  }

  out.push('### SAFETY coverage by directory', '');
  const dirs = model.directories.filter((d) => d.sites > 0 || d.findings > 0);
  if (!dirs.length) out.push('No unsafe code found.', '');
  else
    out.push(
      ...table(
        ['Directory', 'Unsafe', 'Documented', 'Coverage', 'Findings'],
        dirs.map((d) => [code(d.directory), n(d.sites), n(d.documented), d.sites ? pct(d.percent) : '–', n(d.findings)]),
        [false, true, true, true, true],
      ),
      '',
    );

  out.push(`### SAFETY findings (${n(model.findings.length)})`, '');
  if (!model.findings.length) out.push('None.', '');
  let dir: string | undefined;
  for (const f of model.findings) {
    if (f.directory !== dir) {
      if (dir !== undefined) out.push('');
      dir = f.directory;
      out.push(`${code(dir)}:`, '');
    }
    out.push(`- ${code(`${f.file}:${f.line}:${f.column}`)} ${f.code}: ${escapeInline(f.message)}`);
  }
  if (model.findings.length) out.push('');

  if (model.skipped.length || model.problems.length) {
    out.push('### Not analysed', '');
    for (const sk of model.skipped) out.push(`- ${code(sk.path)}: ${escapeInline(sk.reason)}`);
    for (const p of model.problems) out.push(`- ${escapeInline(p)}`);
    out.push('');
  }
  out.push(`_Generated by rfl-lens ${model.tool} on ${model.generatedAt}._`);
  return `${out.join('\n')}\n`;
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts.at(-1) ?? p;
}

/** At most three locations, then a count, so a much-used gate keeps its row readable. */
function usesCell(g: ReportGate): string {
  const shown = g.uses.slice(0, 3).map((u) => code(`${u.file}:${u.line}`));
  return g.uses.length > 3 ? `${shown.join(', ')} and ${g.uses.length - 3} more` : shown.join(', ');
}

/** Keeps `<T>` and the like from being taken for HTML when rendered; plain text stays readable. */
function escapeInline(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/</g, '\\<');
}
