/**
 * What the client can do, read once from InitializeParams. Neovim, Helix, Emacs and Zed each
 * support a different subset of LSP, so every optional feature the server uses is checked here.
 */
import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** workspace/configuration: settings can be pulled per resource. */
  readonly configuration: boolean;
  /** workspace/didChangeConfiguration can be registered dynamically. */
  readonly configurationDynamic: boolean;
  /** workspace/didChangeWatchedFiles can be registered dynamically. */
  readonly watchedFilesDynamic: boolean;
  /** window/workDoneProgress/create. */
  readonly workDoneProgress: boolean;
  readonly diagnosticRelatedInformation: boolean;
  readonly diagnosticCodeDescription: boolean;
  readonly diagnosticTags: boolean;
  readonly diagnosticVersion: boolean;
  readonly hoverMarkdown: boolean;
  readonly completionMarkdown: boolean;
  readonly completionLabelDetails: boolean;
  /** CompletionList.itemDefaults the client applies (e.g. `editRange`, `data`): shared values sent once. */
  readonly completionItemDefaults: readonly string[];
  /** The client fetches `documentation` with completionItem/resolve (else it is sent inline). */
  readonly completionResolvesDocumentation: boolean;
  readonly codeActionLiterals: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits the client can refuse when stale). */
  readonly documentChanges: boolean;
  readonly inlayHintRefresh: boolean;
  readonly semanticTokensRefresh: boolean;
}

export function readClientFeatures(caps: ClientCapabilities): ClientFeatures {
  const ws = caps.workspace;
  const td = caps.textDocument;
  return {
    configuration: ws?.configuration === true,
    configurationDynamic: ws?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesDynamic: ws?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: caps.window?.workDoneProgress === true,
    diagnosticRelatedInformation: td?.publishDiagnostics?.relatedInformation === true,
    diagnosticCodeDescription: td?.publishDiagnostics?.codeDescriptionSupport === true,
    diagnosticTags: (td?.publishDiagnostics?.tagSupport?.valueSet.length ?? 0) > 0,
    diagnosticVersion: td?.publishDiagnostics?.versionSupport === true,
    hoverMarkdown: td?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false,
    completionMarkdown: td?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false,
    completionLabelDetails: td?.completion?.completionItem?.labelDetailsSupport === true,
    completionItemDefaults: td?.completion?.completionList?.itemDefaults ?? [],
    completionResolvesDocumentation: td?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') ?? false,
    codeActionLiterals: td?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: ws?.workspaceEdit?.documentChanges === true,
    inlayHintRefresh: ws?.inlayHint?.refreshSupport === true,
    semanticTokensRefresh: ws?.semanticTokens?.refreshSupport === true,
  };
}
