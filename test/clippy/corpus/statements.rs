// SPDX-License-Identifier: GPL-2.0
//! Comments above the statement that holds the unsafe block.

use core::ptr;

pub struct Pair {
    pub a: u32,
    pub b: u32,
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

pub fn let_multi_line(p: *const u32) -> u32 {
    // SAFETY: above the let.
    let v = add(
        1,
        unsafe { ptr::read(p) },
    );
    v
}

pub fn let_multi_line_no_comment(p: *const u32) -> u32 {
    let v = add(
        1,
        unsafe { ptr::read(p) },
    );
    v
}

pub fn assignment(p: *const u32) -> u32 {
    let mut v = 0;
    // SAFETY: above the assignment.
    v =
        unsafe { ptr::read(p) };
    v
}

pub fn compound_assignment(p: *const u32) -> u32 {
    let mut v = 0;
    // SAFETY: above the statement.
    v +=
        unsafe { ptr::read(p) };
    v
}

pub fn expression_statement(p: *mut u32) {
    // SAFETY: above the call statement.
    drop(add(
        2,
        unsafe { ptr::read(p) },
    ));
}

pub fn method_chain(p: *const u32) -> u32 {
    // SAFETY: above the chain.
    let v = Some(1)
        .map(|x| x + unsafe { ptr::read(p) })
        .unwrap_or(0);
    v
}

pub fn struct_literal(p: *const u32) -> Pair {
    // SAFETY: above the literal.
    let pair = Pair {
        a: 1,
        b: unsafe { ptr::read(p) },
    };
    pair
}

pub fn tail_multi_line(p: *const u32) -> u32 {
    // SAFETY: above the tail expression.
    add(
        3,
        unsafe { ptr::read(p) },
    )
}

pub fn if_condition(p: *const bool) -> u32 {
    // SAFETY: above an `if` does not reach the block in its condition.
    if
        unsafe { ptr::read(p) }
    {
        1
    } else {
        0
    }
}

pub fn match_scrutinee(p: *const u32) -> u32 {
    // SAFETY: above a match statement.
    match
        unsafe { ptr::read(p) }
    {
        0 => 1,
        _ => 2,
    }
}

pub fn let_if(p: *const u32, c: bool) -> u32 {
    // SAFETY: above the let, but the block is in a branch.
    let v = if c {
        unsafe { ptr::read(p) }
    } else {
        0
    };
    v
}

pub fn match_arm(p: *const u32, c: u32) -> u32 {
    match c {
        // SAFETY: above the arm.
        0 => unsafe { ptr::read(p) },
        1 => unsafe { ptr::read(p) },
        _ => 0,
    }
}

pub fn return_value(p: *const u32) -> u32 {
    // SAFETY: above the return.
    return add(
        1,
        unsafe { ptr::read(p) },
    );
}

pub fn closure(p: *const u32) -> u32 {
    // SAFETY: above the let holding the closure.
    let f = || {
        unsafe { ptr::read(p) }
    };
    f()
}

pub fn closure_expression_body(p: *const u32) -> u32 {
    // SAFETY: above the let.
    let f = ||
        unsafe { ptr::read(p) };
    f()
}

pub fn tuple(p: *const u32) -> (u32, u32) {
    // SAFETY: above the let.
    let t = (
        1,
        unsafe { ptr::read(p) },
    );
    t
}

pub fn array(p: *const u32) -> [u32; 2] {
    let a = [
        // SAFETY: directly above the element.
        unsafe { ptr::read(p) },
        unsafe { ptr::read(p) },
    ];
    a
}

pub fn try_operator(p: *const Option<u32>) -> Option<u32> {
    // SAFETY: above the let with `?`.
    let v =
        unsafe { ptr::read(p) }?;
    Some(v)
}

pub fn attribute_on_let(p: *const u32) -> u32 {
    // SAFETY: above the attribute.
    #[allow(unused_variables)]
    let v =
        unsafe { ptr::read(p) };
    v
}

pub fn loop_body(p: *const u32) -> u32 {
    let mut s = 0;
    for i in 0..2 {
        // SAFETY: inside the loop.
        s += unsafe { ptr::read(p) } + i;
    }
    loop {
        s += unsafe { ptr::read(p) };
        break;
    }
    s
}

pub fn let_else(p: *const Option<u32>) -> u32 {
    // SAFETY: above let-else.
    let Some(v) = (unsafe { ptr::read(p) }) else {
        return 0;
    };
    v
}

pub fn while_condition(p: *const bool) {
    // SAFETY: above the while.
    while
        unsafe { ptr::read(p) }
    {
        break;
    }
}

pub fn reference_and_cast(p: *const u32) -> u64 {
    // SAFETY: above the let.
    let v = &(
        unsafe { ptr::read(p) }
    ) as *const u32 as u64;
    v
}
