/**
 * rflLens/decorations after each analysis that is still current: the unsafe regions and SAFETY
 * comments of the analysed version, for the client to shade. Empty lists when the matching setting
 * is off.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { DecorationsNotification } from '../../shared/protocol';
import type { DocumentAnalysis } from '../analysis';
import { toRange } from '../convert';
import type { Services } from '../services';

export function provideDecorations(result: DocumentAnalysis): DecorationsNotification.Params {
  const { decorations } = result.settings;
  const safetyComments = decorations.safetyComments
    ? result.analysis.unsafeSites.flatMap((s) => (s.documentation ? [s.documentation.span] : [])).sort((a, b) => a.start - b.start)
    : [];
  return {
    uri: result.uri,
    version: result.version,
    unsafeRegions: decorations.unsafeRegions ? result.unsafeRegions.map((s) => toRange(result.lines, s)) : [],
    // One comment can justify several sites; send each range once.
    safetyComments: dedupe(safetyComments).map((s) => toRange(result.lines, s)),
  };
}

function dedupe<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, documents } = services;
  analyses.onAnalysis((result) => {
    // After the diagnostics have gone out, and only while no newer version has arrived: the
    // client draws ranges of the version it shows only, so superseded ones are work for nothing
    // (while typing, most of them). A closed document gets nothing more.
    setImmediate(() => {
      if (documents.get(result.uri)?.version !== result.version) return;
      void connection.sendNotification(DecorationsNotification.method, provideDecorations(result));
    });
  });
  documents.onClose((uri) => void connection.sendNotification(DecorationsNotification.method, { uri, version: null, unsafeRegions: [], safetyComments: [] } satisfies DecorationsNotification.Params));
  return {};
}
