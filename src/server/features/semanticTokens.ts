/**
 * Semantic tokens for what TextMate grammars cannot know: feature names (type `featureGate`, one
 * status modifier) and `unsafe` keywords (type `unsafeKeyword`, modifier `documented` when a SAFETY
 * comment or `# Safety` section covers the item). The legend is in src/shared/protocol.ts.
 */
import { SemanticTokensBuilder, type SemanticTokens, type ServerCapabilities } from 'vscode-languageserver/node';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../shared/protocol';
import type { DocumentAnalysis } from '../analysis';
import { featureView } from '../featureText';
import { guardRequest } from '../guard';
import type { Services } from '../services';

type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
type TokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

const typeIndex = (t: TokenType): number => SEMANTIC_TOKEN_TYPES.indexOf(t);
const modifierBit = (m: TokenModifier): number => 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);

export interface Token {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

/** The tokens in document order (the pure part, for tests). */
export function provideTokens(result: DocumentAnalysis): Token[] {
  if (!result.ctx) return [];
  const ctx = result.ctx;
  const spans: { start: number; end: number; type: TokenType; modifiers: TokenModifier[] }[] = [];
  for (const gate of result.analysis.gates) {
    spans.push({ ...gate.span, type: 'featureGate', modifiers: [featureView(ctx.db, gate.name, ctx.toolchain).status] });
  }
  for (const site of result.analysis.unsafeSites) {
    spans.push({ ...site.keyword, type: 'unsafeKeyword', modifiers: site.documentation ? ['documented'] : [] });
  }
  spans.sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  for (const s of spans) {
    const start = result.lines.positionAt(s.start);
    const end = result.lines.positionAt(s.end);
    if (end.line !== start.line || s.end <= s.start) continue; // tokens may not span lines
    tokens.push({ line: start.line, character: start.character, length: s.end - s.start, type: s.type, modifiers: s.modifiers });
  }
  return tokens;
}

export function encodeTokens(tokens: readonly Token[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const t of tokens) builder.push(t.line, t.character, t.length, typeIndex(t.type), t.modifiers.reduce((bits, m) => bits | modifierBit(m), 0));
  return builder.build();
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses } = services;
  connection.languages.semanticTokens.on(
    guardRequest(connection, 'semanticTokens/full', async ({ textDocument }): Promise<SemanticTokens> => {
      const result = await analyses.ensure(textDocument.uri);
      return encodeTokens(result ? provideTokens(result) : []);
    }),
  );
  // Editors ask for the visible range of a large file first; tokens are cheap to filter.
  connection.languages.semanticTokens.onRange(
    guardRequest(connection, 'semanticTokens/range', async ({ textDocument, range }): Promise<SemanticTokens> => {
      const result = await analyses.ensure(textDocument.uri);
      const before = (line: number, character: number, p: { line: number; character: number }): boolean => line < p.line || (line === p.line && character < p.character);
      const inRange = (t: Token): boolean => before(t.line, t.character, range.end) && !before(t.line, t.character + t.length, range.start);
      const tokens = result ? provideTokens(result).filter(inRange) : [];
      return encodeTokens(tokens);
    }),
  );
  return {
    semanticTokensProvider: {
      legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
      full: true,
      range: true,
    },
  };
}
