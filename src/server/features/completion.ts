/**
 * Completion of feature names inside `#![feature(...)]`, also when nested in `cfg_attr`. Items say
 * their status at the document's toolchain; unstable features sort first (those are the gates one
 * adds), stable and removed ones last. Documentation comes with completionItem/resolve when the
 * client resolves it lazily, else inline.
 */
import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem, type CompletionList, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ResolvedStatus } from '../../core/features/types';
import type { LineIndex } from '../../core/positions';
import type { ClientFeatures } from '../capabilities';
import { toRange } from '../convert';
import { featureListAt } from '../featureListAt';
import { featureMarkdown, featureView, type GateContext } from '../featureText';
import { guardRequest } from '../guard';
import type { Services } from '../services';

const RANK: Record<ResolvedStatus, number> = { unstable: 0, incomplete: 1, internal: 2, stable: 3, removed: 4, unknown: 5 };

/** What completionItem/resolve needs besides the label (the feature name). */
export interface CompletionData {
  readonly uri: string;
}

export function provideCompletion(ctx: GateContext, lines: LineIndex, uri: string, offset: number, client: ClientFeatures): CompletionList | null {
  const where = featureListAt(lines.text, offset);
  if (!where) return null;
  const range = toRange(lines, where.word);
  const data: CompletionData = { uri };
  // 2,000-odd items: values shared by all go once in itemDefaults when the client applies them.
  const sharedRange = client.completionItemDefaults.includes('editRange');
  const sharedData = client.completionItemDefaults.includes('data');
  const items: CompletionItem[] = [];
  for (const name of ctx.db.names()) {
    if (where.present.has(name)) continue;
    const view = featureView(ctx.db, name, ctx.toolchain);
    const kind = view.record ? (view.record.kind === 'lang' ? 'language' : 'library') : '';
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: kind ? `${view.label} · ${kind} feature` : view.label,
      sortText: `${RANK[view.status]}_${name}`,
    };
    if (!sharedRange) item.textEdit = { range, newText: name };
    if (!sharedData) item.data = data;
    if (client.completionLabelDetails) item.labelDetails = { description: view.label };
    if (!client.completionResolvesDocumentation) item.documentation = documentation(ctx, name, client);
    if (view.status === 'removed') item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  const itemDefaults: CompletionList['itemDefaults'] = {
    ...(sharedRange ? { editRange: range } : {}),
    ...(sharedData ? { data } : {}),
  };
  return { isIncomplete: false, ...(sharedRange || sharedData ? { itemDefaults } : {}), items };
}

function documentation(ctx: GateContext, name: string, client: ClientFeatures): CompletionItem['documentation'] {
  const value = featureMarkdown(ctx, name);
  return client.completionMarkdown ? { kind: MarkupKind.Markdown, value } : value;
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, client } = services;
  connection.onCompletion(
    guardRequest(connection, 'completion', async ({ textDocument, position }): Promise<CompletionList | null> => {
      const result = await analyses.ensure(textDocument.uri);
      if (!result?.ctx) return null;
      return provideCompletion(result.ctx, result.lines, result.uri, result.lines.offsetAt(position), client);
    }),
  );
  connection.onCompletionResolve(
    guardRequest(connection, 'completionItem/resolve', (item: CompletionItem): CompletionItem => {
      const data = item.data as Partial<CompletionData> | undefined;
      const ctx = data?.uri ? analyses.latest(data.uri)?.ctx : undefined;
      if (!ctx) return item;
      return { ...item, documentation: documentation(ctx, item.label, client) };
    }),
  );
  return { completionProvider: { triggerCharacters: ['(', ','], resolveProvider: true } };
}
