//! The statistics of A/B tests, for the "Test, evaluate, adapt" step: two variants (or more) of a post, an email or an
//! ad, each with its successes out of its trials (clicks out of impressions, opens out of sends…), compared with the
//! first one, the control. Pure functions, no dependency: the special functions they need are implemented here.
//!
//! The rules, in one place:
//! - **Rates**: `successes / trials` of each variant; the difference is always the variant's rate minus the
//!   control's (B − A), and the relative lift is that difference over the control's rate (none when the control's
//!   rate is 0).
//! - **Confidence interval** of the difference: the 95 % Wald interval, `d ± z₀.₉₇₅ · √(pA(1−pA)/nA + pB(1−pB)/nB)`
//!   with the unpooled standard error, clamped to [−1, 1] (as R's `prop.test(correct = FALSE)` does).
//! - **Test**: when every expected count of the 2×2 table (variants × success/failure, expected = row total × column
//!   total / grand total) is at least 5, the pooled two-proportion z-test, two-sided: `z = (pB − pA) / √(p̄(1−p̄)(1/nA +
//!   1/nB))` with `p̄` the pooled rate; its chi-square statistic (1 degree of freedom) is `z²`, the same as R's
//!   `prop.test(..., correct = FALSE)` and scipy's `chi2_contingency(table, correction = False)`. Otherwise Fisher's
//!   exact test, two-sided, with R's `fisher.test` convention: the sum of the probabilities of every table with the
//!   same margins whose probability is at most that of the observed table times `1 + 1e-7`.
//! - **Several variants**: each is compared with the first; the p-values are adjusted with Holm's method (R's
//!   `p.adjust(p, "holm")`), and both the raw and the adjusted p-values are kept. With two variants the adjusted
//!   p-value is the raw one.
//! - **Verdict**: significant when the adjusted p-value is below 5 %. Then "B beats A" (or "A beats B" when B does
//!   worse) "with X % confidence", X being `1 − p` floored to a whole percent, or "more than 99.9 %" when `p < 0.001`.
//!   Otherwise, when the rates differ, the number of trials still needed per variant to detect the observed difference
//!   with 80 % power at a two-sided 5 % level: `n = (z₀.₉₇₅ √(2 p̄(1−p̄)) + z₀.₈ √(p1(1−p1) + p2(1−p2)))² / (p1 − p2)²`
//!   with `p̄ = (p1 + p2)/2`, minus the trials already there (the larger count of the two), rounded up, at least 1.
//!   When the rates are equal, no such number can be estimated from the data, and the verdict says so.
//! - **Validation**: a variant needs at least one trial, and no more successes than trials.
//!
//! The special functions: the normal CDF through `erfc` (W. J. Cody's rational Chebyshev approximations, 1969), the
//! normal quantile with M. J. Wichura's algorithm AS 241 (PPND16, about 16 digits), the log-gamma function with
//! Lanczos' approximation (g = 7, 9 terms), the chi-square survival function with 1 degree of freedom through the
//! normal, and the hypergeometric probabilities from log-gamma.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::findings::{text, Text};
use crate::words::figures;

/// The significance level: an (adjusted) p-value below it is a result.
pub const ALPHA: f64 = 0.05;
/// The power the sample size aims at.
pub const POWER: f64 = 0.8;
/// Below this expected count in a cell of the 2×2 table, Fisher's exact test replaces the z-test.
pub const MIN_EXPECTED: f64 = 5.0;
/// R's `fisher.test` tolerance: tables whose probability is within this factor of the observed one count as "as
/// extreme".
const FISHER_REL_ERR: f64 = 1.0 + 1e-7;

/// One variant of a test: its successes out of its trials (e.g. clicks out of impressions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Variant {
    pub name: String,
    #[ts(type = "number")]
    pub successes: u64,
    #[ts(type = "number")]
    pub trials: u64,
}

impl Variant {
    pub fn new(name: &str, successes: u64, trials: u64) -> Self {
        Variant {
            name: name.to_owned(),
            successes,
            trials,
        }
    }

    /// `successes / trials` (0 when there is no trial).
    pub fn rate(&self) -> f64 {
        if self.trials == 0 {
            0.0
        } else {
            self.successes as f64 / self.trials as f64
        }
    }
}

