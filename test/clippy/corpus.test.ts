/**
 * The differential corpus: small kernel-flavoured files covering every placement of unsafe code
 * (test/clippy/corpus/*.rs, plus the kernel-style fixtures). Each file's `.clippy` golden holds
 * what clippy 0.1.95 reports; checkSafety must report exactly that. With clippy-driver present
 * the goldens are also re-checked against a live clippy run.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clippyAvailable, diff, goldenText, parseGolden, runClippy, runOurs, type CrateSpec } from './harness';

const DIRS = [path.join(__dirname, 'corpus'), path.join(__dirname, '..', 'fixtures', 'kernel-style')];
const files = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.rs')).sort().map((f) => path.join(d, f)));
const spec = (file: string): CrateSpec => ({ root: file, dir: path.dirname(file), edition: '2021' });

describe('clippy differential corpus', () => {
  it('has at least 150 unsafe sites', async () => {
    const { loadRustParser, ParsedDocument } = await import('../../src/core/parser');
    const { collectUnsafeSites } = await import('../../src/core/safety/inventory');
    const parser = await loadRustParser();
    let sites = 0;
    for (const f of files) {
      const doc = new ParsedDocument(parser, readFileSync(f, 'utf8'));
      sites += collectUnsafeSites(doc).length;
      doc.dispose();
    }
    assert.ok(sites >= 150, `only ${sites} unsafe sites`);
  });

  for (const file of files) {
    const name = path.basename(file);
    it(`${name}: checkSafety matches the clippy golden`, async () => {
      const golden = parseGolden(name, readFileSync(file.replace(/\.rs$/, '.clippy'), 'utf8'));
      const ours = await runOurs(spec(file), [name]);
      assert.deepEqual(diff(golden, ours), { missing: [], extra: [] });
    });
  }

  describe('live clippy-driver', function () {
    before(function () {
      if (!clippyAvailable()) {
        console.log('    clippy-driver not found on PATH: skipping the live comparison');
        this.skip();
      }
    });
    for (const file of files) {
      const name = path.basename(file);
      it(`${name}: clippy still reports what the golden says`, function () {
        this.timeout(120000);
        const run = runClippy(spec(file));
        assert.deepEqual(run.errors, []);
        assert.equal(goldenText(run.findings), readFileSync(file.replace(/\.rs$/, '.clippy'), 'utf8'));
      });
    }
  });
});
