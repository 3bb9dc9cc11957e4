//! The networks every step shares: the built-in catalogue (each network's kind, length limit, formats and French
//! forms) and the networks of a strategy (the catalogue followed by its own, which the audit adds).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::enum_from;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NetworkKind {
    /// A social network.
    Social,
    /// Owned media (blog, newsletter): the editorial calendar's channels.
    Owned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContentFormat {
    Photo,
    Video,
    Carousel,
    Text,
    Link,
    Story,
    Live,
    ShortVideo,
}

impl ContentFormat {
    pub const ALL: [ContentFormat; 8] = [
        ContentFormat::Photo,
        ContentFormat::Video,
        ContentFormat::Carousel,
        ContentFormat::Text,
        ContentFormat::Link,
        ContentFormat::Story,
        ContentFormat::Live,
        ContentFormat::ShortVideo,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ContentFormat::Photo => "photo",
            ContentFormat::Video => "video",
            ContentFormat::Carousel => "carousel",
            ContentFormat::Text => "text",
            ContentFormat::Link => "link",
            ContentFormat::Story => "story",
            ContentFormat::Live => "live",
            ContentFormat::ShortVideo => "short_video",
        }
    }
    pub fn parse(s: &str) -> Option<ContentFormat> {
        ContentFormat::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// A network, with the facts later steps use (length limit, formats).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Network {
    /// A stable key: `linkedin`, or `custom-…` for the strategy's own networks.
    pub key: String,
    pub name: String,
    pub kind: NetworkKind,
    /// The longest post, in characters, if the network has a limit.
    pub max_length: Option<u32>,
    pub formats: Vec<ContentFormat>,
    pub custom: bool,
    /// How French puts the network in a sentence ("sur le blog", "d’Instagram").
    pub fr: FrenchName,
}

/// A network's name as a French sentence needs it: with its article and the prepositions it takes. The blog and the
/// newsletter are common nouns ("le blog", "la newsletter"); the brands of the catalogue are names, with no article
/// ("Instagram", "d’Instagram"). A network of the strategy's own is named as the user wrote it, like a brand, with
/// "de" elided before a vowel: no article to guess, so no gender to get wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrenchName {
    /// As a subject or an object: "le blog", "la newsletter", "Instagram".
    pub the: String,
    /// Where one posts: "sur le blog", "dans la newsletter", "sur Instagram".
    pub on: String,
    /// After "de": "du blog", "de la newsletter", "d’Instagram", "de LinkedIn".
    pub of: String,
    /// After "à": "au blog", "à la newsletter", "à Instagram".
    pub to: String,
}

impl FrenchName {
    /// A name with no article, as brands take: "Instagram", "sur Instagram", "d’Instagram", "à Instagram".
    pub fn proper(name: &str) -> FrenchName {
        FrenchName {
            the: name.to_owned(),
            on: format!("sur {name}"),
            of: crate::words::de(name),
            to: format!("à {name}"),
        }
    }

    /// The forms of a network: the catalogue's own, or [`FrenchName::proper`] for any other.
    pub fn of_network(key: &str, name: &str) -> FrenchName {
        let forms = |the: &str, on: &str, of: &str, to: &str| FrenchName {
            the: the.to_owned(),
            on: on.to_owned(),
            of: of.to_owned(),
            to: to.to_owned(),
        };
        match key {
            "blog" => forms("le blog", "sur le blog", "du blog", "au blog"),
            "newsletter" => forms(
                "la newsletter",
                "dans la newsletter",
                "de la newsletter",
                "à la newsletter",
            ),
            _ => FrenchName::proper(name),
        }
    }
}

fn builtin(
    key: &str,
    name: &str,
    kind: NetworkKind,
    max_length: Option<u32>,
    formats: &[ContentFormat],
) -> Network {
    Network {
        key: key.to_owned(),
        name: name.to_owned(),
        kind,
        max_length,
        formats: formats.to_vec(),
        custom: false,
        fr: FrenchName::of_network(key, name),
    }
}

