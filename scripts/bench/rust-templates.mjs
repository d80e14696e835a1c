// Kernel-flavoured Rust snippets for the benchmark corpus. Each template takes the seeded rng and
// returns a chunk of source ending in a newline. The mix is chosen so every analysis has work to
// do: documented and undocumented unsafe blocks, `// SAFETY: TODO.` placeholders, comments in the
// wrong style, unsafe fns with and without `# Safety`, unsafe impls, macros and feature gates.
// The share of safe code (state handling, iterators, documented examples, vtables, pin-init) is
// set so that `unsafe` is about as dense as in the kernel's own Rust: one per ~700 characters in
// rust/kernel abstractions, one per ~1,700 in drivers (counted on torvalds/linux).

const NOUNS = ['device', 'queue', 'page', 'folio', 'inode', 'dentry', 'clock', 'regulator', 'irq', 'timer', 'work', 'mutex',
  'spinlock', 'condvar', 'file', 'cred', 'task', 'pid', 'net_device', 'sk_buff', 'phy', 'gpio', 'pci_dev', 'platform_device',
  'firmware', 'dma_fence', 'xarray', 'maple_tree', 'rbtree', 'kobject', 'block_device', 'request', 'bio', 'vma', 'mm'];
const VERBS = ['get', 'put', 'enable', 'disable', 'start', 'stop', 'lock', 'unlock', 'register', 'unregister', 'probe', 'remove',
  'reset', 'flush', 'submit', 'complete', 'map', 'unmap', 'read', 'write', 'alloc', 'free', 'attach', 'detach'];
const FIELDS = ['flags', 'len', 'count', 'index', 'state', 'mode', 'id', 'size', 'offset', 'refcount', 'order', 'priority'];
const TYPES = ['u32', 'u64', 'usize', 'i32', 'bool', 'u8', 'u16'];

// Multi-byte text appears in comments and strings, as it does in real trees (names, arrows, CJK).
const UNICODE_NOTES = [
  'Maintainer: Jürgen Müller — see the mailing list.',
  'Based on the C driver by Zoë Brontë © 2024.',
  'Latency budget ≤ 10 µs on the hot path.',
  'Ported from the naïve implementation; behaviour unchanged →.',
  'Names follow the data sheet (日本語 edition, 第3版).',
  'Works on big-endian too 🦀.',
  'The “fast path” skips the lock when the count is ≥ 1.',
];

const GOOD_SAFETY = [
  '`self.0` is valid for the lifetime of `self` by the type invariant.',
  'The pointer is valid because it was returned by a successful call to the C allocator.',
  'By the function safety requirements, `ptr` is valid and properly aligned.',
  'We hold the lock, so no other thread can modify the underlying object.',
  'The C API guarantees that this function may be called from any context.',
  'The caller guarantees that the object outlives the returned reference.',
  '`ptr` ≠ null was checked above — the object is live.',
  'The reference count is non-zero, so the object cannot be freed concurrently.',
];

const STYLE_BAD_SAFETY = [
  '// Safety: pointer is valid',
  '// safety: we hold the lock',
  '// SAFETY: trivially fine',
  '/* SAFETY: the C side keeps it alive */',
];

export const FEATURES = {
  // Names as rustc knows them; status varies per toolchain, which is the point of the gate checks.
  kernel: ['arbitrary_self_types', 'coerce_unsized', 'dispatch_from_dyn', 'unsize', 'asm_goto', 'used_with_arg', 'allocator_api',
    'ptr_metadata', 'lint_reasons', 'raw_ref_op', 'offset_of_nested', 'const_mut_refs', 'const_refs_to_static', 'new_uninit',
    'inline_const', 'slice_ptr_len', 'const_maybe_uninit_as_mut_ptr', 'impl_trait_in_assoc_type', 'never_type'],
  odd: ['generic_const_exprs', 'specialization', 'core_intrinsics', 'box_syntax', 'const_fn', 'rfl_lens_not_a_feature'],
  cfg: ['CONFIG_RUSTC_HAS_COERCE_POINTEE', 'CONFIG_RUSTC_HAS_SPAN_FILE', 'CONFIG_X86_64', 'not(CONFIG_RUSTC_HAS_COERCE_POINTEE)'],
};

