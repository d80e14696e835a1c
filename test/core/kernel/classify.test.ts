import assert from 'node:assert/strict';
import path from 'node:path';
import { classifyKernelFile } from '../../../src/core/kernel/classify';

const ROOT = path.resolve('/src/linux');
const MODULE = path.resolve('/home/me/mymod');

describe('kernel/classify', () => {
  const cases: [string, string][] = [
    ['rust/kernel/lib.rs', 'kernel-crate'],
    ['rust/macros/lib.rs', 'kernel-crate'],
    ['drivers/net/phy/ax88796b_rust.rs', 'driver'],
    ['drivers/gpu/nova-core/nova_core.rs', 'driver'],
    ['samples/rust/rust_minimal.rs', 'sample'],
    ['fs/rust_fs.rs', 'driver'],
    ['scripts/generate_rust_target.rs', 'other'],
    ['tools/foo/src/main.rs', 'other'],
    ['top.rs', 'other'],
  ];
  for (const [rel, expected] of cases)
    it(`${rel} is ${expected}`, () => {
      assert.equal(classifyKernelFile(path.join(ROOT, rel), ROOT), expected);
    });

  it('a file in a module dir outside the tree is an out-of-tree module', () => {
    assert.equal(classifyKernelFile(path.join(MODULE, 'src', 'mymod.rs'), ROOT, MODULE), 'out-of-tree-module');
  });

  it('a file outside both is other', () => {
    assert.equal(classifyKernelFile(path.resolve('/tmp/x.rs'), ROOT, MODULE), 'other');
    assert.equal(classifyKernelFile(path.resolve('/tmp/x.rs'), undefined), 'other');
  });
});
