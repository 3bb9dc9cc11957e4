//! The statistics of A/B tests: the special functions (and the beta distribution of the best times), the z-test and Fisher's exact test against reference values,
//! Holm's adjustment, the confidence interval, the sample size, the verdicts in both languages, and validation.
//!
//! Where the reference values come from: "scipy" is scipy 1.17.1 (Python 3.11), computed once by hand and written
//! here as constants (no Python in the test run). `scipy.stats.fisher_exact(table)` (two-sided) follows R's
//! `fisher.test` convention; `scipy.stats.chi2_contingency(table, correction=False)` is R's
//! `prop.test(x, n, correct = FALSE)`. "exact" is the exact rational computation of R's rule with Python's
//! `fractions.Fraction` and `math.comb`.

use cinq_core::adapt::stats::*;
use cinq_core::findings::Text;
use cinq_core::{CoreError, ErrorCode};

fn v(name: &str, successes: u64, trials: u64) -> Variant {
    Variant::new(name, successes, trials)
}

fn impressions() -> Text {
    Text {
        en: "impressions".into(),
        fr: "impressions".into(),
    }
}

/// `actual` within `rel` of `expected`, relatively (absolutely when `expected` is 0).
#[track_caller]
fn close(actual: f64, expected: f64, rel: f64) {
    let scale = expected.abs().max(f64::MIN_POSITIVE);
    let err = if expected == 0.0 {
        actual.abs()
    } else {
        (actual - expected).abs() / scale
    };
    assert!(
        err <= rel,
        "{actual:e} is not {expected:e} (relative error {err:e} > {rel:e})"
    );
}

/// At least 4 significant digits, with room to spare.
const DIGITS: f64 = 1e-6;

