import assert from 'node:assert/strict';
import { parseDatabase } from '../../../src/core/features/database';
import { serializeDatabase, tomlString } from '../../../src/core/features/serialize';
import type { FeatureRecord } from '../../../src/core/features/types';

const RECORDS: FeatureRecord[] = [
  { name: 'zeta', kind: 'lib', status: 'unstable', trackingIssue: 7, description: 'Says "hi"\\n', links: { trackingIssue: 'https://github.com/rust-lang/rust/issues/7' } },
  {
    name: 'alpha',
    kind: 'lang',
    status: 'stable',
    since: '1.80.0',
    links: { release: 'https://github.com/rust-lang/rust/releases/tag/1.80.0' },
    kernel: { allowed: true, expectation: 'to be determined', droppedIn: '6.12', links: ['https://github.com/Rust-for-Linux/linux/issues/2'] },
  },
];

describe('features/serialize', () => {
  it('writes sorted, fixed-layout TOML', () => {
    const text = serializeDatabase({ rustc: '1.95.0', rustcVersionLine: 'rustc 1.95.0 (x)', schema: 1 }, RECORDS, ['Generated.']);
    assert.equal(
      text,
      [
        '# Generated.',
        '',
        '[meta]',
        'rustc = "1.95.0"',
        'rustc_version_line = "rustc 1.95.0 (x)"',
        'schema = 1',
        '',
        '[features.alpha]',
        'kind = "lang"',
        'status = "stable"',
        'since = "1.80.0"',
        '',
        '[features.alpha.kernel]',
        'allowed = true',
        'expectation = "to be determined"',
        'dropped_in = "6.12"',
        'links = ["https://github.com/Rust-for-Linux/linux/issues/2"]',
        '',
        '[features.zeta]',
        'kind = "lib"',
        'status = "unstable"',
        'tracking_issue = 7',
        'description = "Says \\"hi\\"\\\\n"',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through the loader', () => {
    const text = serializeDatabase({ rustc: '1.95.0', schema: 1 }, RECORDS);
    const { db, problems } = parseDatabase(text, 'x.toml');
    assert.deepEqual(problems, []);
    assert.deepEqual(db!.get('alpha'), RECORDS[1]);
    assert.deepEqual(db!.get('zeta'), RECORDS[0]);
  });

  it('escapes control characters', () => {
    assert.equal(tomlString('a\tb\u0001"\\'), '"a\\tb\\u0001\\"\\\\"');
  });
});
