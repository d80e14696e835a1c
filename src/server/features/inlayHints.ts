/**
 * An inlay hint after each gated feature name with its status at the document's toolchain
 * (`stable 1.82.0`, `unstable`, `removed 1.63.0`, `incomplete`, `internal`, `unknown`, or
 * `unstable until 1.87.0` when a newer toolchain has it stable). Off with rflLens.inlayHints.enabled.
 */
import { type InlayHint, type Range, type ServerCapabilities } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../analysis';
import { featureView } from '../featureText';
import { guardRequest } from '../guard';
import type { Services } from '../services';

export function provideInlayHints(result: DocumentAnalysis, range: Range): InlayHint[] {
  if (!result.ctx || !result.settings.inlayHints.enabled) return [];
  const from = result.lines.offsetAt(range.start);
  const to = result.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const gate of result.analysis.gates) {
    if (gate.span.end < from || gate.span.start > to) continue;
    const view = featureView(result.ctx.db, gate.name, result.ctx.toolchain);
    hints.push({
      position: result.lines.positionAt(gate.span.end),
      label: view.label,
      paddingLeft: true,
      tooltip: `${gate.name}: ${view.label} at rustc ${result.ctx.toolchain} (${result.ctx.toolchainOrigin})`,
    });
  }
  return hints;
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses } = services;
  connection.languages.inlayHint.on(
    guardRequest(connection, 'inlayHint', async ({ textDocument, range }): Promise<InlayHint[] | null> => {
      const result = await analyses.ensure(textDocument.uri);
      return result ? provideInlayHints(result, range) : null;
    }),
  );
  return { inlayHintProvider: true };
}
