/**
 * The oracle: the bundled database, read through `rfl-lens feature --json`, must agree with what
 * the installed rustc (RUSTC_BOOTSTRAP=1) says about the same names, on status and version.
 * A broad sample (every 3rd name) runs by default; RFL_ORACLE_FULL=1 checks every name.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadDatabase } from '../../../src/core/features/database';
import { readProbeDiagnostics, type ProbeVerdict } from '../../../src/core/features/probeDiagnostics';
import { probeFeatures, probeRustc } from '../../../src/core/toolchain';
import { runCli } from '../../cli/run';

interface FeatureJson {
  name: string;
  status: string;
  since: string | null;
}

const MADE_UP = ['rfl_lens_made_up_gate', 'definitely_not_a_feature_2026', 'asm_gotoo', 'allocator_apis'];
/** Real gates of every kind, named from outside the generator's sources, to catch names it missed. */
const REAL = [
  'allocator_api', 'arbitrary_self_types', 'asm_const', 'asm_goto', 'box_patterns', 'box_syntax', 'coerce_unsized', 'const_trait_impl',
  'core_intrinsics', 'custom_attribute', 'derive_coerce_pointee', 'dispatch_from_dyn', 'generic_const_exprs', 'inline_const', 'lang_items',
  'let_chains', 'lint_reasons', 'naked_functions', 'never_type', 'new_uninit', 'no_core', 'offset_of_nested', 'plugin', 'raw_ref_op',
  'rustc_attrs', 'slice_ptr_len', 'specialization', 'staged_api', 'try_blocks', 'unsize', 'used_with_arg', 'vec_into_raw_parts',
];

async function askRustc(names: readonly string[]): Promise<Map<string, ProbeVerdict>> {
  const out = new Map<string, ProbeVerdict>();
  const size = 400;
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += size) batches.push(names.slice(i, i + size));
  await Promise.all(
    batches.map(async (batch) => {
      const r = await probeFeatures('rustc', batch);
      for (const [n, v] of readProbeDiagnostics(r.source, batch, r.diagnostics).verdicts) out.set(n, v);
    }),
  );
  return out;
}

async function askDatabase(names: readonly string[]): Promise<Map<string, FeatureJson>> {
  const r = await runCli(['feature', '--json', ...names], process.cwd());
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as FeatureJson[]).map((f) => [f.name, f]));
}

/** Whether the database's answer matches rustc's verdict. */
function agrees(db: FeatureJson, rustc: ProbeVerdict): boolean {
  if (db.status !== rustc.status) return false;
  if (rustc.status === 'stable' || rustc.status === 'removed') return db.since === (rustc.since ?? null);
  return true;
}

describe('features oracle (bundled database vs the installed rustc)', function () {
  this.timeout(600_000);
  let sameToolchain = false;

  before(async function () {
    try {
      execFileSync('rustc', ['--version']);
    } catch {
      console.log('      skipped: rustc is not installed');
      this.skip();
    }
    const info = await probeRustc();
    sameToolchain = info.version === loadDatabase().db.meta.rustc;
    if (!sameToolchain) {
      console.log(`      skipped: the bundled database is for rustc ${loadDatabase().db.meta.rustc}, the installed rustc is ${info.version}`);
      this.skip();
    }
  });

  it('agrees on status and since for a broad sample, and on made-up names', async () => {
    const all = loadDatabase().db.names();
    const full = process.env.RFL_ORACLE_FULL === '1';
    const sample = [...new Set([...all.filter((_, i) => full || i % 3 === 0), ...REAL]), ...MADE_UP];
    const [rustc, db] = await Promise.all([askRustc(sample), askDatabase(sample)]);
    const disagreements = sample.filter((n) => !agrees(db.get(n)!, rustc.get(n)!));
    const agreement = 1 - disagreements.length / sample.length;
    console.log(`      oracle: ${sample.length - disagreements.length}/${sample.length} agree (${(agreement * 100).toFixed(2)}%)${full ? ' [full list]' : ''}`);
    for (const n of disagreements.slice(0, 20)) console.log(`        ${n}: database ${JSON.stringify(db.get(n))} rustc ${JSON.stringify(rustc.get(n))}`);
    assert.ok(sample.length >= 500, `sample of only ${sample.length}`);
    assert.ok(agreement >= 0.995, `agreement ${(agreement * 100).toFixed(2)}% < 99.5%`);
    for (const n of REAL) assert.notEqual(db.get(n)?.status, 'unknown', n);
    for (const n of MADE_UP) {
      assert.equal(db.get(n)?.status, 'unknown', n);
      assert.equal(rustc.get(n)?.status, 'unknown', n);
    }
  });
});
