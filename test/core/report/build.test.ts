import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { ALL_CODES, codeInfo, type Code } from '../../../src/core/codes';
import { ContextResolver } from '../../../src/core/context';
import { collectRustFiles, readSourceFile } from '../../../src/core/files';
import { loadRustParser, ParsedDocument } from '../../../src/core/parser';
import { buildReport, compareVersions, gateAdvice, percent } from '../../../src/core/report/build';
import { generateReport } from '../../../src/core/report/generate';
import type { ReportModel } from '../../../src/core/report/model';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'report-tree');
const OPTIONS = { settings: DEFAULT_SETTINGS, trusted: true, tool: 'test', generatedAt: '2026-01-01T00:00:00.000Z', exclude: DEFAULT_SETTINGS.report.exclude };

/** The fixture analysed file by file with the engine directly, as `rfl-lens check` does. */
async function analyseDirectly(): Promise<{ files: string[]; byCode: Record<Code, number>; sites: number; documented: number; lines: number }> {
  const parser = await loadRustParser();
  const resolver = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true });
  const files = collectRustFiles([FIXTURE], { exclude: DEFAULT_SETTINGS.report.exclude }).files;
  const byCode = Object.fromEntries(ALL_CODES.map((c) => [c, 0])) as Record<Code, number>;
  let sites = 0;
  let documented = 0;
  let lines = 0;
  for (const f of files) {
    const read = readSourceFile(f, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(read.kind, 'ok');
    if (read.kind !== 'ok') continue;
    const doc = new ParsedDocument(parser, read.text);
    const a = analyze(doc, resolver.contextFor(f));
    for (const x of a.findings) byCode[x.code]++;
    sites += a.unsafeSites.length;
    documented += a.unsafeSites.filter((s) => s.documentation).length;
    lines += read.text.split('\n').length - 1;
    doc.dispose();
  }
  return { files, byCode, sites, documented, lines };
}