const camel = (snake) => snake.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** A fresh set of names for one chunk. */
function names(r) {
  const c = r.pick(NOUNS);
  const suffix = r.int(0, 99);
  return { c, Name: `${camel(c)}${suffix}`, snake: `${c}${suffix}`, field: r.pick(FIELDS), ty: r.pick(TYPES), verb: r.pick(VERBS) };
}

/** The comment above an unsafe block: usually good, sometimes missing, a placeholder or off-style. */
function safetyComment(r, indent) {
  const kind = r.weighted([['good', 78], ['missing', 10], ['todo', 5], ['style', 7]]);
  if (kind === 'missing') return '';
  if (kind === 'todo') return `${indent}// SAFETY: TODO.\n`;
  if (kind === 'style') return `${indent}${r.pick(STYLE_BAD_SAFETY)}\n`;
  const text = r.pick(GOOD_SAFETY);
  if (r.chance(0.2)) return `${indent}// SAFETY: ${text}\n${indent}// ${r.pick(UNICODE_NOTES)}\n`;
  return `${indent}// SAFETY: ${text}\n`;
}

function safetyDoc(r, indent, what) {
  if (r.chance(0.12)) return '';
  return `${indent}///\n${indent}/// # Safety\n${indent}///\n${indent}/// The caller must ensure that ${what}.\n`;
}

export function fileHeader(r, title) {
  const c = r.pick(NOUNS);
  let s = '// SPDX-License-Identifier: GPL-2.0\n\n';
  s += `//! ${title}.\n//!\n//! C header: [\`include/linux/${c}.h\`](srctree/include/linux/${c}.h)\n`;
  if (r.chance(0.3)) s += `//!\n//! ${r.pick(UNICODE_NOTES)}\n`;
  return s + '\n';
}

/** Crate-level gates: plain lists, multi-name lists and `cfg_attr`-wrapped ones. */
export function featureGates(r, pool, count) {
  let s = '';
  for (let i = 0; i < count; i++) {
    const form = r.weighted([['one', 6], ['list', 2], ['cfg', 2]]);
    if (form === 'one') s += `#![feature(${r.pick(pool)})]\n`;
    else if (form === 'list') s += `#![feature(${r.pick(pool)}, ${r.pick(pool)})]\n`;
    else s += `#![cfg_attr(${r.pick(FEATURES.cfg)}, feature(${r.pick(pool)}))]\n`;
  }
  return s + '\n';
}

export function uses(r) {
  const extra = r.pick(['sync::Arc', 'types::Opaque', 'error::to_result', 'prelude::*', 'str::CStr', 'alloc::KBox']);
  return `use kernel::{bindings, ${extra}};\nuse core::{ffi::c_int, ptr::NonNull};\n\n`;
}

function wrapperType(r) {
  const n = names(r);
  let s = `/// A wrapper for the C \`struct ${n.c}\`.\n///\n/// # Invariants\n///\n/// The pointer is valid and the object is alive.\n`;
  s += `#[repr(transparent)]\npub struct ${n.Name}(Opaque<bindings::${n.c}>);\n\n`;
  for (const t of ['Send', 'Sync']) {
    s += safetyComment(r, '');
    s += `unsafe impl ${t} for ${n.Name} {}\n\n`;
  }
  return s;
}

function accessor(r, n) {
  const f = r.pick(FIELDS);
  let s = `    /// Returns the ${f} of this ${n.c}.\n    pub fn ${f}(&self) -> ${r.pick(TYPES)} {\n`;
  s += safetyComment(r, '        ');
  s += `        unsafe { (*self.0.get()).${f} as _ }\n    }\n`;
  return s;
}

function fallibleCall(r, n) {
  const v = r.pick(VERBS);
  let s = `    /// Calls \`${n.c}_${v}\` on the underlying object.\n    pub fn ${v}(&self, arg: ${r.pick(TYPES)}) -> Result {\n`;
  s += safetyComment(r, '        ');
  if (r.chance(0.5)) {
    s += `        let ret = unsafe {\n            bindings::${n.c}_${v}(\n                self.as_raw(),\n                arg as _,\n            )\n        };\n`;
  } else {
    s += `        let ret = unsafe { bindings::${n.c}_${v}(self.as_raw(), arg as _) };\n`;
  }
  s += `        to_result(ret)\n    }\n`;
  return s;
}

