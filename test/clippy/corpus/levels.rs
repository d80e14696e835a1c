// SPDX-License-Identifier: GPL-2.0
//! `allow`/`expect` at every level.
#![allow(clippy::unnecessary_safety_doc)]

use core::ptr;

#[allow(clippy::undocumented_unsafe_blocks)]
pub fn allowed_on_fn(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[expect(clippy::undocumented_unsafe_blocks)]
pub fn expected_on_fn(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

pub fn allowed_on_statement(p: *const u32) -> u32 {
    #[allow(clippy::undocumented_unsafe_blocks)]
    let v = unsafe { ptr::read(p) };
    let w = unsafe { ptr::read(p) };
    v + w
}

#[allow(clippy::restriction)]
pub fn allowed_by_group(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[allow(clippy::all)]
pub fn all_does_not_cover_restriction(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[allow(clippy::undocumented_unsafe_blocks)]
pub mod allowed_module {
    use core::ptr;

    pub fn inner(p: *const u32) -> u32 {
        unsafe { ptr::read(p) }
    }

    #[warn(clippy::undocumented_unsafe_blocks)]
    pub fn warned_again(p: *const u32) -> u32 {
        unsafe { ptr::read(p) }
    }
}

pub struct Dev(*mut u8);
#[allow(clippy::undocumented_unsafe_blocks)]
unsafe impl Send for Dev {}

pub struct Dev2(*mut u8);
unsafe impl Send for Dev2 {}

#[allow(clippy::missing_safety_doc)]
pub unsafe fn allowed_missing_doc() {}

#[allow(clippy::style)]
pub unsafe fn allowed_style_group() {}

#[allow(clippy::all)]
pub unsafe fn allowed_all_group() {}

#[allow(clippy::restriction)]
pub unsafe fn restriction_does_not_cover_style() {}

/// # Safety
/// The crate-level allow covers this.
pub fn crate_level_allowed() {}

#[cfg_attr(all(), allow(clippy::undocumented_unsafe_blocks))]
pub fn allowed_by_cfg_attr(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[cfg_attr(any(), allow(clippy::undocumented_unsafe_blocks))]
pub fn cfg_attr_false(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[allow(clippy::unnecessary_safety_comment)]
pub fn allowed_unnecessary() {
    // SAFETY: allowed.
    let _a = 1;
}

pub fn allowed_unnecessary_statement() {
    // SAFETY: allowed on the statement.
    #[allow(clippy::unnecessary_safety_comment)]
    let _a = 1;
}

impl Dev {
    #[allow(clippy::undocumented_unsafe_blocks)]
    pub fn method(&self) -> u8 {
        unsafe { *self.0 }
    }

    pub fn method2(&self) -> u8 {
        unsafe { *self.0 }
    }
}

#[allow(warnings)]
pub fn allowed_by_warnings(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[cfg(any())]
pub fn compiled_out(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[cfg(not(any()))]
pub fn compiled_in(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

#[cfg(test)]
mod tests {
    pub fn in_tests(p: *const u32) -> u32 {
        unsafe { core::ptr::read(p) }
    }
}
