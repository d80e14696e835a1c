/**
 * src/client/extension.ts in a real VS Code: activation, the server's diagnostics, hover and
 * quick fix reaching VS Code's APIs, and restarts that leave exactly one client.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, EXTENSION_ID, fixture, hoverText, open, rangeText, waitFor, waitForDiagnostics } from './helpers';

/** What src/lib.rs must produce: code, severity and exact range. */
const LIB_EXPECTED = [
  { code: 'unknown-feature', severity: vscode.DiagnosticSeverity.Error, range: '3:11-3:35' },
  { code: 'missing-safety-comment', severity: vscode.DiagnosticSeverity.Warning, range: '7:4-7:17' },
];

function summary(diagnostics: vscode.Diagnostic[]): { code: string | undefined; severity: vscode.DiagnosticSeverity; range: string }[] {
  return diagnostics
    .map((d) => ({ code: codeOf(d), severity: d.severity, range: rangeText(d.range) }))
    .sort((a, b) => a.range.localeCompare(b.range, 'en', { numeric: true }));
}

const matchesLib = (d: vscode.Diagnostic[]): boolean => JSON.stringify(summary(d)) === JSON.stringify(LIB_EXPECTED);

describe('extension (real VS Code)', () => {
  it('activates and registers its commands', async () => {
    const ctx = await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['rflLens.restartServer', 'rflLens.showReport', 'rflLens.rebuildDatabase', 'rflLens.showOutput']) {
      assert.ok(commands.includes(id), `${id} registered`);
    }
    await waitFor('the server to run', () => ctx.isRunning(), (r) => r, ctx.statusBar.onDidChange);
  });

  it('publishes diagnostics with code, source and exact ranges', async () => {
    await open('src/lib.rs');
    const diagnostics = await waitForDiagnostics(fixture('src/lib.rs'), matchesLib);
    assert.deepEqual(summary(diagnostics), LIB_EXPECTED);
    for (const d of diagnostics) assert.equal(d.source, 'rfl-lens');
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-feature');
    assert.match(unknown?.message ?? '', /rfl_lens_no_such_feature/);
  });

  it('shows the status of a feature gate on hover', async () => {
    await open('src/lib.rs');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fixture('src/lib.rs'), new vscode.Position(2, 15));
    const text = hoverText(hovers);
    assert.match(text, /allocator_api/);
    assert.match(text, /unstable/i);
    assert.match(text, /32838/, 'links the tracking issue');
  });

  it('quick-fixes a stable gate by removing exactly that name', async () => {
    const editor = await open('src/fix.rs');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'stable-feature'));
    const stable = diagnostics.find((d) => codeOf(d) === 'stable-feature');
    assert.ok(stable);
    assert.equal(rangeText(stable.range), '2:11-2:21');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      stable.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The API command returns actions without their `diagnostics`: pick the fix by what it does.
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.kind?.value === 'quickfix');
    assert.deepEqual(
      fixes.map((a) => ({ title: a.title, preferred: a.isPreferred })),
      [{ title: 'Remove the `new_uninit` feature gate', preferred: true }],
    );
    const fix = fixes[0]!;
    assert.ok(fix.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    try {
      assert.equal(editor.document.lineAt(2).text, '#![feature(allocator_api)]');
      assert.equal(editor.document.lineCount, 8, 'no other line changed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(editor.document.lineAt(2).text, '#![feature(new_uninit, allocator_api)]');
  });

  it('restarts twice and ends with one running client and no duplicate diagnostics', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    await waitForDiagnostics(fixture('src/lib.rs'), matchesLib);
    const before = ctx.clientGeneration;
    await vscode.commands.executeCommand('rflLens.restartServer');
    await vscode.commands.executeCommand('rflLens.restartServer');
    assert.equal(ctx.clientGeneration, before + 2);
    assert.equal(ctx.isRunning(), true);
    // Two live clients would each publish into their own collection: VS Code would list both.
    const after = await waitForDiagnostics(fixture('src/lib.rs'), matchesLib, 'exactly the two lib.rs diagnostics after two restarts');
    assert.equal(after.length, 2);
  });

  it('comes back with diagnostics after the server process is killed', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    await waitForDiagnostics(fixture('src/lib.rs'), matchesLib);
    const pid = await waitFor('a status with the server pid', () => ctx.statusBar.last?.serverPid, (p) => p !== undefined, ctx.statusBar.onDidChange);
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    // The client's standard error handler restarts the server; the new one reports a new pid.
    const next = await waitFor('a restarted server', () => ctx.statusBar.last?.serverPid, (p) => p !== undefined && p !== pid, ctx.statusBar.onDidChange);
    assert.notEqual(next, pid);
    const editor = await open('src/lib.rs');
    // A change after the restart must be analysed by the new server.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n'));
    try {
      const shifted = await waitForDiagnostics(fixture('src/lib.rs'), (d) => d.some((x) => codeOf(x) === 'missing-safety-comment' && x.range.start.line === 8), 'diagnostics from the restarted server');
      assert.equal(shifted.length, 2);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
