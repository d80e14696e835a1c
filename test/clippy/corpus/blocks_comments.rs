// SPDX-License-Identifier: GPL-2.0
//! Comment shapes above unsafe blocks.

use core::ptr;

pub fn line_comment(p: *const u32) -> u32 {
    // SAFETY: `p` is valid for reads.
    unsafe { ptr::read(p) }
}

pub fn no_comment(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

pub fn lowercase_marker(p: *const u32) -> u32 {
    // safety: lower case still counts for clippy.
    unsafe { ptr::read(p) }
}

pub fn marker_without_colon(p: *const u32) -> u32 {
    // SAFETY the colon is missing.
    unsafe { ptr::read(p) }
}

pub fn blank_lines_between(p: *const u32) -> u32 {
    // SAFETY: blank lines are skipped.

    unsafe { ptr::read(p) }
}

pub fn marker_first_in_group(p: *const u32) -> u32 {
    // SAFETY: the marker line comes first,
    // and the reasoning continues here.
    unsafe { ptr::read(p) }
}

pub fn marker_late_in_group(p: *const u32) -> u32 {
    // Read the value.
    //
    // SAFETY: any line of the group may hold it.
    unsafe { ptr::read(p) }
}

pub fn comment_separated_by_code(p: *const u32) -> u32 {
    // SAFETY: this comment is for nothing below.
    let x = 1;
    unsafe { ptr::read(p) + x }
}

pub fn block_comment(p: *const u32) -> u32 {
    /* SAFETY: a block comment works too. */
    unsafe { ptr::read(p) }
}

pub fn multi_line_block_comment(p: *const u32) -> u32 {
    /*
     * SAFETY: the pointer is valid.
     */
    unsafe { ptr::read(p) }
}

pub fn block_comment_then_code(p: *const u32) -> u32 {
    /* SAFETY: not directly above. */ let y = 2;
    unsafe { ptr::read(p) + y }
}

pub fn inline_block_comment(p: *const u32) -> u32 {
    /* SAFETY: same line does not count. */ unsafe { ptr::read(p) }
}

pub fn trailing_comment_after(p: *const u32) -> u32 {
    unsafe { ptr::read(p) } // SAFETY: after the block does not count.
}

pub fn comment_inside_block(p: *const u32) -> u32 {
    unsafe {
        // SAFETY: inside the block does not count.
        ptr::read(p)
    }
}

pub fn multi_line_block(p: *const u32) -> u32 {
    unsafe {
        let v = ptr::read(p);
        v + 1
    }
}

pub fn doc_code_block(p: *const u32) -> u32 {
    /// ```
    /// // SAFETY: inside a doc code block.
    /// ```
    let v = unsafe { ptr::read(p) };
    v
}

pub fn nested_blocks(p: *const u32) -> u32 {
    // SAFETY: the outer block is documented.
    unsafe {
        let a = ptr::read(p);
        let b = unsafe { ptr::read(p) };
        a + b
    }
}

pub fn two_blocks_one_line(p: *const u32) -> u32 {
    // SAFETY: one comment covers the whole line.
    let v = unsafe { ptr::read(p) } + unsafe { ptr::read(p) };
    v
}

pub fn two_blocks_second_line(p: *const u32) -> u32 {
    // SAFETY: only the first line.
    let a = unsafe { ptr::read(p) };
    let b = unsafe { ptr::read(p) };
    a + b
}

pub fn first_line_of_body(p: *const u32) -> u32 { // SAFETY: on the fn line.
    unsafe { ptr::read(p) }
}

// SAFETY: above the function does not count for blocks.
pub fn comment_above_fn(p: *const u32) -> u32 {
    unsafe { ptr::read(p) }
}

pub fn mixed_case_marker(p: *const u32) -> u32 {
    // SaFeTy: mixed case.
    unsafe { ptr::read(p) }
}

pub fn doc_style_comment(p: *const u32) -> u32 {
    //! SAFETY: inner doc line comment inside a body.
    unsafe { ptr::read(p) }
}

pub fn unicode_text(p: *const u32) -> u32 {
    // SAFETY: Zeiger gültig — “valid” 🦀.
    let a = unsafe { ptr::read(p) };
    let s = "é🦀"; let b = unsafe { ptr::read(p) };
    a + b + s.len() as u32
}
