// SPDX-License-Identifier: GPL-2.0
//! SAFETY comments and sections on code that is not unsafe.

use core::ptr;

// SAFETY: an import is not unsafe.
use core::mem;

// SAFETY: a struct is not unsafe.
pub struct Registers {
    pub base: usize,
}

// SAFETY: an enum is not unsafe.
pub enum State {
    Idle,
    Busy,
}

// SAFETY: a safe function.
pub fn safe_function() {}

// SAFETY: on an unsafe function the comment belongs in a `# Safety` section.
/// # Safety
/// Nothing.
pub unsafe fn unsafe_function_with_comment() {}

// SAFETY: a type alias.
pub type Handle = usize;

// SAFETY: a module.
pub mod helpers {}

// SAFETY: a constant without unsafe.
pub const ZERO: u32 = 0;

// SAFETY: a constant whose value is an unsafe block is fine.
pub const SIZE: usize = unsafe { mem::size_of::<u64>() };

// SAFETY: a static with unsafe deeper inside is still unnecessary.
pub static WRAPPED: usize = 1 + unsafe { mem::size_of::<u32>() };

/// A trait.
pub trait Probe {}

// SAFETY: a safe trait impl.
impl Probe for Registers {}

// SAFETY: an inherent impl is not reported.
impl Registers {
    // SAFETY: items in impls are not reported either.
    pub fn base(&self) -> usize {
        self.base
    }
}

pub fn statements(p: *const u32) -> u32 {
    // SAFETY: a let without unsafe.
    let a = 1;
    // SAFETY: a let with unsafe.
    let b = unsafe { ptr::read(p) };
    // SAFETY: an expression statement without unsafe.
    drop(a);
    // SAFETY: the unsafe block is nested in a block.
    let c = {
        unsafe { ptr::read(p) }
    };
    // SAFETY: the unsafe block is in a branch.
    if a > 0 {
        unsafe { ptr::read(p) };
    }
    // SAFETY: a closure whose body is the unsafe block.
    let f = || unsafe { ptr::read(p) };
    // SAFETY: a closure whose body is a block.
    let g = || {
        unsafe { ptr::read(p) }
    };
    // SAFETY: a tail expression without unsafe.
    a + b + c + f() + g()
}

pub fn inside_unsafe(p: *const u32) -> u32 {
    // SAFETY: the block reads a valid pointer.
    unsafe {
        // SAFETY: statements inside an unsafe block are not reported.
        let x = 1;
        ptr::read(p) + x
    }
}

pub fn macro_statement() {
    // SAFETY: macro statements are not reported.
    assert!(true);
}

pub fn tail_with_unsafe(p: *const u32) -> u32 {
    let a = 2;
    // SAFETY: the tail holds the unsafe block.
    a + unsafe { ptr::read(p) }
}

/// # Safety
///
/// This function is safe.
pub fn safe_with_section() {}

/// # Safety
/// Safe trait.
pub trait SafeTraitWithSection {}

/// # Safety
/// Private safe function.
fn private_safe_with_section() {}

impl Registers {
    /// # Safety
    /// A safe method.
    pub fn reset(&self) {}
}

pub fn uses_private() {
    private_safe_with_section();
}

pub struct Later;
// SAFETY: the unsafe impl follows.
unsafe impl Send for Later {}
// SAFETY: a trait impl right after.
impl Probe for Later {}
