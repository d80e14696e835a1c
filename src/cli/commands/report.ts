/**
 * `rfl-lens report [PATH] [--format md|html|json] [-o FILE]`: the workspace report (summary,
 * feature gates, SAFETY coverage and findings). Markdown to stdout by default; progress goes to
 * stderr only when it is a terminal, so redirected output stays clean. Exit 0 when the report was
 * written (findings do not fail it; that is `check`'s job), 2 on usage or input errors.
 */
import { writeFileSync } from 'node:fs';
import { ContextResolver } from '../../core/context';
import { generateReport } from '../../core/report/generate';
import { renderHtml } from '../../core/report/renderHtml';
import { renderJson } from '../../core/report/renderJson';
import { renderMarkdown } from '../../core/report/renderMarkdown';
import { defaultWorkerCount } from '../../core/report/scan';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { analysisSetup, ANALYSIS_OPTION_HELP, ANALYSIS_OPTION_SPEC, databaseUsable } from '../analysisOptions';
import { parseArgs, single } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';

const HELP = `usage: rfl-lens report [PATH...] [options]

The workspace report: files scanned, toolchain range, feature gates and when they can go,
SAFETY coverage per directory and every SAFETY finding.

options:
  --format md|html|json      output format (default md)
  -o, --output FILE          write the report to FILE instead of stdout
  --jobs N                   threads analysing files: this one and N-1 workers
                             (default ${defaultWorkerCount()}; 1 = no workers)
${ANALYSIS_OPTION_HELP}
Always left out: ${DEFAULT_SETTINGS.report.exclude.join(' ')}
`;

const SPEC = {
  format: { value: true },
  output: { value: true, short: 'o' },
  ...ANALYSIS_OPTION_SPEC,
  jobs: { value: true, short: 'j' },
  help: { short: 'h' },
} as const;

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

declare const RFL_LENS_VERSION: string | undefined;

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('help')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const format = (single(args, 'format') ?? 'md') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be md, html or json, not '${format}'`);
  const jobsRaw = single(args, 'jobs');
  const jobs = jobsRaw === undefined ? undefined : Number(jobsRaw);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0 && jobs <= 64)) throw new UsageError('--jobs expects a number of threads from 1 to 64');

  const setup = await analysisSetup(args, io);
  const { settings, defaultToolchain } = setup;
  const resolveArg = setup.resolve;
  const exclude = setup.exclude;
  if (settings.databasePath && !databaseUsable(setup, new ContextResolver({ settings, trusted: true }), io, 'report')) return EXIT_USAGE;

  const targets = args.positionals.length ? args.positionals : ['.'];
  let total = 0;
  const progress = io.stderrIsTTY ? (done: number): void => io.err(`\rrfl-lens report: ${done}/${total} files`) : undefined;
  const { model } = await generateReport(targets.map(resolveArg), {
    settings,
    trusted: true,
    defaultToolchain,
    exclude: [...settings.report.exclude, ...(exclude ?? [])],
    workers: jobs,
    tool: typeof RFL_LENS_VERSION === 'string' ? RFL_LENS_VERSION : 'dev',
    onFiles: (n) => (total = n),
    onProgress: progress,
  });
  if (progress) io.err('\n');
  const missing = model.problems.filter((p) => targets.some((t) => p.startsWith(`${resolveArg(t)}:`)));
  if (missing.length) {
    for (const p of missing) io.err(`rfl-lens report: ${p}\n`);
    return EXIT_USAGE;
  }

  const text = format === 'json' ? renderJson(model) : format === 'html' ? renderHtml(model) : renderMarkdown(model);
  const output = single(args, 'output');
  if (output) {
    writeFileSync(resolveArg(output), text);
    if (io.stderrIsTTY) io.err(`rfl-lens report: wrote ${output}\n`);
  } else io.out(text);
  return EXIT_OK;
}