function fromRaw(r, n) {
  let s = `    /// Creates a reference to a [\`${n.Name}\`] from a valid pointer.\n`;
  s += safetyDoc(r, '    ', '`ptr` is valid and remains valid for the lifetime of the returned reference');
  s += `    pub unsafe fn from_raw<'a>(ptr: *mut bindings::${n.c}) -> &'a Self {\n`;
  s += safetyComment(r, '        ');
  s += `        unsafe { &*ptr.cast() }\n    }\n`;
  return s;
}

function asRaw(n) {
  return `    /// Returns a raw pointer to the underlying C object.\n    pub fn as_raw(&self) -> *mut bindings::${n.c} {\n        self.0.get()\n    }\n`;
}

/** Safe methods, the bulk of a real abstraction: state handling, iterators, documented examples. */
function safeMethod(r, n) {
  const f = r.pick(FIELDS);
  return r.weighted([
    [() => `    /// Moves the ${n.c} to its next ${f} for \`event\`.\n    pub fn advance_${f}(&mut self, event: u32) -> Result<${n.ty}> {\n        let next = match event {\n            0 => self.${f}.wrapping_add(1),\n            1 | 2 => self.${f} >> 1,\n            _ => return Err(EINVAL),\n        };\n        if next > Self::MAX_${f.toUpperCase()} {\n            pr_warn!("${n.c}: ${f} out of range: {}\\n", next);\n            return Err(ERANGE);\n        }\n        self.${f} = next;\n        Ok(next)\n    }\n`, 3],
    [() => `    /// Returns how many ${n.c} entries satisfy \`pred\`.\n    pub fn count_where<F: Fn(&Entry) -> bool>(&self, pred: F) -> usize {\n        self.entries\n            .iter()\n            .filter(|e| e.is_live() && pred(e))\n            .count()\n    }\n`, 2],
    [() => `    /// Returns the ${f}, rounded up to the next power of two.\n    ///\n    /// # Examples\n    ///\n    /// \`\`\`\n    /// # use kernel::${n.c}::${n.Name};\n    /// let v = ${n.Name}::round_${f}(5);\n    /// assert_eq!(v, 8);\n    /// \`\`\`\n    pub fn round_${f}(v: usize) -> usize {\n        v.next_power_of_two()\n    }\n`, 2],
    [() => `    /// Whether the ${n.c} may be ${r.pick(VERBS)}ed now.\n    #[inline]\n    pub fn can_${r.pick(VERBS)}(&self) -> bool {\n        !self.flags.contains(Flags::BUSY) && self.${f} < Self::MAX_${f.toUpperCase()}\n    }\n`, 2],
    [() => `    /// Builds the ${n.c} configuration from module parameters.\n    pub fn config(params: &Params) -> Result<Config> {\n        let mut cfg = Config::default();\n        cfg.${f} = params.${f}.try_into().map_err(|_| EINVAL)?;\n        if let Some(mode) = params.mode {\n            cfg.mode = mode;\n        } else if params.${f} == 0 {\n            cfg.mode = Mode::Idle;\n        }\n        Ok(cfg)\n    }\n`, 2],
  ])();
}

function needlessComment(r) {
  // A SAFETY comment above safe code: what clippy::unnecessary_safety_comment flags.
  const f = r.pick(FIELDS);
  return `    /// Returns the next ${f}.\n    pub fn next_${f}(&self) -> usize {\n        // SAFETY: plain arithmetic, nothing to justify.\n        let base = self.${f}() as usize;\n        base.wrapping_add(1)\n    }\n`;
}

function needlessDoc(r) {
  // A `# Safety` section on a safe fn: what clippy::unnecessary_safety_doc flags.
  const v = r.pick(VERBS);
  return `    /// ${camel(v)}s the object.\n    ///\n    /// # Safety\n    ///\n    /// Always safe to call.\n    pub fn ${v}_checked(&self) -> bool {\n        self.as_raw().is_null()\n    }\n`;
}

function callback(r, n) {
  const v = r.pick(VERBS);
  let s = `    /// Called by the C side on \`${v}\`.\n`;
  s += safetyDoc(r, '    ', `\`ptr\` points to a valid \`${n.c}\` whose private data is a \`Self\``);
  s += `    unsafe extern "C" fn ${v}_callback(ptr: *mut bindings::${n.c}) -> c_int {\n`;
  s += safetyComment(r, '        ');
  s += `        let this = unsafe { &*ptr.cast::<Self>() };\n`;
  s += `        match this.${v}(0) {\n            Ok(()) => 0,\n            Err(e) => e.to_errno(),\n        }\n    }\n`;
  return s;
}

