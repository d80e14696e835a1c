import assert from 'node:assert/strict';
import { parseMinToolVersion } from '../../../src/core/kernel/minToolVersion';

describe('kernel/minToolVersion', () => {
  it('reads the rustc) branch of the case', () => {
    const text = 'case "$1" in\nllvm)\n\techo 13.0.1\n\t;;\nrustc)\n\techo 1.78.0\n\t;;\nbindgen)\n\techo 0.65.1\n\t;;\nesac\n';
    assert.deepEqual(parseMinToolVersion(text, 'scripts/min-tool-version.sh'), { version: '1.78.0' });
    assert.deepEqual(parseMinToolVersion(text, 'scripts/min-tool-version.sh', 'bindgen'), { version: '0.65.1' });
  });

  it('reads a one-line branch and normalises X.Y', () => {
    assert.deepEqual(parseMinToolVersion('rustc) echo 1.62 ;;\n', 'f'), { version: '1.62.0' });
  });

  it('takes the lowest version when a branch echoes several', () => {
    const text = 'rustc)\n\tif [ "$SRCARCH" = arm64 ]; then\n\t\techo 1.80.0\n\telse\n\t\techo 1.78.0\n\tfi\n\t;;\n';
    assert.deepEqual(parseMinToolVersion(text, 'f'), { version: '1.78.0' });
  });

  it('does not mistake rustfmt or a later case for rustc', () => {
    assert.deepEqual(parseMinToolVersion('rustfmt)\n\techo 1.0.0\n\t;;\n', 'f'), { problem: 'f: no `rustc)` case found' });
    assert.deepEqual(parseMinToolVersion('rustc)\n\t;;\nbindgen)\n\techo 0.65.1\n\t;;\n', 'f'), {
      problem: 'f:1: the `rustc)` case echoes no version',
    });
  });
});
