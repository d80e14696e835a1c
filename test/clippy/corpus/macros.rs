// SPDX-License-Identifier: GPL-2.0
//! Unsafe code in macro definitions and macro arguments.

use core::ptr;

macro_rules! read_reg {
    ($p:expr) => {
        // SAFETY: callers pass a mapped register.
        unsafe { ptr::read_volatile($p) }
    };
}

macro_rules! read_reg_undocumented {
    ($p:expr) => {
        unsafe { ptr::read_volatile($p) }
    };
}

macro_rules! never_used {
    ($p:expr) => {
        unsafe { ptr::read_volatile($p) }
    };
}

macro_rules! impl_send {
    ($t:ty) => {
        // SAFETY: the type only holds plain pointers to device memory.
        unsafe impl Send for $t {}
    };
}

macro_rules! impl_sync_undocumented {
    ($t:ty) => {
        unsafe impl Sync for $t {}
    };
}

macro_rules! identity {
    ($e:expr) => {
        $e
    };
}

macro_rules! bind {
    ($e:expr) => {
        let _v = $e;
    };
}

pub struct Mmio(*mut u32);
impl_send!(Mmio);
impl_sync_undocumented!(Mmio);

pub fn uses_macros(p: *const u32) -> u32 {
    let a = read_reg!(p);
    let b = read_reg_undocumented!(p);
    a + b
}

pub fn arguments(p: *const u32) -> u32 {
    // SAFETY: directly above the argument line.
    let a = identity!(unsafe { ptr::read(p) });
    let b = identity!(unsafe { ptr::read(p) });
    // SAFETY: above the let holding the macro call.
    let c = identity!(
        unsafe { ptr::read(p) }
    );
    // SAFETY: above a macro statement.
    bind!(
        unsafe { ptr::read(p) }
    );
    let d = identity!(
        // SAFETY: inside the arguments.
        unsafe { ptr::read(p) }
    );
    a + b + c + d
}

pub fn assertions(p: *const u32) {
    // SAFETY: above the assertion.
    assert_eq!(unsafe { ptr::read(p) }, 0);
    assert_eq!(
        unsafe { ptr::read(p) },
        0
    );
}

macro_rules! sum_regs {
    ($a:expr, $b:expr) => {{
        // SAFETY: a safe statement inside a macro body.
        let first = $a;
        // SAFETY: this one holds an unsafe block.
        let second = unsafe { ptr::read($b) };
        first + second
    }};
}

/// Shows `sum_regs!(1, p)` in docs only; the call below is the real one.
pub fn uses_sum(p: *const u32) -> u32 {
    sum_regs!(1, p)
}

macro_rules! only_in_docs {
    () => {{
        // SAFETY: never expanded.
        let x = 1;
        x
    }};
}
// only_in_docs!() appears in this comment but is never called.
