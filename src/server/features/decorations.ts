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

/**
 * How long a document's analysis must stay the newest before its ranges are sent. While keys
 * are typed faster than this, the editor moves the ranges it already draws along with the text,
 * and every version in between would cost the encoding and drawing of the whole file's ranges
 * for nothing; the server's time goes to the next keystroke's diagnostics instead.
 */
export const DECORATIONS_DELAY_MS = 40;

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, documents } = services;
  const pending = new Map<string, NodeJS.Timeout>();
  analyses.onAnalysis((result) => {
    clearTimeout(pending.get(result.uri));
    // Only while no newer version has arrived: the client draws ranges of the version it shows
    // only. A closed document gets nothing more.
    pending.set(
      result.uri,
      setTimeout(() => {
        pending.delete(result.uri);
        if (documents.get(result.uri)?.version !== result.version) return;
        void connection.sendNotification(DecorationsNotification.method, provideDecorations(result));
      }, DECORATIONS_DELAY_MS),
    );
  });
  documents.onClose((uri) => {
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    void connection.sendNotification(DecorationsNotification.method, { uri, version: null, unsafeRegions: [], safetyComments: [] } satisfies DecorationsNotification.Params);
  });
  services.onShutdown(() => {
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  });
  return {};
}
