//! Any bytes given to the results import's reader: it must return the export or an error, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cinq_core::adapt::results_import::read_export("f", data, chrono_tz::UTC);
});
