//! Any bytes given to the other readers of imported files (the calendar's CSV preview, the results' CSV preview, the
//! strategy file): each must return a value or an error, never panic. tests/readers.rs runs the same readers under
//! proptest in every `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cinq_core::calendar::import::csv_preview("f", data);
    let _ = cinq_core::adapt::results_import::results_csv_preview("f", data);
    let _ = cinq_core::file::parse_strategy_file(data);
});
