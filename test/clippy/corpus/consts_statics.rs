// SPDX-License-Identifier: GPL-2.0
//! Constants, statics, extern blocks and unsafe attributes.

use core::mem;

pub const UNDOCUMENTED: usize = unsafe { mem::size_of::<u8>() };

// SAFETY: documented constant.
pub const DOCUMENTED: usize = unsafe { mem::size_of::<u16>() };

// SAFETY: above a multi-line constant.
pub const MULTI_LINE: usize = 1
    + unsafe { mem::size_of::<u32>() };

pub const MULTI_LINE_UNDOCUMENTED: usize = 1
    + unsafe { mem::size_of::<u32>() };

pub static STATIC_UNDOCUMENTED: usize = unsafe { mem::size_of::<u64>() };

// SAFETY: documented static.
pub static STATIC_DOCUMENTED: usize = unsafe { mem::size_of::<u64>() };

#[allow(unused)]
// SAFETY: between attributes of a static.
#[allow(dead_code)]
static ATTRIBUTED: usize = unsafe { mem::size_of::<u64>() };

pub mod consts {
    use core::mem;

    pub const IN_MODULE: usize = unsafe { mem::size_of::<u8>() };

    // SAFETY: documented in a module.
    pub const IN_MODULE_DOCUMENTED: usize = unsafe { mem::size_of::<u8>() };
}

pub struct Regs;

impl Regs {
    pub const ASSOC: usize = unsafe { mem::size_of::<u8>() };

    // SAFETY: documented associated constant.
    pub const ASSOC_DOCUMENTED: usize = unsafe { mem::size_of::<u8>() };
}

extern "C" {
    pub fn memset_c(p: *mut u8, c: i32, n: usize) -> *mut u8;
    pub static jiffies_c: u64;
}

// SAFETY: the C side declares these functions with the same signatures.
unsafe extern "C" {
    pub fn strlen_c(p: *const u8) -> usize;
    pub safe fn abs_c(x: i32) -> i32;
}

unsafe extern "C" {
    pub fn undocumented_block();
}

// SAFETY: no other symbol has this name.
#[unsafe(no_mangle)]
pub extern "C" fn exported_symbol() {}

#[unsafe(no_mangle)]
pub extern "C" fn exported_without_comment() {}

pub fn calls() -> usize {
    // SAFETY: the string is NUL-terminated.
    let n = unsafe { strlen_c(b"x\0".as_ptr()) };
    n + abs_c(-1) as usize
}

pub fn local_const() -> usize {
    // SAFETY: a local constant.
    const LOCAL: usize = unsafe { mem::size_of::<u8>() };
    const LOCAL_UNDOCUMENTED: usize = unsafe { mem::size_of::<u8>() };
    LOCAL + LOCAL_UNDOCUMENTED
}
