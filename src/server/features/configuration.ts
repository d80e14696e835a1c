/**
 * Settings changes: the cached per-URI settings and contexts are dropped and every open document
 * is re-analysed; editors that can refresh inlay hints and semantic tokens are asked to.
 * didChangeConfiguration is registered dynamically when the client allows it, so clients that only
 * send it on request (VS Code's client) do send it.
 */
import { DidChangeConfigurationNotification, type ServerCapabilities } from 'vscode-languageserver/node';
import { guardNotification } from '../guard';
import type { Services } from '../services';
import { SETTINGS_SECTION } from '../settings';

export function register(services: Services): ServerCapabilities {
  const { connection, client, settings, contexts, analyses } = services;
  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', ({ settings: pushed }) => {
      settings.changed(pushed);
      contexts.reset();
      analyses.invalidateAll();
      if (client.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
      if (client.semanticTokensRefresh) connection.languages.semanticTokens.refresh();
    }),
  );
  services.onInitialized(async () => {
    if (client.configurationDynamic) await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  });
  return {};
}
