import assert from 'node:assert/strict';
import { directI32Access, type EmscriptenMemory } from '../../src/core/wasmMemory';

describe('wasmMemory', () => {
  function fakeModule(): EmscriptenMemory & { calls: string[] } {
    const calls: string[] = [];
    const buffer = new ArrayBuffer(64);
    const view = new DataView(buffer);
    const module: EmscriptenMemory & { calls: string[] } = {
      calls,
      HEAP32: new Int32Array(buffer),
      setValue: (ptr, value, type = 'i8') => {
        calls.push(`set ${type}`);
        if (type === 'i32') view.setInt32(ptr, value, true);
        else view.setInt8(ptr, value);
      },
      getValue: (ptr, type = 'i8') => {
        calls.push(`get ${type}`);
        return type === 'i32' ? view.getInt32(ptr, true) : view.getInt8(ptr);
      },
    };
    return module;
  }

  it('reads and writes i32 through HEAP32 with the same results as the generic path', () => {
    const m = fakeModule();
    assert.equal(directI32Access(m), true);
    m.setValue!(8, -123456, 'i32');
    assert.equal(m.getValue!(8, 'i32'), -123456);
    assert.equal(new DataView(m.HEAP32!.buffer).getInt32(8, true), -123456);
    assert.deepEqual(m.calls, []);
  });

  it('leaves other types to the original functions', () => {
    const m = fakeModule();
    directI32Access(m);
    m.setValue!(3, -5, 'i8');
    assert.equal(m.getValue!(3, 'i8'), -5);
    assert.deepEqual(m.calls, ['set i8', 'get i8']);
  });

  it('follows a replaced HEAP32 view (wasm memory growth)', () => {
    const m = fakeModule();
    directI32Access(m);
    const grown = new Int32Array(new ArrayBuffer(128));
    m.HEAP32 = grown;
    m.setValue!(100, 77, 'i32');
    assert.equal(grown[25], 77);
    assert.equal(m.getValue!(100, 'i32'), 77);
  });

  it('refuses a module without the generic functions', () => {
    assert.equal(directI32Access({ HEAP32: new Int32Array(4) }), false);
  });
});