/// The test behind a p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TestUsed {
    /// The pooled two-proportion z-test (every expected count at least 5).
    ZTest,
    /// Fisher's exact test, two-sided (some expected count below 5).
    FisherExact,
}

/// A variant compared with the control.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Comparison {
    pub control: Variant,
    pub variant: Variant,
    pub control_rate: f64,
    pub variant_rate: f64,
    /// `variant_rate − control_rate`.
    pub difference: f64,
    /// The 95 % Wald confidence interval of the difference (unpooled standard error), clamped to [−1, 1].
    pub difference_low: f64,
    pub difference_high: f64,
    /// `difference / control_rate`, e.g. 0.25 for +25 %; none when the control's rate is 0.
    pub relative_lift: Option<f64>,
    pub test: TestUsed,
    /// The z statistic (variant against control, pooled standard error), for the z-test only.
    pub z: Option<f64>,
    /// The chi-square statistic with 1 degree of freedom (`z²`), for the z-test only.
    pub chi_square: Option<f64>,
    /// The two-sided p-value of the test.
    pub p_value: f64,
    /// The p-value adjusted for the number of comparisons (Holm); the raw one when there is a single comparison.
    pub adjusted_p_value: f64,
    /// `adjusted_p_value < ALPHA`.
    pub significant: bool,
    /// When not significant and the rates differ: how many more trials each variant needs to detect the observed
    /// difference with 80 % power (see [`more_trials_needed`]).
    #[ts(type = "number | null")]
    pub more_trials_needed: Option<u64>,
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

/// The variants' field errors, named `variants[i].trials` and `variants[i].successes` (`i` from 0, the control).
pub fn validate_variants(variants: &[Variant]) -> Result<()> {
    let mut e = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        if v.trials == 0 {
            e.push(FieldError::new(
                &format!("variants[{i}].trials"),
                "not_positive",
            ));
        }
        if v.successes > v.trials {
            e.push(FieldError::new(
                &format!("variants[{i}].successes"),
                "more_than_trials",
            ));
        }
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(e))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Comparisons.

/// Variant `b` against the control `a`. Field errors are named `variants[0].…` for `a` and `variants[1].…` for `b`.
pub fn compare(a: &Variant, b: &Variant) -> Result<Comparison> {
    validate_variants(&[a.clone(), b.clone()])?;
    Ok(raw_comparison(a, b))
}

/// Every variant after the first against the first (the control), the p-values adjusted with Holm's method. Fewer
/// than two variants: nothing to compare, an empty list.
pub fn compare_all(variants: &[Variant]) -> Result<Vec<Comparison>> {
    validate_variants(variants)?;
    let Some((control, others)) = variants.split_first() else {
        return Ok(Vec::new());
    };
    let mut comparisons: Vec<Comparison> =
        others.iter().map(|v| raw_comparison(control, v)).collect();
    let raw: Vec<f64> = comparisons.iter().map(|c| c.p_value).collect();
    for (c, adjusted) in comparisons.iter_mut().zip(holm(&raw)) {
        c.adjusted_p_value = adjusted;
        finish(c);
    }
    Ok(comparisons)
}

/// The comparison of two valid variants, with the adjusted p-value equal to the raw one.
fn raw_comparison(a: &Variant, b: &Variant) -> Comparison {
    let (pa, pb) = (a.rate(), b.rate());
    let (na, nb) = (a.trials as f64, b.trials as f64);
    let difference = pb - pa;
    let se = (pa * (1.0 - pa) / na + pb * (1.0 - pb) / nb).sqrt();
    let half_width = normal_quantile(1.0 - ALPHA / 2.0) * se;
    let (test, z, p_value) = if min_expected_count(a, b) >= MIN_EXPECTED {
        let (z, p) = z_test(a, b);
        (TestUsed::ZTest, Some(z), p)
    } else {
        let p = fisher_exact_two_sided(
            a.successes,
            a.trials - a.successes,
            b.successes,
            b.trials - b.successes,
        );
        (TestUsed::FisherExact, None, p)
    };
    let mut c = Comparison {
        control: a.clone(),
        variant: b.clone(),
        control_rate: pa,
        variant_rate: pb,
        difference,
        difference_low: (difference - half_width).max(-1.0),
        difference_high: (difference + half_width).min(1.0),
        relative_lift: (pa > 0.0).then(|| difference / pa),
        test,
        z,
        chi_square: z.map(|z| z * z),
        p_value,
        adjusted_p_value: p_value,
        significant: false,
        more_trials_needed: None,
    };
    finish(&mut c);
    c
}

