/**
 * The kernel's rules for feature gates in code outside rust/ (drivers, samples, subsystems,
 * out-of-tree modules), which kbuild compiles with
 *   -Zallow-features=$(rust_allowed_features) -Zcrate-attr='feature($(rust_allowed_features))'
 *
 * - A gate for a feature not on the allow-list fails the build (rustc E0725), unless the feature
 *   is already stable at the toolchain: rustc only checks unstable features against the list.
 * - A gate for a feature on the allow-list is declared twice, once by kbuild, and rustc rejects
 *   that (E0636), so it is reported as `duplicate-feature` with a fix that removes it.
 * rust/ crates, host programs and code outside any tree are not checked here.
 */
import { codeInfo } from '../codes';
import { evaluateCfg } from '../features/cfg';
import { gateRemovalEdit } from '../features/gateEdit';
import type { FeatureDatabase, Gate } from '../features/types';
import type { Finding } from '../findings';
import type { AllowedFeature, KernelFileClass, KernelFileContext } from './types';

export interface AllowListContext {
  readonly db: FeatureDatabase;
  /** Toolchain the gates are judged at (the tree's minimum rustc unless overridden). */
  readonly toolchain: string;
  readonly text: string;
  readonly kernel: KernelFileContext;
}

const CHECKED: ReadonlySet<KernelFileClass> = new Set<KernelFileClass>(['driver', 'sample', 'out-of-tree-module']);
const WHERE: Record<KernelFileClass, string> = {
  'kernel-crate': 'rust/',
  driver: 'code outside rust/',
  sample: 'samples',
  'out-of-tree-module': 'out-of-tree modules',
  other: 'this file',
};

type Activity = 'active' | 'inactive' | 'conditional';

/** Whether the gate's `cfg_attr` predicates hold for the file's crate (all must hold). */
function activity(gate: Gate, cfg: ReadonlySet<string> | undefined): Activity {
  if (gate.cfg.length === 0) return 'active';
  if (!cfg) return 'conditional';
  let unknown = false;
  for (const pred of gate.cfg) {
    const v = evaluateCfg(pred, cfg);
    if (v === false) return 'inactive';
    if (v === undefined) unknown = true;
  }
  return unknown ? 'conditional' : 'active';
}

function conditionSuffix(gate: Gate, act: Activity): string {
  return act === 'conditional' ? ` (when \`${gate.cfg.join('` and `')}\` holds)` : '';
}

function quoteList(list: readonly AllowedFeature[]): string {
  return list.length === 0 ? 'no features' : list.map((f) => `\`${f.name}\``).join(', ');
}

export function checkAllowList(gates: readonly Gate[], ctx: AllowListContext): Finding[] {
  const { kernel } = ctx;
  const allowList = kernel.facts.allowList;
  if (!CHECKED.has(kernel.fileClass) || allowList === undefined) return [];
  const source = kernel.facts.allowListSource ?? 'the kernel tree';
  const byName = new Map(allowList.map((f) => [f.name, f] as const));
  const findings: Finding[] = [];

  for (const gate of gates) {
    const act = activity(gate, kernel.cfg);
    if (act === 'inactive') continue;
    const allowed = byName.get(gate.name);
    const removal = { title: `Remove \`${gate.name}\` from the feature gate`, edits: [gateRemovalEdit(gate, ctx.text)] };

    if (allowed) {
      if (!kernel.facts.allowListEnabledByKbuild) continue;
      findings.push({
        code: 'duplicate-feature',
        severity: codeInfo('duplicate-feature').severity,
        message:
          `feature \`${gate.name}\` is already enabled for ${WHERE[kernel.fileClass]}: kbuild passes the allow-list ` +
          `(${source}) as \`-Zcrate-attr=feature(...)\`, so declaring it again fails the build (E0636)${conditionSuffix(gate, act)}`,
        span: gate.span,
        // kbuild already enables it, so removing the declaration is the whole fix.
        fixes: [{ ...removal, preferred: true }],
        data: {
          feature: gate.name,
          allowListSource: source,
          ...(allowed.group !== undefined && { allowListGroup: allowed.group }),
        },
      });
      continue;
    }

    const resolved = ctx.db.resolve(gate.name, ctx.toolchain);
    // Stable features pass -Zallow-features; unknown and removed ones have their own errors.
    if (resolved.status === 'stable' || resolved.status === 'unknown' || resolved.status === 'removed') continue;
    const since = resolved.record?.status === 'stable' ? resolved.record.since : undefined;
    const newer = since ? `; it is stable since ${since}, but not yet in rustc ${ctx.toolchain}` : '';
    findings.push({
      code: 'feature-not-allowed',
      severity: codeInfo('feature-not-allowed').severity,
      message:
        `feature \`${gate.name}\` is not on this kernel tree's allow-list for ${WHERE[kernel.fileClass]}: the build fails ` +
        `(E0725): \`-Zallow-features\` only permits ${quoteList(allowList)} (${source})${newer}${conditionSuffix(gate, act)}`,
      span: gate.span,
      fixes: [removal],
      data: { feature: gate.name, allowListSource: source, allowList: allowList.map((f) => f.name).join(',') },
    });
  }
  return findings;
}
