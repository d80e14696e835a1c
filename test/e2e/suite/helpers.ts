/**
 * Helpers for the in-host tests: the fixture workspace, the extension's API, and waiting on
 * VS Code events (never on timers; the timeout only turns a hang into a clear failure).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RflLensApi } from '../../../src/client/extension';

export const EXTENSION_ID = 'rfl-lens.rfl-lens';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e run opens test/fixtures/workspace as its folder');
  return folder.uri;
}

export function fixture(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

export async function api(): Promise<RflLensApi> {
  const ext = vscode.extensions.getExtension<RflLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.activate();
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Resolves with `read()` once `done(read())` holds, checking now and after each `event`.
 * Rejects after `ms` with the last value seen, so a failure says what was there instead.
 */
export function waitFor<T>(what: string, read: () => T, done: (value: T) => boolean, event: vscode.Event<unknown>, ms = 30_000): Promise<T> {
  const first = read();
  if (done(first)) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    let last = first;
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; last value: ${JSON.stringify(last)}`));
    }, ms);
    const sub = event(() => {
      last = read();
      if (!done(last)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(last);
    });
  });
}

/** Diagnostics of one document once `done` holds for them. */
export function waitForDiagnostics(uri: vscode.Uri, done: (d: vscode.Diagnostic[]) => boolean, what = `diagnostics of ${uri.path}`): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => vscode.languages.getDiagnostics(uri), done, vscode.languages.onDidChangeDiagnostics);
}

/** The diagnostic code as a plain string (LSP codes with a href arrive as `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Hover contents as plain text. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