describe('report/build', () => {
  let model: ReportModel;

  before(async () => {
    model = (await generateReport([FIXTURE], { ...OPTIONS, workers: 1 })).model;
  });

  it('counts exactly what the per-file analyses find', async () => {
    const direct = await analyseDirectly();
    assert.equal(model.summary.files, direct.files.length);
    assert.equal(model.summary.lines, direct.lines);
    assert.deepEqual(model.summary.findingsByCode, direct.byCode);
    assert.equal(model.summary.unsafe.sites, direct.sites);
    assert.equal(model.summary.unsafe.documented, direct.documented);
  });

  it('scans the five fixture files and leaves target/ out', () => {
    assert.deepEqual(
      model.files.map((f) => f.path),
      ['drivers/net/phy/ax88796b_rust.rs', 'rust/kernel/lib.rs', 'rust/kernel/sync/lock.rs', 'rust/kernel/sync/mod.rs', 'samples/rust/rust_minimal.rs'],
    );
    assert.equal(model.summary.lines, 29 + 31 + 20 + 5 + 8);
    assert.deepEqual(model.roots, [FIXTURE]);
  });

  it('gives the toolchain range: the tree minimum and the database toolchain', () => {
    assert.equal(model.summary.toolchain.minimum, '1.78.0');
    assert.match(model.summary.toolchain.minimumOrigin, /minimum rustc in scripts\/min-tool-version\.sh/);
    assert.equal(model.summary.toolchain.database, new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).db.meta.rustc);
    assert.equal(model.summary.toolchain.databaseSource, 'bundled');
  });

  it('counts the SAFETY: TODO placeholders', () => {
    assert.equal(model.summary.placeholders, 2);
    assert.equal(model.summary.placeholders, model.summary.findingsByCode['safety-comment-placeholder']);
  });

  it('gives every gate its status at both toolchains, its stabilisation and its advice', () => {
    const g = Object.fromEntries(model.gates.map((x) => [x.name, x]));
    assert.deepEqual(Object.keys(g), ['arbitrary_self_types', 'asm_goto', 'box_patterns', 'c_str_literals', 'inline_const', 'let_chains', 'lint_reasons']);
    assert.deepEqual(
      [g.c_str_literals!.statusAtMinimum, g.c_str_literals!.statusAtDatabase, g.c_str_literals!.since, g.c_str_literals!.advice],
      ['stable', 'stable', '1.77.0', 'drop-now'],
    );
    assert.deepEqual([g.inline_const!.statusAtMinimum, g.inline_const!.statusAtDatabase, g.inline_const!.since, g.inline_const!.advice], ['unstable', 'stable', '1.79.0', 'drop-at-bump']);
    assert.deepEqual([g.lint_reasons!.since, g.lint_reasons!.advice], ['1.81.0', 'drop-at-bump']);
    assert.deepEqual([g.asm_goto!.since, g.asm_goto!.advice, g.asm_goto!.allowListed], ['1.87.0', 'drop-at-bump', true]);
    assert.deepEqual([g.box_patterns!.statusAtDatabase, g.box_patterns!.advice, g.box_patterns!.allowListed], ['unstable', 'needed', false]);
  });

  it('records where each gate is used, in rustc and editor positions', () => {
    const inline = model.gates.find((x) => x.name === 'inline_const')!;
    assert.deepEqual(inline.uses, [{ file: 'rust/kernel/lib.rs', line: 8, column: 12, lspLine: 7, lspCharacter: 11 }]);
    assert.equal(inline.count, 1);
  });

  it('keeps only SAFETY findings in the list, sorted by directory, file and line', () => {
    assert.ok(model.findings.every((f) => codeInfo(f.code).family === 'safety'));
    const keys = model.findings.map((f) => `${f.directory}\0${f.file}\0${String(f.line).padStart(6, '0')}`);
    assert.deepEqual(keys, [...keys].sort());
    const safetyTotal = ALL_CODES.filter((c) => codeInfo(c).family === 'safety').reduce((n, c) => n + model.summary.findingsByCode[c], 0);
    assert.equal(model.findings.length, safetyTotal);
  });

  it('counts columns in code points and characters in UTF-16 after é and 🦀', () => {
    const f = model.findings.find((x) => x.file === 'rust/kernel/sync/lock.rs' && x.line === 16);
    assert.ok(f, 'the unsafe block after the emoji is reported');
    assert.deepEqual([f.code, f.line, f.column, f.lspLine, f.lspCharacter], ['missing-safety-comment', 16, 35, 15, 35]);
  });

  it('gives SAFETY coverage per directory that adds up to the total', () => {
    const dirs = model.directories.map((d) => d.directory);
    assert.deepEqual(dirs, ['drivers/net/phy', 'rust/kernel', 'rust/kernel/sync', 'samples/rust']);
    const sample = model.directories.find((d) => d.directory === 'samples/rust')!;
    assert.deepEqual([sample.sites, sample.documented, sample.percent, sample.findings], [1, 1, 100, 0]);
    assert.equal(model.directories.reduce((n, d) => n + d.sites, 0), model.summary.unsafe.sites);
    assert.equal(model.directories.reduce((n, d) => n + d.documented, 0), model.summary.unsafe.documented);
    assert.equal(model.directories.reduce((n, d) => n + d.findings, 0), model.findings.length);
  });

  it('is plain JSON: serialising and parsing gives the same model', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
    assert.equal(model.version, 1);
  });

  it('prefixes paths with the root name when several roots are scanned', async () => {
    const two = (await generateReport([path.join(FIXTURE, 'rust'), path.join(FIXTURE, 'samples')], { ...OPTIONS, workers: 1 })).model;
    assert.deepEqual(
      two.files.map((f) => [f.path, f.root]),
      [['rust/kernel/lib.rs', 0], ['rust/kernel/sync/lock.rs', 0], ['rust/kernel/sync/mod.rs', 0], ['samples/rust/rust_minimal.rs', 1]],
    );
  });

  it('lists skipped files with the reason and leaves them out of the counts', () => {
    const db = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).db;
    const m = buildReport({ roots: ['/t'], results: [{ kind: 'skipped', file: '/t/a/blob.rs', reason: 'binary file (contains NUL bytes)' }], db, tool: 't' });
    assert.deepEqual(m.skipped, [{ path: 'a/blob.rs', reason: 'binary file (contains NUL bytes)' }]);
    assert.equal(m.summary.files, 0);
    assert.equal(m.summary.unsafe.percent, 100);
    assert.equal(m.summary.toolchain.minimum, db.meta.rustc);
  });
});

describe('report/build helpers', () => {
  it('gateAdvice: stable at the minimum drops now, stable later drops at the bump, removed or unknown is an error', () => {
    assert.equal(gateAdvice('stable', 'stable'), 'drop-now');
    assert.equal(gateAdvice('unstable', 'stable'), 'drop-at-bump');
    assert.equal(gateAdvice('unstable', 'unstable'), 'needed');
    assert.equal(gateAdvice('incomplete', 'incomplete'), 'needed');
    assert.equal(gateAdvice('unstable', 'removed'), 'broken');
    assert.equal(gateAdvice('removed', 'removed'), 'broken');
    assert.equal(gateAdvice('unknown', 'unknown'), 'broken');
  });

  it('percent: one decimal, 100 when there is nothing to document', () => {
    assert.equal(percent(2, 3), 66.7);
    assert.equal(percent(0, 0), 100);
    assert.equal(percent(0, 5), 0);
  });

  it('compareVersions compares numerically', () => {
    assert.ok(compareVersions('1.9.0', '1.78.0') < 0);
    assert.equal(compareVersions('1.78', '1.78.0'), 0);
  });
});
