//! Step 5, test, evaluate, adapt: the posts' results and the networks' exports they come from, the evaluation of
//! each objective's KPI, the best times to post, A/B tests with their statistics, and the log of adjustments.

pub mod abtests;
pub mod adaptations;
pub mod best_times;
pub mod evaluate;
pub mod results;
pub mod results_import;
pub mod stats;
