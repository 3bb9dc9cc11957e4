use cinq_core::stats::*;
#[test]
fn t(){ println!("{}", normal_quantile(0.975)); }