/// Sets what follows from the adjusted p-value.
fn finish(c: &mut Comparison) {
    c.significant = c.adjusted_p_value < ALPHA;
    c.more_trials_needed = if c.significant {
        None
    } else {
        more_trials_needed(&c.control, &c.variant)
    };
}

/// The smallest expected count of the 2×2 table (rows: the two variants; columns: successes, failures).
pub fn min_expected_count(a: &Variant, b: &Variant) -> f64 {
    let total = a.trials as f64 + b.trials as f64;
    let successes = a.successes as f64 + b.successes as f64;
    let failures = total - successes;
    let smaller_row = a.trials.min(b.trials) as f64;
    smaller_row * successes.min(failures) / total
}

/// The pooled two-proportion z-test of `b` against `a`, two-sided, whatever the counts: `(z, p-value)`; the
/// chi-square statistic of R's `prop.test(correct = FALSE)` is `z²`. [`compare`] uses it only when every expected
/// count is at least 5.
pub fn z_test(a: &Variant, b: &Variant) -> (f64, f64) {
    let z = pooled_z(a, b);
    (z, two_sided_normal_p(z))
}

/// The pooled z statistic of `b` against `a` (0 when the pooled rate is 0 or 1).
fn pooled_z(a: &Variant, b: &Variant) -> f64 {
    let (na, nb) = (a.trials as f64, b.trials as f64);
    let pooled = (a.successes as f64 + b.successes as f64) / (na + nb);
    let se = (pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb)).sqrt();
    if se > 0.0 {
        (b.rate() - a.rate()) / se
    } else {
        0.0
    }
}

/// The two-sided p-value of a standard normal statistic: `P(|Z| ≥ |z|)`.
fn two_sided_normal_p(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

/// Fisher's exact test on the 2×2 table `[[a, b], [c, d]]`, two-sided, as R's `fisher.test`: the probabilities of the
/// tables with the table's margins, normalised to sum to 1, summed over those no more probable than the observed one
/// (within a relative tolerance of 1e-7).
pub fn fisher_exact_two_sided(a: u64, b: u64, c: u64, d: u64) -> f64 {
    // x = the top-left cell; rows m = a + b and n = c + d; the first column k = a + c.
    let (m, n, k) = (a + b, c + d, a + c);
    let lo = k.saturating_sub(n);
    let hi = k.min(m);
    if lo == hi {
        return 1.0;
    }
    // The probabilities by the ratio of consecutive terms, from the mode outwards: the mode's comes from log-gamma,
    // the others are exact products (log-gamma differences would lose about N·ε on large tables, enough to miss the
    // exact ties of a symmetric table).
    let ratio = |x: u64| {
        // P(x + 1) / P(x)
        ((m - x) as f64 * (k - x) as f64) / ((x + 1) as f64 * (n + x + 1 - k) as f64)
    };
    let total = (m + n) as u128;
    let mode = (((k as u128 + 1) * (m as u128 + 1)) / (total + 2)) as u64;
    let mode = mode.clamp(lo, hi);
    let size = (hi - lo + 1) as usize;
    let mut p = vec![0.0; size];
    p[(mode - lo) as usize] = hypergeometric_ln_pmf(mode, m, n, k).exp();
    for x in mode..hi {
        let i = (x - lo) as usize;
        p[i + 1] = p[i] * ratio(x);
    }
    for x in (lo..mode).rev() {
        let i = (x - lo) as usize;
        p[i] = p[i + 1] / ratio(x);
    }
    let sum: f64 = p.iter().sum();
    let observed = p[(a - lo) as usize];
    let extreme: f64 = p.iter().filter(|&&q| q <= observed * FISHER_REL_ERR).sum();
    (extreme / sum).min(1.0)
}

/// `ln P(X = x)` for the hypergeometric distribution: `x` successes in `k` draws from `m` successes and `n` failures
/// (`C(m, x) C(n, k − x) / C(m + n, k)`); `−∞` outside the support.
pub fn hypergeometric_ln_pmf(x: u64, m: u64, n: u64, k: u64) -> f64 {
    if x > m || x > k || k - x > n || k > m + n {
        return f64::NEG_INFINITY;
    }
    ln_choose(m, x) + ln_choose(n, k - x) - ln_choose(m + n, k)
}

fn ln_choose(n: u64, k: u64) -> f64 {
    ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k)
}

