//! Findings: conclusions computed from what the user entered, each with its evidence, a suggestion, and a link to the
//! data behind it; and [`Text`], a text in both languages. This module holds the types every step's rules write; the
//! rules themselves live with their step (`audit::findings`, `benchmark::findings`, `objectives::smart`,
//! `calendar::checks`), so this module knows no step: the UI shows the texts as they come, in English or French.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::StepId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Blocking,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The targets use a network where the brand is absent.
    TargetsWithoutPresence,
    /// The targets use a network where the brand is present but weak.
    WeakPresence,
    /// First-timers: a network worth opening, given the audiences.
    CandidateNetwork,
    /// The brand is active where its targets are not.
    DropCandidate,
    BestFormat,
    MissingMeasurement,
    StaleAccount,
    /// The brand posts less often than the median competitor on a network.
    PostsLessThanCompetitors,
    /// The brand's posts get less engagement than the median competitor's.
    EngagesLessThanCompetitors,
    /// Formats the leaders use on a network and the brand does not.
    FormatGap,
    /// A theme of the brand's that no player covers: a way to stand apart.
    WhiteSpaceTheme,
    /// A theme every player covers.
    CrowdedTheme,
    // Step 3.
    /// No social objective yet.
    NoObjective,
    /// Specific: the objective has no metric.
    NotSpecific,
    /// Measurable: no metric or no data source in the measurement plan (blocking).
    NotMeasurable,
    /// No baseline or no target: the ambition cannot be judged.
    NoFigures,
    /// A target too far from the baseline for the time left.
    TooAmbitious,
    /// A target below the baseline (above it for a KPI that should go down).
    TargetWrongWay,
    TargetUnchanged,
    /// A target barely better than the baseline.
    TargetTimid,
    /// A baseline of 0: the ambition cannot be judged from it.
    StartsFromZero,
    /// Relevant: not linked to a business goal.
    NotLinkedToBusiness,
    /// Time-bound: no deadline, or one that is not after today.
    NotTimeBound,
    /// A vanity KPI with no link to a business outcome.
    VanityMetric,
    /// The audit says the KPI cannot be measured on one of the objective's networks.
    MetricUnavailable,
    /// The objective is on a network the audit did not keep.
    ObjectiveOffKeptNetworks,
    NetworkWithoutMission,
    MissionWithoutObjective,
    /// The brand is active on a network and the audit has not decided whether to keep it.
    UndecidedNetwork,
    PillarWithoutTopics,
    /// A network's mission favours pillars that its mix gives little weight.
    MissionMixMismatch,
    // Step 4.
    FrequencyTooLow,
    FrequencyTooHigh,
    /// Weeks with no post on an active network.
    EmptyWeeks,
    /// The same topic several times in a row on one network.
    TopicRepeated,
    TopicUnused,
    /// One topic takes a large share of the posts.
    TopicDominant,
    /// A network's posts stray from its mission's pillars.
    MissionMisfit,
    /// The actual mix is off the target (strategy-wide or on a network).
    MixOffTarget,
    /// Two posts on one network too close in time.
    PostCollision,
    PostWithoutObjective,
    /// An editorial item that no post relays.
    EditorialNotRelayed,
    /// A post's text longer than its network takes.
    PostTooLong,
    /// Stored dates or times that are not in their one form and that no repair could read (see `stored_dates`).
    StoredDateInvalid,
}

/// A text in both of the app's languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

pub(crate) fn text(en: String, fr: String) -> Text {
    Text { en, fr }
}

/// Where the data behind a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FindingLink {
    pub step: StepId,
    /// The part of the step: `audiences`, `presence` or `measurement` (audit); `comparison` or `coverage`
    /// (benchmark); `goals`, `objectives`, `missions`, `mix` or `measurement` (objectives).
    pub section: String,
    pub network: Option<String>,
    /// The item concerned, when one: a social objective's id (objectives).
    #[ts(type = "number | null")]
    pub item: Option<i64>,
    /// The pillar concerned, when one (a pillar with no topics).
    pub pillar: Option<crate::model::Pillar>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub network: Option<String>,
    pub title: Text,
    /// The evidence, in a sentence or two.
    pub explanation: Text,
    pub suggestion: Text,
    pub link: FindingLink,
}

impl Finding {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        kind: FindingKind,
        severity: Severity,
        network: Option<&str>,
        title: Text,
        explanation: Text,
        suggestion: Text,
        link: FindingLink,
    ) -> Finding {
        Finding {
            kind,
            severity,
            network: network.map(str::to_owned),
            title,
            explanation,
            suggestion,
            link,
        }
    }
}

pub(crate) use crate::words::join;

pub(crate) fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}