fn fields(e: CoreError) -> Vec<(String, String)> {
    assert_eq!(e.code(), ErrorCode::Validation);
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Special functions.

#[test]
fn normal_quantile_matches_reference_values() {
    // scipy.special.ndtri.
    let cases = [
        (0.975, 1.959963984540054),
        (0.8, 0.8416212335729143),
        (0.6, 0.2533471031357997),
        (0.1, -1.2815515655446004),
        (0.025, -1.9599639845400545),
        (1e-10, -6.361340902404056),
        (0.999999, 4.753424308817087),
        (1e-300, -37.0470962993612),
    ];
    for (p, z) in cases {
        close(normal_quantile(p), z, 1e-12);
    }
    assert_eq!(normal_quantile(0.5), 0.0);
    assert_eq!(normal_quantile(0.0), f64::NEG_INFINITY);
    assert_eq!(normal_quantile(1.0), f64::INFINITY);
    assert!(normal_quantile(1.5).is_nan());
    assert!(normal_quantile(f64::NAN).is_nan());
}

#[test]
fn normal_cdf_matches_reference_values() {
    // scipy.special.ndtr; relative error 1e-12, so the tails are checked too.
    let cases = [
        (-1.96, 0.024997895148220435),
        (0.0, 0.5),
        (0.5, 0.6914624612740131),
        (1.0, 0.8413447460685429),
        (1.959963984540054, 0.975),
        (3.0, 0.9986501019683699),
        (6.0, 0.9999999990134123),
        (-5.0, 2.866515718791933e-07),
        (-8.0, 6.22096057427174e-16),
        (-20.0, 2.7536241186061556e-89),
    ];
    for (x, p) in cases {
        close(normal_cdf(x), p, 1e-12);
    }
    // The round trip, over the range the tests use.
    for i in 1..200 {
        let p = i as f64 / 200.0;
        close(normal_cdf(normal_quantile(p)), p, 1e-13);
    }
    // χ²₁ through the normal: P(χ²₁ > 1.96²) = 0.05, and scipy's chi2_contingency p-value for its statistic
    // 8.010324418138934 ([[200, 9800], [260, 9740]], correction=False).
    close(
        chi_square_1df_sf(1.959963984540054_f64.powi(2)),
        0.05,
        1e-12,
    );
    close(
        chi_square_1df_sf(8.010324418138934),
        0.004651140450960613,
        1e-12,
    );
    assert_eq!(chi_square_1df_sf(0.0), 1.0);
}

/// mpmath 1.3.0 at 30 to 40 digits: the beta CDF by its hypergeometric series (`betainc`) or, for the large
/// parameters, by quadrature of the density split around the mean; quantiles by bisection on it.
#[test]
#[allow(clippy::excessive_precision)] // mpmath's digits, as printed
fn beta_quantile_matches_reference_values() {
    let cases = [
        (0.5, 0.5, 0.0061558297024311376, 0.99384417029756885),
        (1.0, 1.0, 0.05, 0.95),
        (2.0, 3.0, 0.097611462886414343, 0.75139537426981845),
        (0.3, 5.0, 6.8934202003865322e-6, 0.25478190694207477),
        (5.0, 0.3, 0.74521809305792513, 0.99999310657979961),
        (12.5, 487.5, 0.014702810391407296, 0.037450878683707852),
        (50.0, 1000.0, 0.037325166138725645, 0.05889226462874875),
        (0.05, 9.95, 5.8800006252905243e-28, 0.02766072484508077),
        (120.25, 3879.75, 0.025759519820574017, 0.034632572657661699),
        (0.5, 20000.0, 9.83047239699983e-8, 9.6033059501633e-5),
        (3000.0, 97000.0, 0.0291180732190009, 0.0308926147355373),
        (40000.5, 960000.5, 0.0396786582344331, 0.0403233078285249),
    ];
    for (a, b, q05, q95) in cases {
        close(beta_quantile(0.05, a, b), q05, 1e-9);
        close(beta_quantile(0.95, a, b), q95, 1e-9);
    }
    assert_eq!(beta_quantile(0.0, 2.0, 3.0), 0.0);
    assert_eq!(beta_quantile(1.0, 2.0, 3.0), 1.0);
    assert!(beta_quantile(0.5, 0.0, 3.0).is_nan());
    assert!(beta_quantile(1.5, 2.0, 3.0).is_nan());
    assert!(beta_quantile(0.5, 2.0, f64::INFINITY).is_nan());
}

#[test]
#[allow(clippy::excessive_precision)] // mpmath's digits, as printed
fn beta_cdf_matches_reference_values() {
    let cases = [
        (2.0, 3.0, 0.4, 0.5248),
        (0.3, 5.0, 0.01, 0.43999627245031),
        (50.0, 1000.0, 0.05, 0.655490177008442),
        (0.5, 20000.0, 1e-4, 0.954503785548455),
        (3000.0, 97000.0, 0.0305, 0.823227937160112),
    ];
    for (a, b, x, p) in cases {
        close(beta_cdf(x, a, b), p, 1e-10);
    }
    assert_eq!(beta_cdf(0.0, 2.0, 3.0), 0.0);
    assert_eq!(beta_cdf(1.0, 2.0, 3.0), 1.0);
    // A billion trials: the quantiles stay around the mean, in order.
    let (a, b) = (3e7, 97e7);
    let (lo, hi) = (beta_quantile(0.05, a, b), beta_quantile(0.95, a, b));
    assert!(lo < 0.03 && 0.03 < hi && hi - lo < 2e-5, "{lo} {hi}");
    close(lo, 0.03 - 1.644854 * (0.03 * 0.97 / 1e9_f64).sqrt(), 1e-6);
    close(beta_cdf(lo, a, b), 0.05, 1e-6);
}

#[test]
fn ln_gamma_matches_reference_values() {
    // scipy.special.gammaln; ln Γ(1/2) = ln √π.
    let cases = [
        (0.1, 2.252712651734206),
        (0.5, 0.5723649429247),
        (3.7, 1.428072326665388),
        (10.0, 12.801827480081469),
        (100.5, 361.43554046777757),
        (1e6, 12815504.569147611),
    ];
    for (x, y) in cases {
        close(ln_gamma(x), y, 1e-13);
    }
    close(ln_gamma(0.5), std::f64::consts::PI.sqrt().ln(), 1e-14);
    assert!(ln_gamma(1.0).abs() < 1e-14);
    assert!(ln_gamma(2.0).abs() < 1e-14);
    // ln 9! = ln 362880.
    close(ln_gamma(10.0), 362_880_f64.ln(), 1e-14);
}

#[test]
fn hypergeometric_probabilities() {
    // scipy.stats.hypergeom.pmf(1, 8, 4, 4) = 16/70: the lady tasting tea picking 1 of the 4 right cups.
    close(
        hypergeometric_ln_pmf(1, 4, 4, 4).exp(),
        0.22857142857142854,
        1e-13,
    );
    close(hypergeometric_ln_pmf(4, 4, 4, 4).exp(), 1.0 / 70.0, 1e-13);
    // scipy.stats.hypergeom.logpmf(5, 1000, 60, 100): 5 of 60 successes in 100 draws from 1000.
    close(
        hypergeometric_ln_pmf(5, 60, 940, 100),
        -1.7742157831000327,
        1e-12,
    );
    assert_eq!(hypergeometric_ln_pmf(5, 4, 4, 4), f64::NEG_INFINITY);
}

// ---------------------------------------------------------------------------------------------------------------
// The tests.

#[test]
fn fisher_exact_matches_r() {
    // Fisher's lady tasting tea, [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.4857 (textbook; scipy
    // 0.48571428571428565).
    close(fisher_exact_two_sided(3, 1, 1, 3), 34.0 / 70.0, 1e-12);
    close(
        fisher_exact_two_sided(3, 1, 1, 3),
        0.4857142857142857,
        DIGITS,
    );
    // scipy 1.17.1 fisher_exact, same as R fisher.test.
    let cases = [
        ((2, 48, 9, 41), 0.05112093374568651),
        ((1, 99, 6, 94), 0.11840538106385107),
        ((1, 99, 8, 92), 0.03489915197211575),
        ((0, 20, 4, 16), 0.10602910602910605),
        ((7, 13, 2, 18), 0.12738612738612737),
        ((10, 0, 5, 5), 0.032507739938080496),
        ((0, 1000, 3, 997), 0.24962481240620307),
        ((83, 3, 90, 3), 1.0),
    ];
    for ((a, b, c, d), p) in cases {
        close(fisher_exact_two_sided(a, b, c, d), p, DIGITS);
        // The table's orientation does not matter.
        close(fisher_exact_two_sided(c, d, a, b), p, DIGITS);
        close(fisher_exact_two_sided(a, c, b, d), p, DIGITS);
    }
    // Large symmetric tables, where the exact ties between x and k − x must be caught (R's 1 + 1e-7 tolerance):
    // exact (fractions) 0.37499937499921876 and 0.2499999249999925; scipy gives 0.374999375113783 and
    // 0.2499999248863532, the same to 9 digits.
    close(
        fisher_exact_two_sided(1, 999_999, 4, 999_996),
        0.37499937499921876,
        1e-9,
    );
    close(
        fisher_exact_two_sided(0, 5_000_000, 3, 4_999_997),
        0.2499999249999925,
        1e-9,
    );
    // A single possible table.
    assert_eq!(fisher_exact_two_sided(0, 10, 0, 10), 1.0);
}

#[test]
fn z_test_matches_prop_test_without_correction() {
    // scipy chi2_contingency(table, correction=False) = R prop.test(x = c(xA, xB), n = c(nA, nB), correct = FALSE):
    // (xA, nA, xB, nB, X-squared, p-value).
    let cases = [
        // R's documented prop.test example, its first two groups: x = c(83, 90), n = c(86, 93).
        (83, 86, 90, 93, 0.009508518748184158, 0.9223200957342685),
        (
            120,
            1000,
            150,
            1000,
            3.8535645472061657,
            0.049640386865368834,
        ),
        (
            200,
            10000,
            260,
            10000,
            8.010324418138934,
            0.004651140450960613,
        ),
        (45, 1000, 52, 1000, 0.5309034568315898, 0.4662272749877958),
        (
            300,
            1000,
            250,
            1000,
            6.269592476489028,
            0.012282738972377383,
        ),
        (30, 1000, 45, 1000, 3.116883116883117, 0.07748486513264485),
        (15, 100, 25, 100, 3.125, 0.07709987174354202),
        (
            100,
            1000,
            200,
            1000,
            39.21568627450981,
            3.794791883144951e-10,
        ),
    ];
    for (xa, na, xb, nb, chi2, p) in cases {
        let (a, b) = (v("A", xa, na), v("B", xb, nb));
        let (z, p_z) = z_test(&a, &b);
        close(z * z, chi2, DIGITS);
        close(p_z, p, DIGITS);
        // The sign of z follows B − A.
        assert_eq!(z > 0.0, b.rate() > a.rate());
    }
    // Through compare: every expected count is at least 5, so the z-test.
    let c = compare(&v("A", 200, 10000), &v("B", 260, 10000)).unwrap();
    assert_eq!(c.test, TestUsed::ZTest);
    close(c.chi_square.unwrap(), 8.010324418138934, DIGITS);
    close(c.p_value, 0.004651140450960613, DIGITS);
    assert_eq!(c.adjusted_p_value, c.p_value);
}

#[test]
fn small_expected_counts_switch_to_fisher() {
    // R's prop.test example, first two groups: 6 failures in all, expected 86·6/179 = 2.88 < 5 → Fisher, whose
    // p-value (scipy fisher_exact, as R) is 1.
    let c = compare(&v("A", 83, 86), &v("B", 90, 93)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    close(
        min_expected_count(&c.control, &c.variant),
        2.88268156424581,
        1e-12,
    );
    assert_eq!(c.z, None);
    assert_eq!(c.chi_square, None);
    close(c.p_value, 1.0, DIGITS);
    // 1/100 against 8/100: 9 successes, expected 4.5 < 5 → Fisher, p = 0.03489915197211575 (scipy).
    let c = compare(&v("A", 1, 100), &v("B", 8, 100)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    close(c.p_value, 0.03489915197211575, DIGITS);
    // The boundary: 10 successes in 200 gives exactly 5 expected → z-test.
    let c = compare(&v("A", 3, 100), &v("B", 7, 100)).unwrap();
    assert_eq!(c.test, TestUsed::ZTest);
    // Everything a success: no failure at all, expected 0 → Fisher, p = 1.
    let c = compare(&v("A", 50, 50), &v("B", 80, 80)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    assert_eq!(c.p_value, 1.0);
}

#[test]
fn difference_and_its_wald_interval() {
    // A 200/10000 = 0.02, B 260/10000 = 0.026, difference 0.006.
    // se = √(0.02·0.98/10000 + 0.026·0.974/10000) = √((0.0196 + 0.025324)/10000) = √(4.4924e-6)
    //    = 0.002119528249398908;
    // half-width = 1.959963984540054 · 0.002119528249398908 = 0.0041541990330370895;
    // interval = 0.006 ∓ 0.0041541990330370895 = [0.001845800966962909, 0.010154199033037088].
    let c = compare(&v("A", 200, 10000), &v("B", 260, 10000)).unwrap();
    close(c.control_rate, 0.02, 1e-15);
    close(c.variant_rate, 0.026, 1e-15);
    close(c.difference, 0.006, 1e-12);
    close(c.difference_low, 0.001845800966962909, 1e-9);
    close(c.difference_high, 0.010154199033037088, 1e-9);
    // Lift: 0.006 / 0.02 = +30 %.
    close(c.relative_lift.unwrap(), 0.3, 1e-12);
    // The other way round, the interval is mirrored.
    let c = compare(&v("B", 260, 10000), &v("A", 200, 10000)).unwrap();
    close(c.difference_low, -0.010154199033037088, 1e-9);
    close(c.difference_high, -0.001845800966962909, 1e-9);
    close(c.relative_lift.unwrap(), -0.006 / 0.026, 1e-12);
    // No lift from a control at 0; the interval stays within [−1, 1].
    let c = compare(&v("A", 0, 3), &v("B", 3, 3)).unwrap();
    assert_eq!(c.relative_lift, None);
    assert_eq!(c.difference_high, 1.0);
}

#[test]
fn holm_matches_p_adjust() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = c(0.03, 0.06, 0.06, 0.02): sorted 0.005·4 = 0.02,
    // 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running maximum 0.06.
    let adjusted = holm(&[0.01, 0.04, 0.03, 0.005]);
    for (a, e) in adjusted.iter().zip([0.03, 0.06, 0.06, 0.02]) {
        close(*a, e, 1e-12);
    }
    // Capped at 1; ties get the same value; one p-value is left alone.
    assert_eq!(holm(&[0.5, 0.6]), vec![1.0, 1.0]);
    let tied = holm(&[0.02, 0.02, 0.001]);
    close(tied[0], 0.04, 1e-12);
    close(tied[1], 0.04, 1e-12);
    close(tied[2], 0.003, 1e-12);
    assert_eq!(holm(&[0.2]), vec![0.2]);
    assert!(holm(&[]).is_empty());
}

#[test]
fn compare_all_adjusts_with_holm() {
    // Control A 200/10000 against B 260, C 230 and D 215 (out of 10000). Raw p-values: scipy chi2_contingency
    // (correction=False) 0.004651140450960613, 0.14359434337276242, 0.45682726012499253; Holm: 3·0.004651… =
    // 0.013953421352881839, 2·0.143594… = 0.28718868674552483, 1·0.456827… = 0.45682726012499253.
    let all = compare_all(&[
        v("A", 200, 10000),
        v("B", 260, 10000),
        v("C", 230, 10000),
        v("D", 215, 10000),
    ])
    .unwrap();
    assert_eq!(all.len(), 3);
    let names: Vec<&str> = all.iter().map(|c| c.variant.name.as_str()).collect();
    assert_eq!(names, ["B", "C", "D"]);
    assert!(all.iter().all(|c| c.control.name == "A"));
    let raw = [
        0.004651140450960613,
        0.14359434337276242,
        0.45682726012499253,
    ];
    let holm = [
        0.013953421352881839,
        0.28718868674552483,
        0.45682726012499253,
    ];
    for ((c, r), h) in all.iter().zip(raw).zip(holm) {
        close(c.p_value, r, DIGITS);
        close(c.adjusted_p_value, h, DIGITS);
    }
    assert!(all[0].significant);
    assert!(!all[1].significant && !all[2].significant);
    // The verdict uses the adjusted p-value: 1 − 0.01395 = 98 %, where the raw one would say 99 %.
    assert_eq!(
        verdict(&all[0], &impressions()).en,
        "B beats A with 98 % confidence"
    );
    // Nothing to compare.
    assert!(compare_all(&[v("A", 1, 10)]).unwrap().is_empty());
    assert!(compare_all(&[]).unwrap().is_empty());
}

#[test]
fn sample_size_matches_the_formula() {
    // n = (z₀.₉₇₅ √(2 p̄(1−p̄)) + z₀.₈ √(p1(1−p1) + p2(1−p2)))² / (p1 − p2)², computed with scipy's norm.ppf
    // (z₀.₉₇₅ = 1.959963984540054, z₀.₈ = 0.8416212335729143). For 4.5 % against 5.2 %: p̄ = 0.0485,
    // (1.959963984540054·√(2·0.0485·0.9515) + 0.8416212335729143·√(0.045·0.955 + 0.052·0.948))² / 0.007²
    // = 14782.826712977507.
    close(
        sample_size_per_variant(0.045, 0.052).unwrap(),
        14782.826712977507,
        1e-9,
    );
    close(
        sample_size_per_variant(0.02, 0.026).unwrap(),
        9797.275231182617,
        1e-9,
    );
    close(
        sample_size_per_variant(0.15, 0.25).unwrap(),
        249.98196750485758,
        1e-9,
    );
    // Symmetric in its arguments; none for equal rates.
    close(
        sample_size_per_variant(0.052, 0.045).unwrap(),
        14782.826712977507,
        1e-9,
    );
    assert_eq!(sample_size_per_variant(0.1, 0.1), None);
    // Minus the larger count already there, rounded up: ⌈14782.83 − 1000⌉ = 13783 (26/500 is 5.2 % too).
    assert_eq!(
        more_trials_needed(&v("A", 45, 1000), &v("B", 52, 1000)),
        Some(13783)
    );
    assert_eq!(
        more_trials_needed(&v("A", 45, 1000), &v("B", 26, 500)),
        Some(13783)
    );
    // At least 1, even when the formula says enough is there (250 < 1000 for 15 % against 25 %).
    assert_eq!(
        more_trials_needed(&v("A", 150, 1000), &v("B", 250, 1000)),
        Some(1)
    );
    assert_eq!(more_trials_needed(&v("A", 10, 100), &v("B", 10, 100)), None);
}

// ---------------------------------------------------------------------------------------------------------------
// Verdicts.

#[test]
fn verdict_clear_win() {
    // p = 0.004651140450960613 (scipy) → 1 − p = 99.53 % → 99 %.
    let c = compare(&v("Carousel", 200, 10000), &v("Video", 260, 10000)).unwrap();
    assert!(c.significant);
    assert_eq!(c.more_trials_needed, None);
    let t = verdict(&c, &impressions());
    assert_eq!(t.en, "Video beats Carousel with 99 % confidence");
    assert_eq!(t.fr, "Video bat Carousel avec 99 % de confiance");
    // p = 3.794791883144951e-10 (scipy) < 0.001.
    let c = compare(&v("A", 100, 1000), &v("B", 200, 1000)).unwrap();
    let t = verdict(&c, &impressions());
    assert_eq!(t.en, "B beats A with more than 99.9 % confidence");
    assert_eq!(t.fr, "B bat A avec plus de 99,9 % de confiance");
}

#[test]
fn verdict_clear_loss() {
    // B does worse: p = 0.012282738972377383 (scipy) → 98.77 % → 98 %.
    let c = compare(&v("A", 300, 1000), &v("B", 250, 1000)).unwrap();
    assert!(c.significant);
    assert!(c.difference < 0.0);
    let t = verdict(&c, &impressions());
    assert_eq!(t.en, "A beats B with 98 % confidence");
    assert_eq!(t.fr, "A bat B avec 98 % de confiance");
}

#[test]
fn verdict_not_enough_data() {
    // p = 0.4662272749877958 (scipy); 13,783 more per variant (see sample_size_matches_the_formula).
    let c = compare(&v("A", 45, 1000), &v("B", 52, 1000)).unwrap();
    assert!(!c.significant);
    assert_eq!(c.more_trials_needed, Some(13783));
    let t = verdict(&c, &impressions());
    assert_eq!(
        t.en,
        "Not enough data yet to tell B from A: about 13,783 more impressions per variant are needed to detect this difference with 80 % power"
    );
    assert_eq!(
        t.fr,
        "Pas encore assez de données pour départager B et A : il faut environ 13\u{202f}783 impressions de plus par variante pour détecter cet écart avec une puissance de 80 %"
    );
    // The unit is the caller's.
    let sends = Text {
        en: "sends".into(),
        fr: "envois".into(),
    };
    let t = verdict(&c, &sends);
    assert!(t.en.contains("13,783 more sends per variant"), "{}", t.en);
    assert!(t.fr.contains("13\u{202f}783 envois de plus"), "{}", t.fr);
    // French elides "de" before a vowel, and not before a consonant.
    let c = compare(&v("A", 10, 100), &v("B", 10, 100)).unwrap();
    assert!(verdict(&c, &sends).fr.contains("combien d’envois de plus"));
    let clicks = Text {
        en: "views".into(),
        fr: "vues".into(),
    };
    assert!(verdict(&c, &clicks).fr.contains("combien de vues de plus"));
}

#[test]
fn verdict_identical_rates() {
    let c = compare(&v("A", 100, 1000), &v("B", 100, 1000)).unwrap();
    assert_eq!(c.test, TestUsed::ZTest);
    assert_eq!(c.difference, 0.0);
    close(c.p_value, 1.0, 1e-15);
    assert_eq!(c.more_trials_needed, None);
    let t = verdict(&c, &impressions());
    assert_eq!(
        t.en,
        "No difference shows yet between B and A: with identical rates, the data cannot tell how many more impressions would be needed"
    );
    assert_eq!(
        t.fr,
        "Aucune différence n’apparaît encore entre B et A : à taux égaux, les données ne permettent pas d’estimer combien d’impressions de plus il faudrait"
    );
}

#[test]
fn verdict_small_counts_with_fisher() {
    // 1/100 against 8/100 → Fisher p = 0.03489915197211575 (scipy) → 96.5 % → 96 %.
    let c = compare(&v("A", 1, 100), &v("B", 8, 100)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    let t = verdict(&c, &impressions());
    assert_eq!(t.en, "B beats A with 96 % confidence");
    assert_eq!(t.fr, "B bat A avec 96 % de confiance");
    // 1/100 against 6/100 → 7 successes, expected 3.5 → Fisher p = 0.11840538106385107 (scipy), not significant;
    // n for 1 % against 6 % is 210.8939423314382 (scipy norm.ppf), so ⌈210.89 − 100⌉ = 111 more.
    let c = compare(&v("A", 1, 100), &v("B", 6, 100)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    close(c.p_value, 0.11840538106385107, DIGITS);
    assert!(!c.significant);
    assert_eq!(c.more_trials_needed, Some(111));
    let t = verdict(&c, &impressions());
    assert_eq!(
        t.en,
        "Not enough data yet to tell B from A: about 111 more impressions per variant are needed to detect this difference with 80 % power"
    );
    assert_eq!(
        t.fr,
        "Pas encore assez de données pour départager B et A : il faut environ 111 impressions de plus par variante pour détecter cet écart avec une puissance de 80 %"
    );
    // The lady tasting tea, 3/4 against 1/4: p = 0.4857, far from a result.
    let c = compare(&v("Milk first", 3, 4), &v("Tea first", 1, 4)).unwrap();
    assert_eq!(c.test, TestUsed::FisherExact);
    close(c.p_value, 0.4857142857142857, DIGITS);
    assert!(verdict(&c, &impressions())
        .en
        .starts_with("Not enough data yet to tell Tea first from Milk first"));
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and serialisation.

#[test]
fn invalid_variants_are_rejected() {
    let e = compare(&v("A", 5, 0), &v("B", 3, 10)).unwrap_err();
    assert_eq!(
        fields(e),
        [
            ("variants[0].trials".to_owned(), "not_positive".to_owned()),
            (
                "variants[0].successes".to_owned(),
                "more_than_trials".to_owned()
            ),
        ]
    );
    let e = compare(&v("A", 5, 10), &v("B", 11, 10)).unwrap_err();
    assert_eq!(
        fields(e),
        [(
            "variants[1].successes".to_owned(),
            "more_than_trials".to_owned()
        )]
    );
    let e = compare_all(&[v("A", 1, 10), v("B", 1, 10), v("C", 0, 0)]).unwrap_err();
    assert_eq!(
        fields(e),
        [("variants[2].trials".to_owned(), "not_positive".to_owned())]
    );
    assert!(validate_variants(&[v("A", 0, 1), v("B", 1, 1)]).is_ok());
}

#[test]
fn comparison_serialises_with_snake_case_test() {
    let c = compare(&v("A", 1, 100), &v("B", 8, 100)).unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["test"], "fisher_exact");
    assert_eq!(json["variant"]["trials"], 100);
    let c = compare(&v("A", 200, 10000), &v("B", 260, 10000)).unwrap();
    assert_eq!(serde_json::to_value(&c).unwrap()["test"], "z_test");
    let back: Comparison = serde_json::from_value(serde_json::to_value(&c).unwrap()).unwrap();
    assert_eq!(back, c);
}
