// SPDX-License-Identifier: GPL-2.0
// SAFETY: the first item of the file may use the first lines.
unsafe impl Send for First {}

/// A wrapper around a raw device pointer.
pub struct First(*mut u8);

pub struct NoComment(*mut u8);
unsafe impl Send for NoComment {}

pub struct LineComment(*mut u8);
// SAFETY: the pointer is only used under the device lock.
unsafe impl Send for LineComment {}

pub struct DocComment(*mut u8);
/// SAFETY: a doc comment counts as well.
unsafe impl Send for DocComment {}

pub struct AboveAttribute(*mut u8);
// SAFETY: above a single-line attribute.
#[allow(clippy::non_send_fields_in_send_ty)]
unsafe impl Send for AboveAttribute {}

pub struct BetweenAttributes(*mut u8);
#[allow(unused)]
// SAFETY: between attributes.
#[allow(clippy::non_send_fields_in_send_ty)]
unsafe impl Send for BetweenAttributes {}

pub struct TrailingOnAttribute(*mut u8);
#[allow(unused)] // SAFETY: after the attribute on its line.
unsafe impl Send for TrailingOnAttribute {}

pub struct OtherTrailing(*mut u8);
// SAFETY: hidden by the comment after the attribute.
#[allow(unused)] // see the lock
unsafe impl Send for OtherTrailing {}

pub struct MultiLineAttribute(*mut u8);
// SAFETY: above a multi-line attribute.
#[allow(
    unused
)]
unsafe impl Send for MultiLineAttribute {}

pub struct TrailingAfterItem(*mut u8); // SAFETY: on the previous item's line.
unsafe impl Send for TrailingAfterItem {}

pub struct BlockComment(*mut u8);
/* SAFETY: a block comment above the impl. */
unsafe impl Sync for BlockComment {}

pub struct MultiLineImpl(*mut u8);
unsafe impl
    Sync for MultiLineImpl {}

pub struct CommentInsideImpl(*mut u8);
unsafe impl Sync for CommentInsideImpl {
    // SAFETY: inside the impl does not count.
}

pub struct Generic<T>(*mut T);
// SAFETY: generic impls are items like any other.
unsafe impl<T: Send> Send for Generic<T> {}
unsafe impl<T: Sync> Sync for Generic<T> {}

pub mod inner {
    // SAFETY: the first item of a module.
    unsafe impl Send for Inner {}
    pub struct Inner(*mut u8);

    pub struct Second(*mut u8);
    unsafe impl Send for Second {}

    pub struct Third(*mut u8);

    // SAFETY: blank lines between the comment and the impl.

    unsafe impl Send for Third {}
}

pub mod first_without_comment {
    unsafe impl Send for Lone {}
    pub struct Lone(*mut u8);
}

pub fn local_impls() {
    struct Local(*mut u8);
    // SAFETY: impls inside a function body.
    unsafe impl Send for Local {}
    struct Other(*mut u8);
    unsafe impl Send for Other {}
}

/// # Safety
///
/// Implementers must be plain data.
pub unsafe trait PlainData {}

// SAFETY: `u32` is plain data.
unsafe impl PlainData for u32 {}
unsafe impl PlainData for u64 {}
/* SAFETY: `u8` is plain data. */ unsafe impl PlainData for u8 {}

pub struct Lowercase(*mut u8);
// safety: the marker in lower case.
unsafe impl Send for Lowercase {}

pub struct Separated(*mut u8);
// SAFETY: separated by another item.
pub const SEPARATOR: u32 = 0;
unsafe impl Send for Separated {}
