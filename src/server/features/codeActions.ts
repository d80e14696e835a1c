/**
 * Quick fixes are lookups: analysis stores each finding's fixes under `fixKey(code, range)`, and a
 * code action request turns the fixes of the diagnostics it names into WorkspaceEdits against the
 * analysed version. The core supplies the fixes, including the `#[expect(clippy::...)]`
 * suppression on the enclosing item where it applies.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type ServerCapabilities, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Fix } from '../../core/findings';
import type { DocumentAnalysis } from '../analysis';
import type { ClientFeatures } from '../capabilities';
import { fixKey, toRange } from '../convert';
import { guardRequest } from '../guard';
import type { Services } from '../services';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';

export function provideCodeActions(result: DocumentAnalysis, diagnostics: readonly Diagnostic[], client: Pick<ClientFeatures, 'documentChanges'>): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    // The range is authoritative (clients may drop `data`); it names the finding in this version.
    const key = fixKey(diagnostic.code, diagnostic.range);
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    const fixes = result.fixes.get(key) ?? (data?.key && data.version === result.version ? result.fixes.get(data.key) : undefined);
    for (const fix of fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: toWorkspaceEdit(result, fix, client),
      });
    }
  }
  return actions;
}

export function toWorkspaceEdit(result: DocumentAnalysis, fix: Fix, client: Pick<ClientFeatures, 'documentChanges'>): WorkspaceEdit {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(result.lines, e.span), newText: e.newText }));
  // Versioned edits let the client refuse a fix computed for text that has since changed.
  if (client.documentChanges) return { documentChanges: [{ textDocument: { uri: result.uri, version: result.version }, edits }] };
  return { changes: { [result.uri]: edits } };
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, client } = services;
  connection.onCodeAction(
    guardRequest(connection, 'codeAction', async ({ textDocument, context }): Promise<CodeAction[] | null> => {
      if (!client.codeActionLiterals) return null;
      if (context.only && !context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return null;
      const result = await analyses.ensure(textDocument.uri);
      return result ? provideCodeActions(result, context.diagnostics, client) : null;
    }),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
}
