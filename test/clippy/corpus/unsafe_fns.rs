// SPDX-License-Identifier: GPL-2.0
//! `# Safety` sections of unsafe functions and traits.

/// Reads a register.
pub unsafe fn no_section(addr: *const u32) -> u32 {
    // SAFETY: forwarded to the caller.
    unsafe { addr.read_volatile() }
}

pub unsafe fn no_docs() {}

/// Reads a register.
///
/// # Safety
///
/// `addr` must be mapped.
pub unsafe fn with_section(addr: *const u32) -> u32 {
    // SAFETY: the caller guarantees `addr` is mapped.
    unsafe { addr.read_volatile() }
}

/// ## Safety
/// A second-level heading counts.
pub unsafe fn level_two() {}

/// ###### SAFETY
/// Upper case heading text counts.
pub unsafe fn upper_heading() {}

/// # Implementation safety
/// This heading counts as well.
pub unsafe fn implementation_safety() {}

/// Safety
/// ======
/// A setext heading.
pub unsafe fn setext_heading() {}

/// # Safety notes
/// Other heading text does not count.
pub unsafe fn other_heading_text() {}

/// Safety: a paragraph is not a heading.
pub unsafe fn paragraph_only() {}

/// ```
/// # Safety
/// ```
pub unsafe fn heading_in_code_block() {}

/** # Safety
 *
 * A block doc comment.
 */
pub unsafe fn block_doc() {}

#[doc = "# Safety"]
#[doc = "Doc attributes."]
pub unsafe fn doc_attribute() {}

/// # Safety
///
/// Private items are checked with check-private-items.
unsafe fn private_with_section() {}

unsafe fn private_without_section() {}

#[doc(hidden)]
pub unsafe fn hidden() {}

/// No section here.
pub unsafe extern "C" fn extern_abi() {}

pub struct Device;

impl Device {
    /// Inherent method without a section.
    pub unsafe fn method(&self) {}

    /// # Safety
    /// The device must be enabled.
    pub unsafe fn documented_method(&self) {}

    unsafe fn private_method(&self) {}
}

/// Hooks a driver implements.
pub trait Ops {
    /// Declared unsafe in the trait.
    unsafe fn probe(&self);

    /// # Safety
    /// Called with the lock held.
    unsafe fn remove(&self);

    /// Default body.
    unsafe fn suspend(&self) {}
}

impl Ops for Device {
    unsafe fn probe(&self) {}
    unsafe fn remove(&self) {}
}

pub unsafe trait NoDocTrait {}

/// Marker.
pub unsafe trait NoSectionTrait {}

/// # Safety
/// Types must be zeroable.
pub unsafe trait Zeroable {}

unsafe trait PrivateTrait {}

pub mod nested {
    pub unsafe fn in_module() {}

    pub fn outer() {
        unsafe fn in_body() {}
        // SAFETY: `in_body` has no requirements.
        unsafe { in_body() }
    }
}

extern "C" {
    pub fn c_function(x: i32) -> i32;
}

/// # Safety
///
/// Everything about this.
///
/// # Examples
///
/// Unrelated section after.
pub unsafe fn section_then_more() {}

/// Text
///
///     # Safety
///
/// An indented code block is no heading.
pub unsafe fn indented_code() {}

/// # *Safety*
/// Emphasis inside the heading.
pub unsafe fn emphasised_heading() {}

pub(crate) unsafe fn crate_visible() {}

pub(crate) const unsafe fn crate_const() {}

/// # Safety
/// Documented.
pub(in crate) unsafe extern "C" fn restricted_extern() {}