function implBlock(r) {
  const n = names(r);
  let s = `impl ${n.Name} {\n` + asRaw(n);
  const methods = r.int(3, 9);
  for (let i = 0; i < methods; i++) {
    s += '\n';
    s += r.weighted([
      [() => accessor(r, n), 5],
      [() => fallibleCall(r, n), 5],
      [() => fromRaw(r, n), 2],
      [() => callback(r, n), 2],
      [() => needlessComment(r), 1],
      [() => needlessDoc(r), 1],
      [() => safeMethod(r, n), 24],
    ])();
  }
  return s + '}\n\n';
}

function unsafeTrait(r) {
  const n = names(r);
  let s = `/// Types that can be used as the private data of a \`${n.c}\`.\n`;
  s += safetyDoc(r, '', `implementers keep the object pinned while it is registered with the C side`);
  s += `pub unsafe trait ${n.Name}Ops: Sized {\n    /// Called on \`${n.verb}\`.\n    fn ${n.verb}(&self) -> Result;\n}\n\n`;
  s += safetyComment(r, '');
  s += `unsafe impl ${n.Name}Ops for ${camel(r.pick(NOUNS))}${r.int(0, 99)} {\n    fn ${n.verb}(&self) -> Result {\n        Ok(())\n    }\n}\n\n`;
  return s;
}

function freeFunction(r) {
  const n = names(r);
  let s = `/// ${camel(n.verb)}s every ${n.c} in \`list\`.\n`;
  s += `pub fn ${n.verb}_all_${n.snake}(list: &[NonNull<bindings::${n.c}>]) -> usize {\n    let mut done = 0;\n    for p in list {\n`;
  s += safetyComment(r, '        ');
  s += `        let ret = unsafe { bindings::${n.c}_${n.verb}(p.as_ptr()) };\n        if ret == 0 {\n            done += 1;\n        }\n    }\n    done\n}\n\n`;
  return s;
}

function unsafeFreeFunction(r) {
  const n = names(r);
  let s = `/// Frees a \`${n.c}\` allocated by the C side.\n`;
  s += safetyDoc(r, '', '`ptr` came from `' + n.c + '_alloc` and is not used afterwards');
  s += `pub unsafe fn free_${n.snake}(ptr: *mut bindings::${n.c}) {\n`;
  s += safetyComment(r, '    ');
  s += `    unsafe { bindings::${n.c}_free(ptr) };\n}\n\n`;
  return s;
}

function macroRules(r) {
  const n = names(r);
  let s = `/// Declares a static \`${n.c}\` and registers it at init time.\n#[macro_export]\nmacro_rules! declare_${n.snake} {\n`;
  s += `    ($name:ident, $val:expr) => {\n        static $name: $crate::${n.Name} = $crate::${n.Name}::new($val);\n`;
  s += `        const _: () = {\n`;
  s += safetyComment(r, '            ');
  s += `            let _ = unsafe { $crate::bindings::${n.c}_${n.verb}(core::ptr::null_mut()) };\n        };\n    };\n}\n\n`;
  return s;
}

function externBlock(r) {
  const n = names(r);
  let s = `extern "C" {\n`;
  for (let i = r.int(1, 4); i > 0; i--) s += `    fn rust_helper_${n.c}_${r.pick(VERBS)}(ptr: *mut bindings::${n.c}) -> c_int;\n`;
  return s + '}\n\n';
}

function statics(r) {
  const n = names(r);
  let s = `static ${n.snake.toUpperCase()}_NAME: &CStr = c_str!("${n.snake}");\n`;
  if (r.chance(0.3)) s += `// ${r.pick(UNICODE_NOTES)}\nconst ${n.snake.toUpperCase()}_BANNER: &str = "${r.pick(['ready → go', 'naïve mode', 'µs timer', '🦀 inside'])}";\n`;
  return s + '\n';
}

function testsModule(r) {
  const n = names(r);
  return `#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn ${n.snake}_roundtrip() {\n        let v: ${n.ty} = ${r.int(0, 200)};\n        assert_eq!(v, v);\n    }\n}\n\n`;
}

