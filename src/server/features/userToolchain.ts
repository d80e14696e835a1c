/**
 * In a trusted workspace, asks the user's rustc (`rflLens.rustcPath`, else `rustc` on PATH) for its
 * version once the client is ready: gates are then judged at that version when neither a setting
 * nor a kernel tree says otherwise, and rflLens/status shows it. Untrusted: no program is run.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { probeRustc } from '../../core/toolchain';
import { describe } from '../analysis';
import type { Services } from '../services';

/** Analyses wait for the probe at most this long; a slower answer is applied when it comes. */
const PROBE_WAIT_MS = 5000;

export function register(services: Services): ServerCapabilities {
  const { options, settings, contexts, analyses, connection } = services;
  if (!options.trusted) return {};
  services.onInitialized(async () => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      connection.console.warn(`rustc did not answer within ${PROBE_WAIT_MS} ms; analysing with the feature database's toolchain meanwhile`);
      contexts.setUserToolchain(undefined);
    }, PROBE_WAIT_MS);
    try {
      const rustPath = (await settings.get()).rustcPath ?? 'rustc';
      const rustc = await probeRustc(rustPath);
      contexts.setUserToolchain(rustc);
      if (late) analyses.invalidateAll();
    } catch (e) {
      // No rustc is a normal set-up (the bundled database still works): log, do not warn.
      connection.console.info(`no rustc to judge gates at (${describe(e)}); using the feature database's toolchain`);
      if (!late) contexts.setUserToolchain(undefined);
    } finally {
      clearTimeout(timer);
    }
  });
  return {};
}
