/**
 * Diagnostics are pushed (textDocument/publishDiagnostics, with the document version) after each
 * analysis: every editor supports push, while pull (textDocument/diagnostic) is missing from
 * several. Each diagnostic carries its code, docs link, related locations, and in `data` the key
 * code actions use to find its fixes.
 */
import { DiagnosticTag, type Diagnostic, type ServerCapabilities } from 'vscode-languageserver/node';
import { codeInfo } from '../../core/codes';
import type { Finding } from '../../core/findings';
import type { DocumentAnalysis } from '../analysis';
import type { ClientFeatures } from '../capabilities';
import { fixKey, LSP_SEVERITY, toRange } from '../convert';
import type { Services } from '../services';

export const DIAGNOSTIC_SOURCE = 'rfl-lens';

/** What a diagnostic's `data` holds. */
export interface DiagnosticData {
  /** fixKey(code, range) at publication; code actions look fixes up by it. */
  readonly key: string;
  readonly version: number;
  readonly feature?: string;
}

export function provideDiagnostics(result: DocumentAnalysis, client: ClientFeatures): Diagnostic[] {
  return result.analysis.findings.map((f) => toDiagnostic(result, f, client));
}

function toDiagnostic(result: DocumentAnalysis, f: Finding, client: ClientFeatures): Diagnostic {
  const range = toRange(result.lines, f.span);
  const info = codeInfo(f.code);
  const data: DiagnosticData = { key: fixKey(f.code, range), version: result.version, ...(f.data?.feature ? { feature: f.data.feature } : {}) };
  const d: Diagnostic = { range, severity: LSP_SEVERITY[f.severity], code: f.code, source: DIAGNOSTIC_SOURCE, message: f.message, data };
  if (info.docs && client.diagnosticCodeDescription) d.codeDescription = { href: info.docs };
  if (f.related?.length && client.diagnosticRelatedInformation) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: result.uri, range: toRange(result.lines, r.span) }, message: r.message }));
  }
  // A gate for a feature stable at the tree's toolchain can simply go: editors fade such code.
  if (f.code === 'stable-feature' && f.severity === 'hint' && client.diagnosticTags) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, documents, client, notices } = services;
  analyses.onAnalysis((result) => {
    if (result.skipped?.reason === 'too-large') notices.info(result.uri, `${result.uri} is not analysed: ${result.skipped.message}.`);
    void connection.sendDiagnostics({
      uri: result.uri,
      ...(client.diagnosticVersion ? { version: result.version } : {}),
      diagnostics: provideDiagnostics(result, client),
    });
  });
  documents.onClose((uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }));
  return {};
}
