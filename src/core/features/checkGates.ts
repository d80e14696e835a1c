/**
 * Diagnostics for `#![feature(...)]` gates, mirroring what rustc says about them (unknown,
 * removed, incomplete, internal, stable, duplicate), judged at one toolchain version: the
 * kernel tree's minimum rustc, a setting, or the database's own toolchain.
 */
import { codeInfo, type Code, type Severity } from '../codes';
import type { Finding, Fix } from '../findings';
import type { KernelFileContext } from '../kernel/types';
import { evaluateCfg } from './cfg';
import { gateRemovalEdit } from './gateEdit';
import { closestName } from './suggest';
import type { FeatureDatabase, Gate } from './types';

export interface GateCheckContext {
  readonly db: FeatureDatabase;
  /** Toolchain (X.Y.Z) the gates are judged at. */
  readonly toolchain: string;
  /** Why that toolchain, e.g. "minimum rustc of this kernel tree". */
  readonly toolchainOrigin: string;
  readonly text: string;
  readonly kernel?: KernelFileContext;
}

/** False when the crate's cfg is known and one enclosing `cfg_attr` predicate is false. */
export function gateIsActive(gate: Gate, kernel: KernelFileContext | undefined): boolean {
  const cfg = kernel?.cfg;
  if (!cfg) return true;
  return gate.cfg.every((p) => evaluateCfg(p, cfg) !== false);
}

function removeFix(gate: Gate, text: string, preferred: boolean): Fix {
  return { title: `Remove the \`${gate.name}\` feature gate`, edits: [gateRemovalEdit(gate, text)], preferred };
}

/** Whether two gates are enabled together whenever the later one is (same conditions, or the first is unconditional). */
function overlaps(first: Gate, later: Gate): boolean {
  return first.cfg.length === 0 || (first.cfg.length === later.cfg.length && first.cfg.every((p, i) => p === later.cfg[i]));
}

// "Did you mean" answers per database: a tree repeats its misspelt gates in many files, and each
// answer is an edit-distance search over every known name.
const suggestionCache = new WeakMap<FeatureDatabase, { names: readonly string[]; near: Map<string, string | undefined> }>();

function suggestionFor(db: FeatureDatabase, name: string): string | undefined {
  let entry = suggestionCache.get(db);
  if (!entry) {
    entry = { names: db.names().filter((n) => db.get(n)?.status !== 'removed'), near: new Map() };
    suggestionCache.set(db, entry);
  }
  if (!entry.near.has(name)) entry.near.set(name, closestName(name, entry.names));
  return entry.near.get(name);
}

export function checkGates(gates: readonly Gate[], ctx: GateCheckContext): Finding[] {
  const findings: Finding[] = [];
  const active = gates.filter((g) => gateIsActive(g, ctx.kernel));
  const seen = new Map<string, Gate[]>();
  const at = `judged at rustc ${ctx.toolchain}: ${ctx.toolchainOrigin}`;

  const report = (gate: Gate, code: Code, message: string, extra: Partial<Finding> = {}, severity: Severity = codeInfo(code).severity): void => {
    findings.push({ code, severity, message, span: gate.span, data: { feature: gate.name }, ...extra });
  };

  for (const gate of active) {
    const earlier = (seen.get(gate.name) ?? []).find((g) => overlaps(g, gate));
    seen.set(gate.name, [...(seen.get(gate.name) ?? []), gate]);
    if (earlier) {
      report(gate, 'duplicate-feature', `the feature \`${gate.name}\` has already been enabled`, {
        related: [{ span: earlier.span, message: 'first enabled here' }],
        fixes: [removeFix(gate, ctx.text, true)],
      });
      continue;
    }

    const resolved = ctx.db.resolve(gate.name, ctx.toolchain);
    const record = resolved.record;
    switch (resolved.status) {
      case 'unknown': {
        const near = suggestionFor(ctx.db, gate.name);
        report(gate, 'unknown-feature', near ? `unknown feature \`${gate.name}\`; did you mean \`${near}\`?` : `unknown feature \`${gate.name}\``, {
          fixes: near ? [{ title: `Replace with \`${near}\``, edits: [{ span: gate.span, newText: near }], preferred: true }] : [removeFix(gate, ctx.text, false)],
        });
        break;
      }
      case 'removed': {
        const when = record?.since ? ` in ${record.since}` : '';
        const why = record?.reason ? `: ${record.reason}` : '';
        report(gate, 'removed-feature', `feature \`${gate.name}\` has been removed${when}${why}`, { fixes: [removeFix(gate, ctx.text, true)] });
        break;
      }
      case 'incomplete':
        report(gate, 'incomplete-feature', `the feature \`${gate.name}\` is incomplete and may not be safe to use and/or cause compiler crashes`);
        break;
      case 'internal':
        report(gate, 'internal-feature', `the feature \`${gate.name}\` is internal to the compiler or standard library`);
        break;
      case 'stable':
        report(
          gate,
          'stable-feature',
          `the feature \`${gate.name}\` has been stable since ${record?.since ?? 'an earlier release'} and no longer requires an attribute (${at})`,
          { fixes: [removeFix(gate, ctx.text, true)] },
          'hint',
        );
        break;
      case 'unstable':
        if (record?.status === 'stable' && record.since) {
          report(
            gate,
            'stable-feature',
            `the feature \`${gate.name}\` is stable since ${record.since}; the gate is still needed until the minimum rustc reaches ${record.since} (${at})`,
            {},
            'information',
          );
        } else if (record?.status === 'removed' && record.since) {
          // Accepted at this toolchain, rejected by the ones that removed it.
          const why = record.reason ? `: ${record.reason}` : '';
          report(gate, 'removed-feature', `feature \`${gate.name}\` was removed in ${record.since}${why}; toolchains from ${record.since} on reject this gate (${at})`, {}, 'warning');
        }
        break;
    }
  }
  return findings;
}
