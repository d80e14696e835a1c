// SPDX-License-Identifier: GPL-2.0

//! Rust minimal sample.

/// Doubles a number the unsafe way, for the sake of the example.
///
/// # Safety
///
/// Nothing to uphold: this function is safe.
pub fn double(x: u32) -> u32 {
    x * 2
}