fn ln_factorial(n: u64) -> f64 {
    if n < 2 {
        0.0
    } else {
        ln_gamma(n as f64 + 1.0)
    }
}

/// Holm's step-down adjustment, as R's `p.adjust(p, "holm")`: sorted ascending, the i-th smallest (from 1) is
/// multiplied by `m − i + 1`, the running maximum taken, capped at 1; the result in the input's order.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    let mut adjusted = vec![0.0; m];
    let mut running = 0.0_f64;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max((m - rank) as f64 * p[i]);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

// ---------------------------------------------------------------------------------------------------------------
// Sample size and verdict.

/// The trials per variant needed to detect the difference between the rates `p1` and `p2` with a two-sided test at
/// 5 % and 80 % power: `(z₀.₉₇₅ √(2 p̄(1−p̄)) + z₀.₈ √(p1(1−p1) + p2(1−p2)))² / (p1 − p2)²`, `p̄ = (p1 + p2)/2`, not
/// rounded. None when the rates are equal.
pub fn sample_size_per_variant(p1: f64, p2: f64) -> Option<f64> {
    let delta = p1 - p2;
    if delta == 0.0 || !delta.is_finite() {
        return None;
    }
    let mean = (p1 + p2) / 2.0;
    let z_alpha = normal_quantile(1.0 - ALPHA / 2.0);
    let z_beta = normal_quantile(POWER);
    let root = z_alpha * (2.0 * mean * (1.0 - mean)).sqrt()
        + z_beta * (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt();
    Some(root * root / (delta * delta))
}

/// How many more trials each variant needs to detect the observed difference with 80 % power: the sample size
/// minus the larger count of trials already there, rounded up, at least 1. None when the rates are equal.
pub fn more_trials_needed(a: &Variant, b: &Variant) -> Option<u64> {
    let n = sample_size_per_variant(a.rate(), b.rate())?;
    let more = (n - a.trials.max(b.trials) as f64).ceil();
    Some(if more < 1.0 { 1 } else { more as u64 })
}

/// The comparison in a sentence, in English and French. `unit` names the trials in the plural ("impressions",
/// "envois"…).
pub fn verdict(c: &Comparison, unit: &Text) -> Text {
    let (a, b) = (&c.control.name, &c.variant.name);
    if c.significant && c.difference != 0.0 {
        let (winner, loser) = if c.difference > 0.0 { (b, a) } else { (a, b) };
        let (conf_en, conf_fr) = confidence(c.adjusted_p_value);
        return text(
            format!("{winner} beats {loser} with {conf_en} confidence"),
            format!("{winner} bat {loser} avec {conf_fr} de confiance"),
        );
    }
    match c.more_trials_needed {
        Some(more) => {
            let (n_en, n_fr) = figures(more as f64);
            text(
                format!(
                    "Not enough data yet to tell {b} from {a}: about {n_en} more {} per variant are needed to detect this difference with 80 % power",
                    unit.en
                ),
                format!(
                    "Pas encore assez de données pour départager {b} et {a} : il faut environ {n_fr} {} de plus par variante pour détecter cet écart avec une puissance de 80 %",
                    unit.fr
                ),
            )
        }
        None => text(
            format!(
                "No difference shows yet between {b} and {a}: with identical rates, the data cannot tell how many more {} would be needed",
                unit.en
            ),
            format!(
                "Aucune différence n’apparaît encore entre {b} et {a} : à taux égaux, les données ne permettent pas d’estimer combien {} de plus il faudrait",
                de(&unit.fr)
            ),
        ),
    }
}

/// French "de" before a noun, elided before a vowel or a mute h: "de vues", "d’impressions", "d’envois".
fn de(noun: &str) -> String {
    let elide = noun
        .chars()
        .next()
        .is_some_and(|c| "aàâeéèêëiîïoôuùûüyhAÀÂEÉÈÊËIÎÏOÔUÙÛÜYH".contains(c));
    if elide {
        format!("d’{noun}")
    } else {
        format!("de {noun}")
    }
}

/// `1 − p` as a whole percent, floored; "more than 99.9 %" when `p < 0.001`.
fn confidence(p: f64) -> (String, String) {
    if p < 0.001 {
        return ("more than 99.9 %".into(), "plus de 99,9 %".into());
    }
    // The small epsilon keeps 1 − 0.03 = 0.97 from flooring to 96 through rounding.
    let pct = ((1.0 - p) * 100.0 + 1e-9).floor();
    (format!("{pct} %"), format!("{pct} %"))
}

// ---------------------------------------------------------------------------------------------------------------
// Special functions.

/// The standard normal CDF, `Φ(x) = erfc(−x/√2)/2`, to about 1e-15 (relative, in both tails).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// The chi-square survival function with 1 degree of freedom, `P(χ²₁ > x) = P(|Z| > √x) = erfc(√(x/2))`.
pub fn chi_square_1df_sf(x: f64) -> f64 {
    if x <= 0.0 {
        1.0
    } else {
        erfc((x / 2.0).sqrt())
    }
}

/// The complementary error function, after W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
/// approximations for the error function", Math. Comp. 1969; the `CALERF` routine of SPECFUN), relative error near
/// 1e-16.
#[allow(clippy::excessive_precision)] // the published digits, as printed
pub fn erfc(x: f64) -> f64 {
    const A: [f64; 5] = [
        3.1611237438705656,
        113.864154151050156,
        377.485237685302021,
        3209.37758913846947,
        0.185777706184603153,
    ];
    const B: [f64; 4] = [
        23.6012909523441209,
        244.024637934444173,
        1282.61652607737228,
        2844.23683343917062,
    ];
    const C: [f64; 9] = [
        0.564188496988670089,
        8.88314979438837594,
        66.1191906371416295,
        298.635138197400131,
        881.95222124176909,
        1712.04761263407058,
        2051.07837782607147,
        1230.33935479799725,
        2.15311535474403846e-8,
    ];
    const D: [f64; 8] = [
        15.7449261107098347,
        117.693950891312499,
        537.181101862009858,
        1621.38957456669019,
        3290.79923573345963,
        4362.61909014324716,
        3439.36767414372164,
        1230.33935480374942,
    ];
    const P: [f64; 6] = [
        0.305326634961232344,
        0.360344899949804439,
        0.125781726111229246,
        0.0160837851487422766,
        6.58749161529837803e-4,
        0.0163153871373020978,
    ];
    const Q: [f64; 5] = [
        2.56852019228982242,
        1.87295284992346047,
        0.527905102951428412,
        0.0605183413124413191,
        0.00233520497626869185,
    ];
    const ONE_OVER_SQRT_PI: f64 = 0.56418958354775628695;
    if x.is_nan() {
        return f64::NAN;
    }
    let y = x.abs();
    if y <= 0.46875 {
        // erf(x) by a rational function of x²; erfc = 1 − erf.
        let ysq = if y > 1.11e-16 { y * y } else { 0.0 };
        let mut num = A[4] * ysq;
        let mut den = ysq;
        for i in 0..3 {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return 1.0 - x * (num + A[3]) / (den + B[3]);
    }
    let tail = if y <= 4.0 {
        let mut num = C[8] * y;
        let mut den = y;
        for i in 0..7 {
            num = (num + C[i]) * y;
            den = (den + D[i]) * y;
        }
        scaled_exp(y) * (num + C[7]) / (den + D[7])
    } else if y >= 26.543 {
        0.0
    } else {
        let ysq = 1.0 / (y * y);
        let mut num = P[5] * ysq;
        let mut den = ysq;
        for i in 0..4 {
            num = (num + P[i]) * ysq;
            den = (den + Q[i]) * ysq;
        }
        let r = ysq * (num + P[4]) / (den + Q[4]);
        scaled_exp(y) * (ONE_OVER_SQRT_PI - r) / y
    };
    if x < 0.0 {
        2.0 - tail
    } else {
        tail
    }
}

/// `exp(−y²)`, computed as Cody does in two parts to keep the rounding of `y²` out of the result.
fn scaled_exp(y: f64) -> f64 {
    let ysq = (y * 16.0).trunc() / 16.0;
    let del = (y - ysq) * (y + ysq);
    (-ysq * ysq).exp() * (-del).exp()
}

/// The standard normal quantile `Φ⁻¹(p)`, by M. J. Wichura's algorithm AS 241 (PPND16, "The percentage points of the
/// normal distribution", Applied Statistics 37(3), 1988), about 16 significant digits. `−∞` at 0, `+∞` at 1, NaN
/// outside [0, 1].
#[allow(clippy::excessive_precision)] // the published digits, as printed
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 8] = [
        3.3871328727963666080,
        1.3314166789178437745e2,
        1.9715909503065514427e3,
        1.3731693765509461125e4,
        4.5921953931549871457e4,
        6.7265770927008700853e4,
        3.3430575583588128105e4,
        2.5090809287301226727e3,
    ];
    const B: [f64; 8] = [
        1.0,
        4.2313330701600911252e1,
        6.8718700749205790830e2,
        5.3941960214247511077e3,
        2.1213794301586595867e4,
        3.9307895800092710610e4,
        2.8729085735721942674e4,
        5.2264952788528545610e3,
    ];
    const C: [f64; 8] = [
        1.42343711074968357734,
        4.63033784615654529590,
        5.76949722146069140550,
        3.64784832476320460504,
        1.27045825245236838258,
        2.41780725177450611770e-1,
        2.27238449892691845833e-2,
        7.74545014278341407640e-4,
    ];
    const D: [f64; 8] = [
        1.0,
        2.05319162663775882187,
        1.67638483018380384940,
        6.89767334985100004550e-1,
        1.48103976427480074590e-1,
        1.51986665636164571966e-2,
        5.47593808499534494600e-4,
        1.05075007164441684324e-9,
    ];
    const E: [f64; 8] = [
        6.65790464350110377720,
        5.46378491116411436990,
        1.78482653991729133580,
        2.96560571828504891230e-1,
        2.65321895265761230930e-2,
        1.24266094738807843860e-3,
        2.71155556874348757815e-5,
        2.01033439929228813265e-7,
    ];
    const F: [f64; 8] = [
        1.0,
        5.99832206555887937690e-1,
        1.36929880922735805310e-1,
        1.48753612908506148525e-2,
        7.86869131145613259100e-4,
        1.84631831751005468180e-5,
        1.42151175831644588870e-7,
        2.04426310338993978564e-15,
    ];
    fn poly(c: &[f64; 8], r: f64) -> f64 {
        c.iter().rev().fold(0.0, |acc, &k| acc * r + k)
    }
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

/// `ln Γ(x)`, by Lanczos' approximation (g = 7, 9 coefficients, relative error about 1e-15), with the reflection
/// formula below 1/2. `+∞` at the poles (0, −1, −2…).
#[allow(clippy::excessive_precision)] // the published digits, as printed
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEF: [f64; 9] = [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.5 {
        // Γ(x) Γ(1 − x) = π / sin(πx).
        let s = (std::f64::consts::PI * x).sin();
        if s == 0.0 {
            return f64::INFINITY;
        }
        return (std::f64::consts::PI / s.abs()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEF[0];
    for (i, &c) in COEF.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

// ---------------------------------------------------------------------------------------------------------------
// The beta distribution (the best times' intervals, best_times.rs).

/// Stirling's series for `ln Γ(z) − ((z − ½) ln z − z + ½ ln 2π)`, for `z ≥ 10` (error below 1e-12).
fn stirling_correction(z: f64) -> f64 {
    let z2 = z * z;
    (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * z2)) / z2) / z2) / z
}

/// `ln B(a, b)`. When the larger parameter is 10 or more, the difference `ln Γ(big) − ln Γ(big + small)` comes from
/// Stirling's series written as a difference, so that it keeps its digits for a billion as for ten.
pub fn ln_beta(a: f64, b: f64) -> f64 {
    let (small, big) = if a < b { (a, b) } else { (b, a) };
    if big < 10.0 {
        return ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
    }
    let s = big + small;
    ln_gamma(small) - (big - 0.5) * (small / big).ln_1p() - small * s.ln()
        + small
        + stirling_correction(big)
        - stirling_correction(s)
}

/// `ln(xᵃ (1 − x)ᵇ / B(a, b))` for `0 < x < 1`. With both parameters 10 or more it is written around the mean (as
/// TOMS 708's `brcomp` does), where the terms would otherwise cancel.
fn ln_beta_kernel(x: f64, a: f64, b: f64) -> f64 {
    if a >= 10.0 && b >= 10.0 {
        let s = a + b;
        let d = x * s - a;
        a * (d / a).ln_1p() + b * (-d / b).ln_1p() + 0.5 * (a * b / s).ln()
            - 0.5 * (2.0 * std::f64::consts::PI).ln()
            - (stirling_correction(a) + stirling_correction(b) - stirling_correction(s))
    } else {
        a * x.ln() + b * (-x).ln_1p() - ln_beta(a, b)
    }
}

/// The continued fraction of the incomplete beta function (modified Lentz), as in Numerical Recipes' `betacf`; it
/// converges fast for `x < (a + 1) / (a + b + 2)`.
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-15;
    let clamp = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / clamp(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..100_000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / clamp(1.0 + aa * d);
        c = clamp(1.0 + aa / c);
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / clamp(1.0 + aa * d);
        c = clamp(1.0 + aa / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// The regularized incomplete beta function and `ln(xᵃ (1 − x)ᵇ / B(a, b))`, for `0 < x < 1`.
fn beta_cdf_kernel(x: f64, a: f64, b: f64) -> (f64, f64) {
    let k = ln_beta_kernel(x, a, b);
    let cdf = if x < (a + 1.0) / (a + b + 2.0) {
        k.exp() * beta_continued_fraction(a, b, x) / a
    } else {
        1.0 - k.exp() * beta_continued_fraction(b, a, 1.0 - x) / b
    };
    (cdf.clamp(0.0, 1.0), k)
}

/// The CDF of the beta distribution `Beta(a, b)` at `x` (the regularized incomplete beta function `Iₓ(a, b)`). NaN
/// unless `a` and `b` are positive and finite.
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    if !(a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite()) || x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    beta_cdf_kernel(x, a, b).0
}

/// The quantile of `Beta(a, b)`: the `x` where [`beta_cdf`] reaches `p`, to about 12 significant digits. Found by
/// Newton's method on `ln x` inside a bracket that each step narrows (bisection when a step leaves it), from the lower
/// tail: above the median, `1 − ` the quantile of `Beta(b, a)` at `1 − p`. NaN unless `a` and `b` are positive and
/// finite and `p` is in [0, 1].
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if !(a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite() && (0.0..=1.0).contains(&p)) {
        return f64::NAN;
    }
    if p == 0.0 {
        return 0.0;
    }
    if p == 1.0 {
        return 1.0;
    }
    if p > 0.5 {
        return 1.0 - lower_beta_quantile(1.0 - p, b, a);
    }
    lower_beta_quantile(p, a, b)
}

fn lower_beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    let s = a + b;
    let mean = a / s;
    let sd = (a * b / (s * s * (s + 1.0))).sqrt();
    let mut x = mean + normal_quantile(p) * sd;
    if !(x > 0.0 && x < 1.0) {
        x = mean / 2.0;
    }
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..400 {
        let (cdf, k) = beta_cdf_kernel(x, a, b);
        if cdf == p {
            return x;
        }
        if cdf < p {
            lo = x;
        } else {
            hi = x;
        }
        // d cdf / d ln x = x · density = e^k / (1 − x).
        let slope = k.exp() / (1.0 - x);
        let mut next = x * (-(cdf - p) / slope).exp();
        if !(next > lo && next < hi) {
            next = if lo > 0.0 {
                (lo * hi).sqrt()
            } else {
                hi / 16.0
            };
        }
        if (next - x).abs() <= 1e-13 * x || hi - lo <= 1e-15 * hi {
            return next;
        }
        x = next;
    }
    x
}
