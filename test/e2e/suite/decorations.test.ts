/** src/client/decorations.ts in a real VS Code: ranges from rflLens/decorations and their toggles. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, open, waitFor } from './helpers';

describe('decorations (real VS Code)', () => {
  const uri = (): vscode.Uri => fixture('src/lib.rs');

  afterEach(async () => {
    await vscode.workspace.getConfiguration('rflLens').update('decorations.unsafeRegions', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('draws both unsafe blocks and the one SAFETY comment of lib.rs', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    const counts = await waitFor(
      'lib.rs decorations',
      () => ctx.decorations.counts(uri()),
      (c) => c.unsafeRegions === 2 && c.safetyComments === 1,
      ctx.decorations.onDidUpdate,
    );
    assert.deepEqual(counts, { unsafeRegions: 2, safetyComments: 1 });
  });

  it('hides unsafe regions when rflLens.decorations.unsafeRegions is off, keeping SAFETY comments', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    await waitFor('lib.rs decorations', () => ctx.decorations.counts(uri()).unsafeRegions, (n) => n === 2, ctx.decorations.onDidUpdate);
    await vscode.workspace.getConfiguration('rflLens').update('decorations.unsafeRegions', false, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(ctx.decorations.counts(uri()), { unsafeRegions: 0, safetyComments: 1 });
  });

  it('still draws one set after two restarts', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    await vscode.commands.executeCommand('rflLens.restartServer');
    await vscode.commands.executeCommand('rflLens.restartServer');
    const counts = await waitFor(
      'lib.rs decorations after restarts',
      () => ctx.decorations.counts(uri()),
      (c) => c.unsafeRegions === 2 && c.safetyComments === 1,
      ctx.decorations.onDidUpdate,
    );
    assert.deepEqual(counts, { unsafeRegions: 2, safetyComments: 1 });
  });
});