/** A plain enum with its conversions, as abstractions map C constants: safe code. */
function flagsEnum(r) {
  const n = names(r);
  const variants = ['Idle', 'Active', 'Suspended', 'Failed', 'Removed'].slice(0, r.int(3, 5));
  let s = `/// The state of a \`${n.c}\` as the C side reports it.\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n#[repr(u32)]\npub enum ${n.Name}State {\n`;
  variants.forEach((v, i) => (s += `    /// The ${n.c} is ${v.toLowerCase()}.\n    ${v} = ${i},\n`));
  s += `}\n\nimpl TryFrom<u32> for ${n.Name}State {\n    type Error = Error;\n\n    fn try_from(v: u32) -> Result<Self> {\n        match v {\n`;
  variants.forEach((v, i) => (s += `            ${i} => Ok(Self::${v}),\n`));
  s += `            _ => Err(EINVAL),\n        }\n    }\n}\n\n`;
  return s;
}

/** Body chunks for library (rust/kernel) code. */
export function libraryChunk(r) {
  return r.weighted([
    [wrapperType, 3],
    [implBlock, 7],
    [unsafeTrait, 1],
    [freeFunction, 2],
    [unsafeFreeFunction, 2],
    [macroRules, 1],
    [externBlock, 1],
    [statics, 1],
    [testsModule, 1],
    [flagsEnum, 3],
  ])(r);
}

/** A driver or sample entry point: `module!` plus its `kernel::Module` impl. */
export function moduleDecl(r, snake) {
  const Name = camel(snake.replace(/-/g, '_'));
  let s = `module! {\n    type: ${Name}Module,\n    name: "${snake}",\n    authors: ["Rust for Linux Contributors"],\n`;
  s += `    description: "${r.pick(['Rust driver', 'Rust sample', 'Rust driver — ünïcode edition'])} ${snake}",\n    license: "GPL",\n}\n\n`;
  s += `struct ${Name}Module {\n    _reg: Registration,\n}\n\n`;
  s += `impl kernel::Module for ${Name}Module {\n    fn init(module: &'static ThisModule) -> Result<Self> {\n        pr_info!("${snake} loaded\\n");\n`;
  s += safetyComment(r, '        ');
  s += `        let reg = unsafe { Registration::new_unchecked(module) };\n        Ok(Self { _reg: reg })\n    }\n}\n\n`;
  return s;
}

/** A `#[vtable]` trait implementation, as drivers register their callbacks: safe code. */
function vtableImpl(r) {
  const n = names(r);
  let s = `#[vtable]\nimpl ${r.pick(['file::Operations', 'miscdevice::MiscDevice', 'phy::Driver', 'platform::Driver'])} for ${n.Name}Driver {\n`;
  s += `    type Ptr = Pin<KBox<Self>>;\n\n    fn open(ctx: &Context) -> Result<Self::Ptr> {\n        pr_info!("${n.snake}: open\\n");\n        KBox::try_pin_init(\n            try_pin_init!(Self {\n                inner <- new_mutex!(Inner::default()),\n                ${n.field}: ctx.${n.field}(),\n            }),\n            GFP_KERNEL,\n        )\n    }\n\n`;
  s += `    fn ${n.verb}(me: Pin<&Self>, buf: &mut [u8]) -> Result<usize> {\n        let mut inner = me.inner.lock();\n        let n = buf.len().min(inner.data.len());\n        buf[..n].copy_from_slice(&inner.data[..n]);\n        inner.${n.field} += n as ${n.ty};\n        Ok(n)\n    }\n}\n\n`;
  return s;
}

/** A pinned driver state with its pin-init constructor: safe code. */
function pinData(r) {
  const n = names(r);
  let s = `/// State of one ${n.c}, pinned because it holds a lock.\n#[pin_data]\npub struct ${n.Name}State {\n    #[pin]\n    inner: Mutex<Inner>,\n    ${n.field}: ${n.ty},\n    name: &'static CStr,\n}\n\n`;
  s += `impl ${n.Name}State {\n    /// Creates the state for \`name\`.\n    pub fn new(name: &'static CStr) -> impl PinInit<Self> {\n        pin_init!(Self {\n            inner <- new_mutex!(Inner::default()),\n            ${n.field}: 0,\n            name,\n        })\n    }\n}\n\n`;
  return s;
}

/** Body chunks for drivers and samples: less raw FFI, same discipline. */
export function driverChunk(r) {
  return r.weighted([
    [implBlock, 4],
    [wrapperType, 1],
    [freeFunction, 1],
    [statics, 1],
    [testsModule, 1],
    [vtableImpl, 9],
    [pinData, 7],
  ])(r);
}
