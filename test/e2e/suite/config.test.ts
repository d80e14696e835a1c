/** src/client/config.ts in a real VS Code: the settings object the server receives, and restarts. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../../src/client/config';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/core/settings';
import { api, fixture, waitFor } from './helpers';

describe('config (real VS Code)', () => {
  it('sends the server the package.json defaults plus the workspace settings, shaped like RflLensSettings', () => {
    const sent = readSettings(fixture('src/lib.rs'));
    assert.deepEqual(sent, { ...DEFAULT_SETTINGS, toolchainVersion: '1.90.0' });
    assert.deepEqual(normalizeSettings(sent), { settings: sent, problems: [] });
  });

  it('restarts the server when rflLens.rustcPath changes', async () => {
    const ctx = await api();
    const config = vscode.workspace.getConfiguration('rflLens');
    const before = ctx.clientGeneration;
    try {
      await config.update('rustcPath', 'rustc', vscode.ConfigurationTarget.Workspace);
      await waitFor('a new, running client', () => ctx.clientGeneration > before && ctx.isRunning(), (ok) => ok, ctx.statusBar.onDidChange);
    } finally {
      await config.update('rustcPath', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the client after the reset', () => ctx.clientGeneration >= before + 2 && ctx.isRunning(), (ok) => ok, ctx.statusBar.onDidChange);
  });

  it('does not restart for a setting the server pulls again', async () => {
    const ctx = await api();
    const config = vscode.workspace.getConfiguration('rflLens');
    const before = ctx.clientGeneration;
    await config.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Workspace);
    await config.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    assert.equal(ctx.clientGeneration, before);
  });
});
