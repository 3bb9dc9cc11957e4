//! The wording helpers the findings and the other texts Cinq writes share, in English and French: plurals, lists,
//! networks' names in a sentence, and the French forms of "de".
//!
//! - **Plurals**: English takes the singular for exactly one ("1 post", "0 posts"); French for less than two
//!   ("0 publication", "1 publication", "2 publications"), as i18next's plural rules do in the UI.
//! - **Lists**: "a, b and c" / "a, b et c" ([`join`]); an item never holds a conjunction of its own, so a list of
//!   measurements reads "clicks, conversions and leads", never "clicks and conversions and leads".
//! - **Networks**: by their display name, never their key; in French with their article and preposition (the network
//!   module's `FrenchName` and `NetName`: "sur le blog", "d’Instagram"); this module knows no network.
//! - **Figures**: at most one decimal, thousands grouped ([`figures`]).

use chrono::{Datelike, NaiveDate};

/// The months' names in English and in French (lower case, as French writes them in a date).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A day of the month in French: "1er", then "2", "3"…
pub fn day_fr(d: NaiveDate) -> String {
    if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    }
}

/// A day as people write it: "May 25, 2027", "25 mai 2027" ("1er mai 2027").
pub fn long_day(d: NaiveDate) -> (String, String) {
    let m = d.month0() as usize;
    (
        format!("{} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        format!("{} {} {}", day_fr(d), MONTHS_FR[m], d.year()),
    )
}

/// `one` for exactly one, else `other`: "1 post", "0 posts", "3 posts".
pub fn en<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        other
    }
}

/// `one` below two, else `other`: "0 publication", "1 publication", "2 publications".
pub fn fr<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n < 2 {
        one
    } else {
        other
    }
}

/// "1 post", "3 posts".
pub fn count_en(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", en(n, one, other))
}

/// "1 publication", "3 publications" (thousands grouped with a narrow no-break space).
pub fn count_fr(n: usize, one: &str, other: &str) -> String {
    format!("{} {}", figures(n as f64).1, fr(n, one, other))
}

/// A figure and its noun: "0.5 posts", "1 post" / "0,5 publication", "1,5 publication", "2 publications" (at most one
/// decimal, as [`figures`] writes it).
pub fn figure_count(v: f64, one: (&str, &str), other: (&str, &str)) -> (String, String) {
    let (en_v, fr_v) = figures(v);
    let shown = (v * 10.0).round() / 10.0;
    (
        format!("{en_v} {}", if shown == 1.0 { one.0 } else { other.0 }),
        format!("{fr_v} {}", if shown.abs() < 2.0 { one.1 } else { other.1 }),
    )
}

/// "a, b and c" / "a, b et c": the one way the findings join a list, `and` being "and" or "et".
pub fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The text with its first letter in capitals, for the start of a sentence: "le blog" → "Le blog".
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// French "de" before a name, elided before a vowel: "de LinkedIn", "d’Instagram", "de YouTube".
pub fn de(name: &str) -> String {
    let elide = name
        .chars()
        .next()
        .is_some_and(|c| "aàâeéèêëiîïoôuùûüAÀÂEÉÈÊËIÎÏOÔUÙÛÜ".contains(c));
    if elide {
        format!("d’{name}")
    } else {
        format!("de {name}")
    }
}

/// A figure as people write it, in English and in French: at most one decimal, none when whole.
/// Thousands are grouped: "4,200" and "4 200" (a narrow no-break space).
pub fn figures(v: f64) -> (String, String) {
    let plain = format!("{}", (v * 10.0).round() / 10.0);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (whole, decimals) = rest
        .split_once('.')
        .map_or((rest, None), |(w, d)| (w, Some(d)));
    let group = |sep: &str| {
        let digits: Vec<char> = whole.chars().collect();
        let mut out = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(*c);
        }
        out
    };
    let en = format!(
        "{sign}{}{}",
        group(","),
        decimals.map(|d| format!(".{d}")).unwrap_or_default()
    );
    let fr = format!(
        "{sign}{}{}",
        group("\u{202f}"),
        decimals.map(|d| format!(",{d}")).unwrap_or_default()
    );
    (en, fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(count_en(0, "post", "posts"), "0 posts");
        assert_eq!(count_en(1, "post", "posts"), "1 post");
        assert_eq!(count_en(3, "post", "posts"), "3 posts");
        assert_eq!(count_fr(0, "publication", "publications"), "0 publication");
        assert_eq!(count_fr(1, "publication", "publications"), "1 publication");
        assert_eq!(count_fr(2, "publication", "publications"), "2 publications");
        assert_eq!(
            count_fr(1500, "publication", "publications"),
            "1\u{202f}500 publications"
        );
    }

    #[test]
    fn figures_take_the_plural_of_their_value() {
        let posts = |v| figure_count(v, ("post", "publication"), ("posts", "publications"));
        assert_eq!(posts(0.5), ("0.5 posts".into(), "0,5 publication".into()));
        assert_eq!(posts(1.0), ("1 post".into(), "1 publication".into()));
        assert_eq!(posts(1.5), ("1.5 posts".into(), "1,5 publication".into()));
        assert_eq!(posts(2.0), ("2 posts".into(), "2 publications".into()));
    }

    #[test]
    fn lists_have_one_conjunction() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join(&l(&[]), "and"), "");
        assert_eq!(join(&l(&["clicks"]), "and"), "clicks");
        assert_eq!(join(&l(&["clicks", "leads"]), "and"), "clicks and leads");
        assert_eq!(
            join(&l(&["clics", "conversions", "leads"]), "et"),
            "clics, conversions et leads"
        );
    }
}
