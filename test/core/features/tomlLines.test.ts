import assert from 'node:assert/strict';
import { keyLines, lineOfKey, splitKey } from '../../../src/core/features/tomlLines';

describe('features/tomlLines', () => {
  it('splits dotted and quoted keys', () => {
    assert.deepEqual(splitKey('features.foo.kernel'), ['features', 'foo', 'kernel']);
    assert.deepEqual(splitKey('a."b.c" . \'d\''), ['a', 'b.c', 'd']);
  });

  it('finds the line of table headers, keys and dotted keys', () => {
    const text = '[meta]\nrustc = "1"\n\n[features.foo]\nkind = "lang"\n# status = "x"\nstatus = "stable"\nkernel.note = "n"\n[features."bar"]\n"kind" = 1\n';
    const lines = keyLines(text);
    assert.equal(lines.get('meta'), 1);
    assert.equal(lines.get('meta.rustc'), 2);
    assert.equal(lines.get('features'), 4);
    assert.equal(lines.get('features.foo.status'), 7);
    assert.equal(lines.get('features.foo.kernel.note'), 8);
    assert.equal(lines.get('features.bar.kind'), 10);
    assert.equal(lineOfKey(lines, ['features', 'foo', 'missing']), 4);
    assert.equal(lineOfKey(lines, ['nothing']), 1);
  });
});
