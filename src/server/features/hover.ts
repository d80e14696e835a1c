/**
 * Hover on a feature name in a gate: its status at the tree's toolchain, with links and kernel
 * notes. Hover on `unsafe`: what kind of unsafe item it is and the SAFETY comment or `# Safety`
 * section that covers it (quoted), or that none does.
 */
import { MarkupKind, type Hover, type Position, type ServerCapabilities } from 'vscode-languageserver/node';
import type { LocalFeatureDocs } from '../../core/features/localDocs';
import type { LineIndex } from '../../core/positions';
import type { UnsafeSite } from '../../core/safety/types';
import type { DocumentAnalysis } from '../analysis';
import { toRange } from '../convert';
import { featureMarkdown } from '../featureText';
import { guardRequest } from '../guard';
import type { Services } from '../services';

/** Hover Markdown at `position`, or null when nothing RFL Lens knows is under it. */
export function provideHover(result: DocumentAnalysis, position: Position, docs?: LocalFeatureDocs): { markdown: string; range: Hover['range'] } | null {
  if (!result.ctx) return null;
  const offset = result.lines.offsetAt(position);
  const within = (s: { start: number; end: number }): boolean => s.start <= offset && offset <= s.end;
  const gate = result.analysis.gates.find((g) => within(g.span));
  if (gate) {
    let markdown = featureMarkdown(result.ctx, gate.name, docs);
    if (gate.cfg.length) markdown += `\n\nOnly when \`${gate.cfg.join('` and `')}\` (inside \`cfg_attr\`).`;
    return { markdown, range: toRange(result.lines, gate.span) };
  }
  const site = result.analysis.unsafeSites.find((s) => within(s.keyword));
  if (site) return { markdown: unsafeMarkdown(site, result.lines), range: toRange(result.lines, site.keyword) };
  return null;
}

const KIND_TEXT: Record<UnsafeSite['kind'], string> = {
  block: 'unsafe block',
  fn: 'unsafe fn',
  impl: 'unsafe impl',
  trait: 'unsafe trait',
  'extern-block': 'unsafe extern block',
  attribute: 'unsafe attribute',
};

const FN_CONTEXT: Record<NonNullable<UnsafeSite['fnContext']>, string> = {
  free: 'free function',
  inherent: 'inherent method',
  trait: 'declared in a trait',
  'trait-impl': 'trait method implementation',
  extern: 'foreign function',
};

export function unsafeMarkdown(site: UnsafeSite, lines: LineIndex): string {
  const head = [`**${KIND_TEXT[site.kind]}**`];
  if (site.name) head.push(`\`${site.name}\``);
  if (site.fnContext) head.push(`(${FN_CONTEXT[site.fnContext]})`);
  const parts = [head.join(' ')];
  if (site.inMacroDefinition) parts.push('Inside a `macro_rules!` definition.');
  else if (site.inMacroInvocation) parts.push('Inside a macro invocation.');
  const doc = site.documentation;
  if (doc) {
    const what = doc.kind === 'comment' ? '`SAFETY` comment' : '`# Safety` section';
    parts.push(`Justified by the ${what} on line ${lines.lineOf(doc.span.start) + 1}:`);
    parts.push(quote(doc.text || lines.text.slice(doc.span.start, doc.span.end)));
  } else {
    parts.push(needsDocText(site));
  }
  return parts.join('\n\n');
}

function needsDocText(site: UnsafeSite): string {
  switch (site.kind) {
    case 'fn':
    case 'trait':
      return 'No `# Safety` section documents what callers must uphold.';
    case 'block':
    case 'impl':
      return 'No `// SAFETY:` comment justifies it.';
    default:
      return 'No SAFETY comment covers it.';
  }
}

function quote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, client, contexts } = services;
  connection.onHover(
    guardRequest(connection, 'hover', async ({ textDocument, position }): Promise<Hover | null> => {
      const result = await analyses.ensure(textDocument.uri);
      const hover = result && provideHover(result, position, contexts.localDocs);
      if (!hover) return null;
      return { contents: { kind: client.hoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hover.markdown }, range: hover.range };
    }),
  );
  return { hoverProvider: true };
}
