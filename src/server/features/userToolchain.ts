/**
 * In a trusted workspace, asks the user's rustc (`rflLens.rustcPath`, else `rustc` on PATH) for its
 * version once the client is ready: gates are then judged at that version when neither a setting
 * nor a kernel tree says otherwise, and rflLens/status shows it. Untrusted: no program is run.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { probeRustc } from '../../core/toolchain';
import { describe } from '../analysis';
import type { Services } from '../services';

export function register(services: Services): ServerCapabilities {
  const { options, settings, contexts, connection } = services;
  if (!options.trusted) return {};
  services.onInitialized(async () => {
    const rustcPath = (await settings.get()).rustcPath ?? 'rustc';
    try {
      const rustc = await probeRustc(rustcPath);
      contexts.setUserToolchain(rustc);
    } catch (e) {
      // No rustc is a normal set-up (the bundled database still works): log, do not warn.
      connection.console.info(`no rustc to judge gates at (${describe(e)}); using the feature database's toolchain`);
      contexts.setUserToolchain(undefined);
    }
  });
  return {};
}
