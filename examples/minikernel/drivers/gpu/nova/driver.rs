// SPDX-License-Identifier: GPL-2.0

//! Nova GPU driver (RFL Lens example).

#![feature(asm_goto)]
#![feature(new_range_api)]

use kernel::types::Opaque;

/// Reads a register through the BAR mapping.
fn read32(bar: &Opaque<u32>) -> u32 {
    let ptr = bar.get();
    // Safety: the mapping is live while the device is bound
    let value = unsafe { ptr.read_volatile() };
    value
}

/// Writes a register.
fn write32(bar: &Opaque<u32>, value: u32) {
    unsafe { bar.get().write_volatile(value) }
}
