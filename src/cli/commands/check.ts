/**
 * `rfl-lens check [PATH...]`: SAFETY and feature-gate findings for files and directories, as text,
 * JSON or SARIF. Exit 0 when nothing at warning or above, 1 when there are such findings, 2 on
 * usage or input errors. Unreadable, binary and non-UTF-8 files are reported and skipped.
 */
import path from 'node:path';
import { analyze } from '../../core/analyze';
import { SEVERITY_RANK } from '../../core/codes';
import { ContextResolver } from '../../core/context';
import { collectRustFiles, readSourceFile } from '../../core/files';
import { loadRustParser, ParsedDocument, ParseTimeoutError } from '../../core/parser';
import { analysisSetup, ANALYSIS_OPTION_HELP, ANALYSIS_OPTION_SPEC, databaseUsable } from '../analysisOptions';
import { parseArgs, single } from '../args';
import { formatJson, summarize } from '../format/json';
import { locate, type LocatedFinding, type SkippedFile } from '../format/located';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';

const HELP = `usage: rfl-lens check [PATH...] [options]

Checks Rust files (directories are searched recursively for *.rs, skipping target/ and .git/).

options:
  --format text|json|sarif   output format (default text)
${ANALYSIS_OPTION_HELP}`;

const SPEC = {
  format: { value: true },
  ...ANALYSIS_OPTION_SPEC,
  help: { short: 'h' },
} as const;

declare const RFL_LENS_VERSION: string | undefined;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('help')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const format = single(args, 'format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  const setup = await analysisSetup(args, io);
  const { settings } = setup;
  const resolver = new ContextResolver({ settings, trusted: true, defaultToolchain: setup.defaultToolchain });
  if (!databaseUsable(setup, resolver, io, 'check')) return EXIT_USAGE;

  const targets = args.positionals.length ? args.positionals : ['.'];
  const collected = collectRustFiles(targets.map(setup.resolve), { exclude: setup.exclude });
  if (collected.problems.length) {
    for (const p of collected.problems) io.err(`rfl-lens check: ${path.relative(io.cwd, p.path) || p.path}: ${p.reason}\n`);
    return EXIT_USAGE;
  }

  const parser = await loadRustParser();
  const findings: LocatedFinding[] = [];
  const skipped: SkippedFile[] = [];
  const toolchains = new Set<string>();
  for (const file of collected.files) {
    const rel = relativeTo(io.cwd, file);
    const read = readSourceFile(file, settings.maxFileSize);
    if (read.kind === 'skipped') {
      skipped.push({ file: rel, reason: read.reason });
      continue;
    }
    let doc: ParsedDocument;
    try {
      doc = new ParsedDocument(parser, read.text);
    } catch (e) {
      skipped.push({ file: rel, reason: e instanceof ParseTimeoutError ? e.message : `cannot parse: ${String(e)}` });
      continue;
    }
    try {
      const ctx = resolver.contextFor(file);
      toolchains.add(ctx.toolchain);
      for (const f of analyze(doc, ctx).findings) findings.push(locate(rel, doc.lines, f));
    } finally {
      doc.dispose();
    }
  }
  for (const p of resolver.takeProblems()) io.err(`rfl-lens check: ${p}\n`);
  for (const s of skipped) io.err(`rfl-lens check: ${s.file}: skipped: ${s.reason}\n`);

  const toolchain = toolchains.size === 1 ? [...toolchains][0] : undefined;
  if (format === 'json') io.out(formatJson(findings, skipped, summarize(collected.files.length - skipped.length, skipped, findings, toolchain)));
  else if (format === 'sarif') io.out(formatSarif(findings, skipped, typeof RFL_LENS_VERSION === 'string' ? RFL_LENS_VERSION : 'dev'));
  else io.out(formatText(findings));

  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning) ? EXIT_FINDINGS : EXIT_OK;
}

function relativeTo(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}
