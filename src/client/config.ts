/**
 * Typed access to the `rflLens` settings. The server gets them through workspace/configuration as
 * one object shaped like RflLensSettings (it runs normalizeSettings on it); the client itself
 * only reads the decoration toggles.
 */
import * as vscode from 'vscode';
import type { RflLensSettings } from '../core/settings';

export const SECTION = 'rflLens';

/**
 * Settings the server uses only while starting: it probes the user's rustc once (the `userRustc`
 * of rflLens/status). Everything else it pulls again after workspace/didChangeConfiguration.
 */
export const REQUIRES_RESTART: readonly string[] = [`${SECTION}.rustcPath`];

function section(scope?: vscode.ConfigurationScope | null): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

/**
 * The whole section as the server expects it. VS Code already drops workspace values of the
 * restricted settings (package.json capabilities) in untrusted workspaces.
 */
export function readSettings(scope?: vscode.ConfigurationScope | null): RflLensSettings {
  const c = section(scope);
  const get = <T>(key: string, fallback: T): T => c.get<T>(key, fallback);
  return {
    databasePath: get<string | null>('databasePath', null),
    toolchainVersion: get<string | null>('toolchainVersion', null),
    rustcPath: get<string | null>('rustcPath', null),
    kernelTree: get<string | null>('kernelTree', null),
    severity: get<RflLensSettings['severity']>('severity', {}),
    safety: {
      acceptCommentAboveStatement: get<boolean | null>('safety.acceptCommentAboveStatement', null),
      acceptCommentAboveAttributes: get<boolean | null>('safety.acceptCommentAboveAttributes', null),
      checkPrivateItems: get<boolean | null>('safety.checkPrivateItems', null),
    },
    decorations: {
      unsafeRegions: get('decorations.unsafeRegions', true),
      safetyComments: get('decorations.safetyComments', true),
    },
    inlayHints: { enabled: get('inlayHints.enabled', true) },
    maxFileSize: get('maxFileSize', 4 * 1024 * 1024),
    report: { exclude: get<string[]>('report.exclude', []) },
  };
}

export function unsafeRegionsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return section(scope).get('decorations.unsafeRegions', true);
}

export function safetyCommentsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return section(scope).get('decorations.safetyComments', true);
}

export function reportExclude(scope?: vscode.ConfigurationScope): string[] {
  return section(scope).get<string[]>('report.exclude', []);
}

export function requiresRestart(e: vscode.ConfigurationChangeEvent): boolean {
  return REQUIRES_RESTART.some((key) => e.affectsConfiguration(key));
}