/// The built-in networks, in the order the app shows them.
pub fn catalogue() -> Vec<Network> {
    use ContentFormat::*;
    use NetworkKind::*;
    vec![
        builtin(
            "facebook",
            "Facebook",
            Social,
            Some(63_206),
            &[Photo, Video, Carousel, Text, Link, Story, Live, ShortVideo],
        ),
        builtin(
            "instagram",
            "Instagram",
            Social,
            Some(2_200),
            &[Photo, Video, Carousel, Story, Live, ShortVideo],
        ),
        builtin(
            "linkedin",
            "LinkedIn",
            Social,
            Some(3_000),
            &[Photo, Video, Carousel, Text, Link, Live],
        ),
        builtin(
            "x",
            "X",
            Social,
            Some(280),
            &[Photo, Video, Text, Link, Live],
        ),
        builtin(
            "tiktok",
            "TikTok",
            Social,
            Some(4_000),
            &[Video, Carousel, Story, Live, ShortVideo],
        ),
        builtin(
            "youtube",
            "YouTube",
            Social,
            Some(5_000),
            &[Video, Live, ShortVideo],
        ),
        builtin(
            "pinterest",
            "Pinterest",
            Social,
            Some(500),
            &[Photo, Video, Carousel, Link],
        ),
        builtin(
            "threads",
            "Threads",
            Social,
            Some(500),
            &[Photo, Video, Carousel, Text, Link],
        ),
        builtin(
            "bluesky",
            "Bluesky",
            Social,
            Some(300),
            &[Photo, Video, Text, Link],
        ),
        builtin(
            "mastodon",
            "Mastodon",
            Social,
            Some(500),
            &[Photo, Video, Text, Link],
        ),
        builtin(
            "snapchat",
            "Snapchat",
            Social,
            Some(250),
            &[Photo, Video, Story, ShortVideo],
        ),
        builtin(
            "google_business",
            "Google Business Profile",
            Social,
            Some(1_500),
            &[Photo, Video, Text, Link],
        ),
        builtin("blog", "Blog", Owned, None, &[Photo, Video, Text, Link]),
        builtin(
            "newsletter",
            "Newsletter",
            Owned,
            None,
            &[Photo, Text, Link],
        ),
    ]
}

fn custom_networks(conn: &rusqlite::Connection, id: i64) -> Result<Vec<Network>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, name, kind, max_length, formats FROM custom_network WHERE strategy_id = ?1 ORDER BY position, key",
    )?;
    let rows = stmt.query_map([id], |r| {
        let kind: String = r.get(2)?;
        let formats: String = r.get(4)?;
        let name: String = r.get(1)?;
        Ok(Network {
            key: r.get(0)?,
            fr: FrenchName::proper(&name),
            name,
            kind: enum_from(&kind).unwrap_or(NetworkKind::Social),
            max_length: r.get(3)?,
            formats: serde_json::from_str(&formats).unwrap_or_default(),
            custom: true,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The catalogue followed by the strategy's own networks.
pub fn networks_of(conn: &rusqlite::Connection, id: i64) -> Result<Vec<Network>> {
    let mut all = catalogue();
    all.extend(custom_networks(conn, id)?);
    Ok(all)
}

/// Whether `key` is the key of a network of the strategy's own as Cinq makes them: `custom-` then letters a to z,
/// digits and dashes (at most 100 characters). A key becomes part of file names (Hootsuite's export): nothing else is
/// taken, whatever its source (the app, a strategy file).
pub fn is_custom_key(key: &str) -> bool {
    key.len() <= 100
        && key.strip_prefix("custom-").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// A network's name in both languages: its display name in English, its forms in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetName {
    pub en: String,
    pub fr: FrenchName,
}

impl NetName {
    /// The name of `key` among `networks`, else in the catalogue; a key no network has is shown as the name of a
    /// network of the user's own would be.
    pub fn of(networks: &[Network], key: &str) -> NetName {
        if let Some(n) = networks.iter().find(|n| n.key == key) {
            return NetName {
                en: n.name.clone(),
                fr: n.fr.clone(),
            };
        }
        if let Some(n) = catalogue().into_iter().find(|n| n.key == key) {
            return NetName {
                en: n.name,
                fr: n.fr,
            };
        }
        NetName {
            en: key.to_owned(),
            fr: FrenchName::proper(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_names_take_their_article() {
        let all = catalogue();
        let n = |k: &str| NetName::of(&all, k).fr;
        assert_eq!(n("blog").on, "sur le blog");
        assert_eq!(n("blog").of, "du blog");
        assert_eq!(n("newsletter").of, "de la newsletter");
        assert_eq!(n("newsletter").on, "dans la newsletter");
        assert_eq!(n("instagram").of, "d’Instagram");
        assert_eq!(n("instagram").the, "Instagram");
        assert_eq!(n("youtube").of, "de YouTube");
        assert_eq!(n("linkedin").on, "sur LinkedIn");
        assert_eq!(crate::words::cap(&n("blog").the), "Le blog");
        assert_eq!(NetName::of(&all, "pinterest").en, "Pinterest");
        assert_eq!(FrenchName::proper("École Pro").of, "d’École Pro");
    }
}
