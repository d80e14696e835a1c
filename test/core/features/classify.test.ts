import assert from 'node:assert/strict';
import { classifyNames } from '../../../src/core/features/classify';
import type { FeatureProbeResult } from '../../../src/core/toolchain';
import { featureProbeSource } from '../../../src/core/toolchain';

/**
 * A stand-in rustc with the diagnostic shapes of the real one: unknown names are E0635, one name
 * is removed (E0557), `breaker` makes any crate fail (like `staged_api`), and `hider` makes the
 * attribute malformed so nobody else gets an answer (like `true` would).
 */
const LANG = new Set(['lang_a', 'gone', 'breaker']);
const INTERNAL = new Set(['breaker']);
const LIB = new Set(['lib_b', 'lib_stable']);

function diag(source: string, name: string, code: string, message: string, level: string, children: string[] = []): string {
  const start = Buffer.byteLength(source.slice(0, source.indexOf(`\n${name}`) + 1));
  return JSON.stringify({ message, code: { code }, level, spans: [{ byte_start: start, byte_end: start + name.length, is_primary: true }], children: children.map((m) => ({ message: m })) });
}

function fakeRustc(calls: string[][]): (names: readonly string[]) => Promise<FeatureProbeResult> {
  return async (names) => {
    calls.push([...names]);
    const source = featureProbeSource(names);
    if (names.includes('hider')) {
      const d = JSON.stringify({ message: 'malformed `feature` attribute input', code: { code: 'E0539' }, level: 'error', spans: [], children: [] });
      return { source, diagnostics: `${d}\n`, code: 1 };
    }
    const lines: string[] = [];
    let failed = false;
    for (const n of names) {
      if (n === 'gone') lines.push(diag(source, n, 'E0557', 'feature has been removed', 'error', ['removed in 1.50.0; see <https://example.invalid> for more information', 'superseded']));
      else if (INTERNAL.has(n)) lines.push(diag(source, n, 'internal_features', `the feature \`${n}\` is internal to the compiler or standard library`, 'warning'));
      else if (n === 'lib_stable') lines.push(diag(source, n, 'stable_features', `the feature \`${n}\` has been stable since 1.60.0 and no longer requires an attribute to enable`, 'warning'));
      else if (!LANG.has(n) && !LIB.has(n)) lines.push(diag(source, n, 'E0635', `unknown feature \`${n}\``, 'error'));
      failed ||= n === 'gone' || (!LANG.has(n) && !LIB.has(n));
    }
    if (names.includes('breaker')) {
      lines.push(JSON.stringify({ message: 'module has missing stability attribute', code: null, level: 'error', spans: [], children: [] }));
      failed = true;
    }
    const metrics = failed
      ? undefined
      : JSON.stringify({ lib_features: names.filter((n) => !LANG.has(n)).map((symbol) => ({ symbol })), lang_features: names.filter((n) => LANG.has(n)).map((symbol) => ({ symbol })) });
    return { source, diagnostics: lines.join('\n'), metrics, code: failed ? 1 : 0 };
  };
}

describe('features/classify', () => {
  it('classifies, confirms kinds in clean crates and isolates a name that breaks compilation', async () => {
    const calls: string[][] = [];
    const progress: string[] = [];
    const { result, problems } = await classifyNames(['breaker', 'gone', 'lang_a', 'lib_b', 'lib_stable', 'nope1', 'nope2'], fakeRustc(calls), {
      batchSize: 4,
      cleanBatchSize: 4,
      concurrency: 1,
      onProgress: (m) => progress.push(m),
    });
    assert.deepEqual(Object.fromEntries(result), {
      gone: { verdict: { status: 'removed', since: '1.50.0', reason: 'superseded' }, kind: 'lang' },
      lang_a: { verdict: { status: 'unstable' }, kind: 'lang' },
      lib_b: { verdict: { status: 'unstable' }, kind: 'lib' },
      lib_stable: { verdict: { status: 'stable', since: '1.60.0' }, kind: 'lib' },
      breaker: { verdict: { status: 'internal' } },
    });
    assert.deepEqual(problems, ['breaker: a crate enabling it does not compile (module has missing stability attribute); kind taken from other sources']);
    assert.deepEqual(progress[progress.length - 1], 'confirming 4 known names in clean compilations');
  });

  it('asks again about names a broken attribute left without an answer', async () => {
    const calls: string[][] = [];
    const { result, problems } = await classifyNames(['hider', 'lang_a', 'lib_b', 'nope'], fakeRustc(calls), { batchSize: 10, concurrency: 1 });
    assert.deepEqual([...result.keys()].sort(), ['lang_a', 'lib_b']);
    assert.deepEqual(problems, ['hider: rustc gave no verdict, only an error (malformed `feature` attribute input [E0539]); left out']);
    assert.equal(result.get('lang_a')?.kind, 'lang');
    // First the whole batch, then the silent names in halves until the breaker is alone.
    assert.deepEqual(calls.slice(0, 3), [['hider', 'lang_a', 'lib_b', 'nope'], ['hider', 'lang_a'], ['hider']]);
  });
});
