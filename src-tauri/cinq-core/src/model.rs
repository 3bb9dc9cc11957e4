//! The types shared by the store, the IPC and the CLI. TypeScript bindings are generated from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Fr,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "en" => Some(Language::En),
            "fr" => Some(Language::Fr),
            _ => None,
        }
    }

    /// The app language for an OS locale such as `fr_FR.UTF-8`, `fr-CA` or `en-US`: French for any French locale,
    /// English otherwise.
    pub fn from_locale(locale: &str) -> Language {
        if locale.trim().to_ascii_lowercase().starts_with("fr") {
            Language::Fr
        } else {
            Language::En
        }
    }
}

/// The five steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    Audit,
    Benchmark,
    Objectives,
    Calendar,
    TestAdapt,
}

impl StepId {
    pub const ALL: [StepId; 5] = [
        StepId::Audit,
        StepId::Benchmark,
        StepId::Objectives,
        StepId::Calendar,
        StepId::TestAdapt,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            StepId::Audit => "audit",
            StepId::Benchmark => "benchmark",
            StepId::Objectives => "objectives",
            StepId::Calendar => "calendar",
            StepId::TestAdapt => "test_adapt",
        }
    }
    pub fn parse(s: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StepState {
    pub step: StepId,
    pub completed: bool,
}

/// One brand's or client's strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Strategy {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub sector: String,
    pub language: Language,
    /// An IANA time zone name.
    pub timezone: String,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    pub current_step: StepId,
    /// Always the five steps, in order.
    pub steps: Vec<StepState>,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StrategySummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub sector: String,
    pub language: Language,
    pub updated_at: String,
    pub completed_steps: u32,
}

/// What a user types to create or edit a strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StrategyInput {
    pub name: String,
    pub organisation: String,
    pub sector: String,
    pub language: Language,
    pub timezone: String,
    pub start_date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LanguagePref {
    System,
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThemePref {
    System,
    Light,
    Dark,
}

/// The app's preferences, stored in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub language: LanguagePref,
    pub theme: ThemePref,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: LanguagePref::System,
            theme: ThemePref::System,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    /// The app's name (the bundle's product name).
    pub name: String,
    /// Cinq's version ([`crate::VERSION`]).
    pub version: String,
    /// The database file the app has open (or failed to open).
    pub db_path: String,
    /// The strategy to reopen at start, if it still exists.
    #[ts(type = "number | null")]
    pub last_strategy_id: Option<i64>,
    /// The language of the OS, which the `system` language preference follows.
    pub system_language: Language,
    /// The limits the UI needs before an answer (a counter, an input's bounds, a default).
    pub limits: Limits,
}

/// The limits the UI shows before it has an answer to quote (an error carries its own limit: `FieldError::max`).
/// Each is named once, beside its rule; [`crate::LIMITS`] (in lib.rs, above every module) gathers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Limits {
    /// The longest name (a strategy's…), in characters: `error::MAX_NAME_CHARS`.
    pub name_chars: u32,
    /// The most posts a week of a mission: `objectives::MAX_POSTS_PER_WEEK`.
    pub posts_per_week: u32,
    /// The days from an adaptation to its review, by default: `adapt::adaptations::REVIEW_AFTER_DAYS`.
    pub review_after_days: u32,
}

/// A pillar of the content mix (step 3): what a post is for. Every step's findings may name one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Posts that sell: offers, products, conversion.
    Promotion,
    /// Relaying others' useful or inspiring content.
    Curation,
    /// Conversation with the community: the brand and its e-reputation.
    Interaction,
}

impl Pillar {
    pub const ALL: [Pillar; 3] = [Pillar::Promotion, Pillar::Curation, Pillar::Interaction];
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            Pillar::Promotion => ("promotion", "promotion"),
            Pillar::Curation => ("curation", "curation"),
            Pillar::Interaction => ("interaction", "interaction"),
        }
    }
}
