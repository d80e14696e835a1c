import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContextResolver } from '../../../src/core/context';
import { generateReport } from '../../../src/core/report/generate';
import type { ReportModel } from '../../../src/core/report/model';
import { ScanCancelledError } from '../../../src/core/report/scan';
import { DEFAULT_SETTINGS, type RflLensSettings } from '../../../src/core/settings';
import { provideWorkspaceReport, type ReportServices } from '../../../src/server/features/report';
import { startTestServer, type TestServer } from '../harness';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'report-tree');
const SAMPLE = path.join(FIXTURE, 'samples', 'rust', 'rust_minimal.rs');
const UNSAVED = readFileSync(SAMPLE, 'utf8').replace('    // SAFETY: `i` was checked against `v.len()` by the caller.\n', '');

/** The server's services reduced to what the report reads, over real resolvers. */
function services(open: Map<string, string> = new Map()): ReportServices {
  const resolvers = new Map<string, ContextResolver>();
  const resolver = (s: RflLensSettings): ContextResolver => {
    const key = JSON.stringify(s);
    if (!resolvers.has(key)) resolvers.set(key, new ContextResolver({ settings: s, trusted: true }));
    return resolvers.get(key)!;
  };
  return {
    settings: { get: async () => DEFAULT_SETTINGS },
    contexts: { trusted: true, database: (s) => resolver(s).db, contextFor: (_uri, s) => resolver(s).contextFor(undefined) },
    documents: {
      uris: () => [...open.keys()].map((f) => pathToFileURL(f).toString()),
      get: (uri) => {
        const file = [...open.keys()].find((f) => pathToFileURL(f).toString() === uri);
        return file === undefined ? undefined : { uri, languageId: 'rust', version: 3, text: open.get(file)! };
      },
    },
  };
}

describe('server/features/report', () => {
  const never = { isCancellationRequested: false };

  it('returns the same model as the CLI pipeline for the same folder', async () => {
    const fromServer = await provideWorkspaceReport(services(), { folders: [FIXTURE], exclude: [] }, never);
    const fromCli = (await generateReport([FIXTURE], { settings: DEFAULT_SETTINGS, trusted: true, tool: fromServer.tool, exclude: DEFAULT_SETTINGS.report.exclude })).model;
    assert.deepEqual({ ...fromServer, generatedAt: '' }, { ...fromCli, generatedAt: '' });
  });

  it("uses open documents' unsaved text", async () => {
    const saved = await provideWorkspaceReport(services(), { folders: [FIXTURE], exclude: [] }, never);
    const unsaved = await provideWorkspaceReport(services(new Map([[SAMPLE, UNSAVED]])), { folders: [FIXTURE], exclude: [] }, never);
    assert.equal(unsaved.summary.unsafe.documented, saved.summary.unsafe.documented - 1);
    assert.deepEqual(
      unsaved.findings.filter((f) => f.directory === 'samples/rust').map((f) => [f.file, f.line, f.column, f.code]),
      [['samples/rust/rust_minimal.rs', 6, 5, 'missing-safety-comment']],
    );
  });

  it('applies the request and settings exclude globs', async () => {
    const m = await provideWorkspaceReport(services(), { folders: [FIXTURE], exclude: ['**/drivers/**', 'samples/**'] }, never);
    assert.deepEqual(m.files.map((f) => f.path), ['rust/kernel/lib.rs', 'rust/kernel/sync/lock.rs', 'rust/kernel/sync/mod.rs']);
  });

  it('reports progress with the file count', async () => {
    const events: string[] = [];
    await provideWorkspaceReport(services(), { folders: [FIXTURE], exclude: [] }, never, {
      begin: (m) => events.push(`begin ${m}`),
      report: (p, m) => events.push(`${p}% ${m}`),
    });
    assert.deepEqual(events, ['begin collecting files…', '0% 0/5 files', '100% 5/5 files']);
  });

  it('stops when the request is cancelled', async () => {
    await assert.rejects(provideWorkspaceReport(services(), { folders: [FIXTURE], exclude: [] }, { isCancellationRequested: true }), (e) => e instanceof ScanCancelledError);
  });

  describe('over LSP (dist/server.js)', function () {
    this.timeout(120000);
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ settings: { '': {} } });
    });
    after(async () => server?.stop());

    it('answers rflLens/workspaceReport with the model and work-done progress, using unsaved text', async () => {
      server.open(pathToFileURL(SAMPLE).toString(), UNSAVED, 2);
      const model = await server.client.request<ReportModel>('rflLens/workspaceReport', { folders: [FIXTURE], exclude: [], workDoneToken: 'report-1' });
      assert.equal(model.version, 1);
      assert.equal(model.summary.files, 5);
      assert.ok(model.findings.some((f) => f.file === 'samples/rust/rust_minimal.rs' && f.line === 6 && f.code === 'missing-safety-comment'));
      const progress = server.client.received<{ token: string; value: { kind: string; message?: string } }>('$/progress').filter((p) => p.token === 'report-1');
      assert.deepEqual(
        progress.map((p) => p.value.kind),
        ['begin', 'report', 'report', 'end'],
      );
      assert.deepEqual(progress.slice(1, 3).map((p) => p.value.message), ['0/5 files', '5/5 files']);
    });
  });
});
