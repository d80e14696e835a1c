/**
 * Agreement with clippy on Rust nobody on this project wrote: Debian's packaged crate sources
 * (test/clippy/apt-packages.txt; /usr/share/cargo/registry). Both tools run on every file clippy
 * compiles; per rule, precision and recall must be at least 0.98.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { clippyAvailable, RULES, runClippy, runOurs, score, seededCopy, type CrateSpec, type Key } from './harness';

const REGISTRY = '/usr/share/cargo/registry';

/** Crate, edition, cfg: chosen for many unsafe blocks and no dependencies. */
const CRATES: readonly { name: string; edition: string; cfg: string[] }[] = [
  { name: 'memchr', edition: '2018', cfg: ['feature="std"'] },
  { name: 'smallvec', edition: '2018', cfg: [] },
  { name: 'arrayvec', edition: '2018', cfg: ['feature="std"'] },
  { name: 'bytes', edition: '2018', cfg: ['feature="std"'] },
  { name: 'ryu', edition: '2015', cfg: [] },
  { name: 'byteorder', edition: '2018', cfg: ['feature="std"'] },
  { name: 'itoa', edition: '2018', cfg: [] },
  { name: 'scopeguard', edition: '2015', cfg: [] },
  { name: 'bytemuck', edition: '2018', cfg: ['feature="extern_crate_alloc"'] },
  { name: 'once_cell', edition: '2021', cfg: ['feature="std"', 'feature="alloc"', 'feature="race"'] },
];

function crateDir(name: string): string | undefined {
  if (!existsSync(REGISTRY)) return undefined;
  const dir = readdirSync(REGISTRY).find((d) => d.startsWith(`${name}-`) && /^\d/.test(d.slice(name.length + 1)));
  return dir ? path.join(REGISTRY, dir) : undefined;
}

describe('third-party crates against clippy', function () {
  this.timeout(900000);
  const expected = new Set<Key>();
  const actual = new Set<Key>();
  // The same crates with SAFETY comments and `# Safety` sections seeded above every other `let`
  // and fn: the crates themselves have few, so the "unnecessary" rules need these.
  const seededExpected = new Set<Key>();
  const seededActual = new Set<Key>();
  const found = CRATES.map((c) => ({ ...c, dir: crateDir(c.name) })).filter((c): c is typeof c & { dir: string } => c.dir !== undefined);

  before(function () {
    if (!clippyAvailable()) {
      console.log('    clippy-driver not found on PATH: skipping the third-party comparison');
      this.skip();
    }
    if (found.length === 0) {
      console.log(`    no crate sources under ${REGISTRY} (apt-get install $(cat test/clippy/apt-packages.txt)): skipping`);
      this.skip();
    }
  });

  for (const c of CRATES) {
    it(`${c.name}: runs both tools`, async function () {
      const dir = crateDir(c.name);
      if (!dir) {
        console.log(`    ${c.name} sources not installed: skipping`);
        this.skip();
      }
      const spec: CrateSpec = { root: path.join(dir, 'src', 'lib.rs'), dir, edition: c.edition, cfg: c.cfg, crateName: c.name };
      const run = runClippy(spec);
      assert.deepEqual(run.errors, [], `${c.name} does not compile standalone`);
      assert.ok(run.files.length > 0);
      for (const k of run.findings) expected.add(`${c.name}/${k}`);
      for (const k of await runOurs(spec, run.files)) actual.add(`${c.name}/${k}`);

      const seeded = seededCopy(dir, 2);
      try {
        const seededSpec: CrateSpec = { ...spec, root: path.join(seeded, 'src', 'lib.rs'), dir: seeded };
        const seededRun = runClippy(seededSpec);
        assert.deepEqual(seededRun.errors, [], `${c.name} (seeded) does not compile`);
        for (const k of seededRun.findings) seededExpected.add(`${c.name}/${k}`);
        for (const k of await runOurs(seededSpec, seededRun.files)) seededActual.add(`${c.name}/${k}`);
      } finally {
        rmSync(seeded, { recursive: true, force: true });
      }
    });
  }

  const assertScores = (label: string, exp: Set<Key>, act: Set<Key>): void => {
    const scores = score(exp, act);
    for (const rule of RULES) {
      const s = scores[rule]!;
      console.log(`    ${label} ${rule.padEnd(28)} clippy ${s.tp + s.fn}  ours ${s.tp + s.fp}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}`);
      assert.ok(s.precision >= 0.98, `${label} ${rule}: precision ${s.precision}`);
      assert.ok(s.recall >= 0.98, `${label} ${rule}: recall ${s.recall}`);
    }
  };

  it('agrees per rule with precision and recall >= 0.98', function () {
    if (expected.size === 0) this.skip();
    assertScores('as packaged', expected, actual);
  });

  it('agrees per rule on the seeded copies with precision and recall >= 0.98', function () {
    if (seededExpected.size === 0) this.skip();
    assertScores('seeded     ', seededExpected, seededActual);
  });
});
