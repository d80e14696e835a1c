// SPDX-License-Identifier: GPL-2.0

//! Kernel types.

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;

/// Stores an opaque value.
///
/// This is meant to be used with FFI objects that are never interpreted by Rust code.
#[repr(transparent)]
pub struct Opaque<T> {
    value: UnsafeCell<MaybeUninit<T>>,
}

impl<T> Opaque<T> {
    /// Creates a new opaque value.
    pub const fn new(value: T) -> Self {
        Self { value: UnsafeCell::new(MaybeUninit::new(value)) }
    }

    /// Returns a raw pointer to the opaque data.
    pub const fn get(&self) -> *mut T {
        UnsafeCell::get(&self.value).cast::<T>()
    }

    /// Gets the value behind `this`.
    pub const fn raw_get(this: *const Self) -> *mut T {
        // SAFETY: `Opaque<T>` is `repr(transparent)` over `UnsafeCell<MaybeUninit<T>>`.
        UnsafeCell::raw_get(this.cast::<UnsafeCell<MaybeUninit<T>>>()).cast::<T>()
    }

    /// Reads the value.
    pub unsafe fn read(&self) -> T {
        unsafe { self.get().read() }
    }
}

// SAFETY: `Opaque<T>` only hands out raw pointers; access is synchronised by the C side.
unsafe impl<T: Sync> Sync for Opaque<T> {}

unsafe impl<T: Send> Send for Opaque<T> {}

/// A sized type that can be converted to and from a raw `usize`.
///
/// # Safety
///
/// Implementers must ensure that `from_foreign` only receives values from `into_foreign`.
pub unsafe trait ForeignOwnable: Sized {
    /// Converts into a foreign-owned object.
    fn into_foreign(self) -> usize;

    /// Converts back.
    ///
    /// # Safety
    ///
    /// `ptr` must have come from a previous call to `into_foreign`.
    unsafe fn from_foreign(ptr: usize) -> Self;
}

/// Zeroes a buffer the C side handed us.
pub fn zero(buf: *mut u8, len: usize) {
    // SAFETY: TODO.
    unsafe { core::ptr::write_bytes(buf, 0, len) };
}
