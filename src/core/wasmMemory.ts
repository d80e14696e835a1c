/**
 * web-tree-sitter hands every node and cursor across the wasm boundary through Emscripten's
 * generic `getValue`/`setValue` (a string switch, then a DataView call per 32-bit field). The
 * analysis crosses that boundary millions of times per megabyte, and the profile showed this
 * glue as the largest cost after the parser itself. On little-endian hosts (every platform VS
 * Code and Node run on) an `i32` access is the same as indexing the module's `HEAP32` view, so
 * those two functions are replaced by direct typed-array access; other types keep the original.
 */

/** The part of the Emscripten module object (the one passed to `Parser.init`) used here. */
export interface EmscriptenMemory {
  HEAP32?: Int32Array;
  setValue?: (ptr: number, value: number, type?: string) => void;
  getValue?: (ptr: number, type?: string) => number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Installs the direct `i32` path on an initialised module; false when left as it was. */
export function directI32Access(module: EmscriptenMemory): boolean {
  const { setValue, getValue } = module;
  if (!littleEndian || !setValue || !getValue || !(module.HEAP32 instanceof Int32Array)) return false;
  // HEAP32 is read on every call: Emscripten replaces the view when the wasm memory grows.
  module.setValue = (ptr, value, type = 'i8') => {
    if (type === 'i32') module.HEAP32![ptr >> 2] = value;
    else setValue(ptr, value, type);
  };
  module.getValue = (ptr, type = 'i8') => (type === 'i32' ? module.HEAP32![ptr >> 2]! : getValue(ptr, type));
  return true;
}
