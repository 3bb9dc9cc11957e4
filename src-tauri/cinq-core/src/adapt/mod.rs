//! Step 5, test, evaluate, adapt: the posts' results and the networks' exports they come from, the evaluation of
//! each objective's KPI, the best times to post, A/B tests with their statistics, and the log of adjustments.
//!
//! Owns: the tables `publication`, `result_snapshot`, `kpi_reading`, `ab_test` and `adaptation`; the statistics
//! (`stats.rs`, written here); the reading of a period to plan with what the results teach (`planning.rs`).
//! Must not: be used by the steps before it (the calendar plans from what `planning.rs` hands it, and reads an A/B
//! test's variants without this module), nor write a post's own fields except through the calendar's functions.

pub mod abtests;
pub mod adaptations;
pub mod best_times;
pub mod evaluate;
pub mod planning;
pub mod results;
pub mod results_import;
pub mod stats;
