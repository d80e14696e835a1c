// SPDX-License-Identifier: GPL-2.0

//! The `kernel` crate of the RFL Lens example tree.

#![no_std]
#![feature(arbitrary_self_types)]
#![feature(coerce_unsized)]
#![feature(dispatch_from_dyn)]
#![feature(inline_const)]
#![feature(lint_reasons)]
#![feature(unsize)]
#![cfg_attr(not(CONFIG_RUSTC_HAS_COERCE_POINTEE), feature(derive_coerce_pointee))]

pub mod types;
