import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from '../../../src/core/report/renderMarkdown';
import { sampleModel } from './sampleModel';

describe('report/renderMarkdown', () => {
  const md = renderMarkdown(sampleModel());

  it('renders the sample model exactly as the reviewed golden file', () => {
    assert.equal(md, readFileSync(path.join(__dirname, 'golden', 'sample.md'), 'utf8'));
  });

  it('lists only the nonzero diagnostic codes with their default severity', () => {
    const rows = md.split('\n').filter((l) => /^\| `[a-z-]+` \| (error|warning|information|hint) \|/.test(l));
    assert.deepEqual(rows, [
      '| `missing-safety-comment` | warning | 2 |',
      '| `safety-comment-placeholder` | information | 1 |',
      '| `feature-not-allowed` | error | 1 |',
    ]);
  });

  it('says which gates can go now and which at the next minimum-rustc bump', () => {
    assert.ok(md.includes('Can be dropped now (stable at rustc 1.78.0): `c_str_literals`.\n'));
    assert.ok(md.includes('Can be dropped when the minimum rustc is raised: `inline_const` (stable since 1.79.0).\n'));
  });

  it('caps a gate row at three locations and counts the rest', () => {
    assert.ok(md.includes('| `inline_const` | unstable | stable | 1.79.0 | yes | drop at next bump | `rust/kernel/m1.rs:1`, `rust/kernel/m2.rs:2`, `rust/kernel/m3.rs:3` and 1 more |'));
  });

  it('groups findings by directory and keeps markup in messages inert', () => {
    const findings = md.slice(md.indexOf('### SAFETY findings (3)'), md.indexOf('### Not analysed'));
    assert.equal(
      findings,
      [
        '### SAFETY findings (3)',
        '',
        '`drivers/net`:',
        '',
        '- `drivers/net/phy.rs:9:5` missing-safety-comment: unsafe block missing a safety comment',
        '',
        '`rust/kernel`:',
        '',
        '- `rust/kernel/lib.rs:20:1` missing-safety-comment: unsafe impl missing a safety comment | \\<T>',
        '- `rust/kernel/lib.rs:30:5` safety-comment-placeholder: `SAFETY: TODO` placeholder\\</script>\\<script>alert(1)\\</script>',
        '',
        '',
      ].join('\n'),
    );
  });

  it('leaves directories without unsafe code out of the coverage table', () => {
    assert.ok(!md.includes('`samples`'));
  });

  it('says so when there is nothing to report', () => {
    const empty = { ...sampleModel(), gates: [], findings: [], directories: [], skipped: [] };
    const text = renderMarkdown(empty);
    assert.ok(text.includes('No `#![feature(...)]` gates used.\n'));
    assert.ok(text.includes('No unsafe code found.\n'));
    assert.ok(text.includes('### SAFETY findings (0)\n\nNone.\n'));
    assert.ok(!text.includes('### Not analysed'));
  });
});
