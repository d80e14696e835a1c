import assert from 'node:assert/strict';
import { LspError } from './lspClient';
import { MINIMAL_CAPABILITIES, startTestServer, type TestServer } from './harness';

describe('server (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('declares its capabilities, the semantic token legend and its command', () => {
    const caps = server.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.inlayHintProvider, true);
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['(', ','], resolveProvider: true });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.deepEqual(caps.executeCommandProvider, { commands: ['rflLens.server.rebuildDatabase'] });
    assert.deepEqual(caps.semanticTokensProvider, {
      legend: { tokenTypes: ['featureGate', 'unsafeKeyword'], tokenModifiers: ['stable', 'unstable', 'removed', 'incomplete', 'internal', 'unknown', 'documented'] },
      full: true,
      range: true,
    });
    assert.equal(caps.diagnosticProvider, undefined, 'diagnostics are pushed, not pulled');
    assert.equal(server.initializeResult.serverInfo?.name, 'rfl-lens');
  });

  it('registers didChangeConfiguration and file watchers dynamically after initialized', async () => {
    type Registrations = { registrations: { method: string }[] };
    const has = (method: string) => (p: Registrations) => p.registrations.some((r) => r.method === method);
    await server.client.waitForServerRequest<Registrations>('client/registerCapability', has('workspace/didChangeConfiguration'));
    await server.client.waitForServerRequest<Registrations>('client/registerCapability', has('workspace/didChangeWatchedFiles'));
    const registrations = server.client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as { registrations: { method: string; registerOptions: unknown }[] }).registrations);
    const methods = [...new Set(registrations.map((r) => r.method))].sort();
    assert.deepEqual(methods, ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    const watchers = (registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const name of ['clippy.toml', '.clippy.toml', 'Makefile.build', 'min-tool-version.sh', 'rust-project.json']) assert.ok(watchers.includes(`**/${name}`), name);
  });

  it('answers a request whose handler throws with an error and keeps serving', async () => {
    const uri = 'file:///robust/a.rs';
    server.open(uri, 'fn main() { let _ = unsafe { 1 }; }\n');
    await server.diagnostics(uri, 1);
    await assert.rejects(server.client.request('textDocument/hover', { textDocument: { uri } }), (e: unknown) => e instanceof LspError && e.code === -32603 && /hover failed/.test(e.message));
    const hover = await server.client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 21 } });
    assert.match(hover!.contents.value, /^\*\*unsafe block\*\*/);
    assert.match(server.client.stderr + JSON.stringify(server.client.received('window/logMessage')), /hover failed/);
  });

  it('returns null for documents it does not have open', async () => {
    assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: 'file:///not/open.rs' }, position: { line: 0, character: 0 } }), null);
    assert.equal(await server.client.request('textDocument/inlayHint', { textDocument: { uri: 'file:///not/open.rs' }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }), null);
  });
});

describe('server with a minimal client', function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ capabilities: MINIMAL_CAPABILITIES, initializationOptions: { settings: { severity: { 'missing-safety-comment': 'error' } } } });
  });
  after(async () => server?.stop());

  it('uses initializationOptions.settings, registers nothing, and sends plain diagnostics', async () => {
    const uri = 'file:///minimal/a.rs';
    server.open(uri, 'fn main() {\n    let _ = unsafe { 1 };\n}\n');
    const published = await server.client.waitFor<{ uri: string; version?: number; diagnostics: { code: string; severity: number; codeDescription?: unknown }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.equal(published.version, undefined, 'no versionSupport declared');
    const d = published.diagnostics.find((x) => x.code === 'missing-safety-comment');
    assert.ok(d, JSON.stringify(published));
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription, undefined, 'no codeDescriptionSupport declared');
    assert.equal(server.client.serverRequests.filter((r) => r.method === 'client/registerCapability' || r.method === 'workspace/configuration').length, 0);
  });

  it('takes pushed settings from didChangeConfiguration', async () => {
    const uri = 'file:///minimal/a.rs';
    server.client.notify('workspace/didChangeConfiguration', { settings: { rflLens: { severity: { 'missing-safety-comment': 'off' } } } });
    const published = await server.client.waitForNext<{ uri: string; diagnostics: { code: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(
      (published.params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code),
      [],
    );
  });
});
