//! The strategy file: a whole strategy as versioned JSON, written by `cinq strategy export` and read back by
//! `cinq strategy import` as a new strategy. The round trip is lossless (see tests/store.rs).
//!
//! Every step adds its data here. A change to the shape bumps [`FORMAT_VERSION`]; reading keeps accepting the older
//! versions.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::adapt::abtests::{self, AbTestInput, AbVariantInput};
use crate::adapt::adaptations::{AdaptationAction, AdaptationInput, Change, EvidenceKind};
use crate::adapt::results::{Measures, Publication, ResultSource};
use crate::audit::{
    self, CustomNetworkInput, MetricCheck, PersonaInput, Presence, DEFAULT_STALE_AFTER_DAYS,
};
use crate::benchmark::{self, CustomerVoice, ObservationInput, PlayerInput, TrendInput};
use crate::calendar::{self, EditorialItemInput, PostInput, PostStatus};
use crate::error::{CoreError, Result};
use crate::model::{Language, StepId, StepState, Strategy, StrategyInput};
use crate::objectives::{
    self, BusinessGoalInput, ContentMix, Direction, KpiMetric, MarketingObjectiveInput,
    MeasurementPlan, Mission, ObjectiveInput, ObjectiveType, Pillar, TopicInput,
};
use crate::store::Store;
use crate::strategy::{free_name_for_import, insert, validate, NewStrategy};

pub const FORMAT: &str = "cinq.strategy";
/// 1: the strategy itself. 2: with the audit. 3: with the benchmark. 4: with the objectives. 5: with the calendar.
/// 6: with step 5 (posts' results and publications, KPI readings, A/B tests, adaptations). 7: an audit measurement
/// can be marked not applicable (`not_applicable`, false when absent).
/// 8: a publication may carry the time the network gives (`published_at`).
/// 9: a post may carry the planner's marks (`planned`, `recycled_from`), left out when unset.
/// An older file reads with the later steps empty.
pub const FORMAT_VERSION: u32 = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyFile {
    pub format: String,
    pub version: u32,
    pub strategy: StrategyData,
}

/// A strategy as it stands in the file: everything but the database ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyData {
    pub name: String,
    pub organisation: String,
    pub sector: String,
    pub language: Language,
    pub timezone: String,
    pub start_date: String,
    pub current_step: StepId,
    pub steps: Vec<StepState>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub audit: AuditData,
    #[serde(default)]
    pub benchmark: BenchmarkData,
    #[serde(default)]
    pub objectives: ObjectivesData,
    #[serde(default)]
    pub calendar: CalendarData,
    #[serde(default)]
    pub adapt: AdaptData,
}

/// Step 5 in the file. The ids inside tests and adaptations are positions: a variant's or an action's post in
/// `calendar.posts`, a test in `tests`, and an evidence's `ref_id` in `tests` (kind test), `objectives.objectives`
/// (kind kpi) or `calendar.posts` (kind underperformer). A post deleted since is -1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdaptData {
    pub tests: Vec<AbTestInput>,
    pub adaptations: Vec<AdaptationData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdaptationData {
    pub entry: AdaptationInput,
    pub action: Option<AdaptationAction>,
    pub changes: Vec<Change>,
}

/// A post's snapshot in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotData {
    pub taken_on: String,
    pub source: ResultSource,
    pub measures: Measures,
}

/// A KPI reading in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingData {
    pub taken_on: String,
    pub value: f64,
    pub note: String,
}

/// Step 4 in the file. A post names its topic, editorial item and objective by their positions in `objectives.topics`,
/// `calendar.editorial` and `objectives.objectives`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarData {
    pub editorial: Vec<EditorialItemInput>,
    pub posts: Vec<PostFileData>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostFileData {
    pub network: String,
    pub scheduled_at: Option<String>,
    pub pillar: Option<Pillar>,
    pub topic: Option<usize>,
    pub title: String,
    pub text: String,
    pub link: String,
    pub media_notes: String,
    pub status: PostStatus,
    pub editorial_item: Option<usize>,
    pub objective: Option<usize>,
    pub campaign: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<SnapshotData>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recycled_from: Option<String>,
}

impl PostFileData {
    fn to_input(
        &self,
        topic_id: Option<i64>,
        editorial_item_id: Option<i64>,
        objective_id: Option<i64>,
    ) -> PostInput {
        PostInput {
            network: self.network.clone(),
            scheduled_at: self.scheduled_at.clone(),
            pillar: self.pillar,
            topic_id,
            title: self.title.clone(),
            text: self.text.clone(),
            link: self.link.clone(),
            media_notes: self.media_notes.clone(),
            status: self.status,
            editorial_item_id,
            objective_id,
            campaign: self.campaign.clone(),
            planned: self.planned,
            recycled_from: self.recycled_from.clone(),
        }
    }
}

/// Step 3 in the file. Links go by position: a marketing objective names its business goal's index in `goals`, an
/// objective its marketing objective's index in `marketing`, a mission its audiences' indexes in the audit's
/// `personas` and its objectives' indexes in `objectives`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectivesData {
    pub goals: Vec<BusinessGoalInput>,
    pub marketing: Vec<MarketingData>,
    pub objectives: Vec<ObjectiveData>,
    pub missions: Vec<MissionData>,
    pub mix: ContentMix,
    pub topics: Vec<TopicInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketingData {
    pub title: String,
    pub business_goal: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveData {
    pub title: String,
    pub objective_type: ObjectiveType,
    pub marketing_objective: Option<usize>,
    pub kpi_metric: Option<KpiMetric>,
    pub kpi_name: String,
    pub kpi_unit: String,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub deadline: Option<String>,
    pub networks: Vec<String>,
    pub owner: String,
    pub contribution: String,
    pub measurement: MeasurementPlan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<ReadingData>,
}

impl ObjectiveData {
    fn to_input(&self, marketing_objective_id: Option<i64>) -> ObjectiveInput {
        ObjectiveInput {
            title: self.title.clone(),
            objective_type: self.objective_type,
            marketing_objective_id,
            kpi_metric: self.kpi_metric,
            kpi_name: self.kpi_name.clone(),
            kpi_unit: self.kpi_unit.clone(),
            direction: self.direction,
            baseline: self.baseline,
            target: self.target,
            deadline: self.deadline.clone(),
            networks: self.networks.clone(),
            owner: self.owner.clone(),
            contribution: self.contribution.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionData {
    pub network: String,
    pub statement: String,
    pub audiences: Vec<usize>,
    pub objectives: Vec<usize>,
    pub pillars: Vec<Pillar>,
    pub posts_per_week: Option<f64>,
}

/// Step 2 in the file. Observations and trends refer to players and networks by position and key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkData {
    pub players: Vec<PlayerData>,
    pub voice: CustomerVoice,
    pub trends: Vec<TrendInput>,
    pub brand_themes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlayerData {
    #[serde(flatten)]
    pub player: PlayerInput,
    /// Oldest first; `player_id` is not written.
    pub observations: Vec<ObservationData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservationData {
    pub network: String,
    pub observed_on: String,
    pub followers: Option<i64>,
    pub posts_per_week: Option<f64>,
    pub engagement_per_post: Option<f64>,
    pub themes: Vec<String>,
    pub tone: String,
    pub formats: Vec<crate::network::ContentFormat>,
    pub works: String,
    pub fails: String,
}

impl ObservationData {
    fn from_input(o: &ObservationInput) -> Self {
        ObservationData {
            network: o.network.clone(),
            observed_on: o.observed_on.clone(),
            followers: o.followers,
            posts_per_week: o.posts_per_week,
            engagement_per_post: o.engagement_per_post,
            themes: o.themes.clone(),
            tone: o.tone.clone(),
            formats: o.formats.clone(),
            works: o.works.clone(),
            fails: o.fails.clone(),
        }
    }
    fn to_input(&self, player_id: i64) -> ObservationInput {
        ObservationInput {
            player_id,
            network: self.network.clone(),
            observed_on: self.observed_on.clone(),
            followers: self.followers,
            posts_per_week: self.posts_per_week,
            engagement_per_post: self.engagement_per_post,
            themes: self.themes.clone(),
            tone: self.tone.clone(),
            formats: self.formats.clone(),
            works: self.works.clone(),
            fails: self.fails.clone(),
        }
    }
}

/// Step 1 in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditData {
    pub not_on_social_yet: bool,
    pub stale_after_days: u32,
    pub custom_networks: Vec<CustomNetworkData>,
    pub selected: Vec<String>,
    pub personas: Vec<PersonaInput>,
    pub presences: Vec<Presence>,
    pub metrics: Vec<MetricCheck>,
}

impl Default for AuditData {
    fn default() -> Self {
        AuditData {
            not_on_social_yet: false,
            stale_after_days: DEFAULT_STALE_AFTER_DAYS,
            custom_networks: Vec::new(),
            selected: Vec::new(),
            personas: Vec::new(),
            presences: Vec::new(),
            metrics: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomNetworkData {
    pub key: String,
    #[serde(flatten)]
    pub network: CustomNetworkInput,
}

impl Store {
    /// Copies a strategy, with every step's data, under a free name such as "Name (copy)".
    pub fn duplicate_strategy(&mut self, id: i64) -> Result<Strategy> {
        self.duplicate_strategy_in(id, crate::model::Language::En)
    }

    /// As [`Store::duplicate_strategy`], the copy named in `language` (the UI's): "Name (copy)", "Name (copie)".
    pub fn duplicate_strategy_in(
        &mut self,
        id: i64,
        language: crate::model::Language,
    ) -> Result<Strategy> {
        let word = match language {
            crate::model::Language::En => "copy",
            crate::model::Language::Fr => "copie",
        };
        let mut data = self.export_strategy(id)?.strategy;
        let t = crate::strategy::now();
        data.created_at = t.clone();
        data.updated_at = t;
        let new_id = self.write(|tx| {
            let name = crate::strategy::free_name(tx, &data.name, crate::strategy::labelled(word))?;
            insert_data(tx, &data, &name)
        })?;
        self.strategy(new_id)
    }

    pub fn export_strategy(&self, id: i64) -> Result<StrategyFile> {
        let s: Strategy = self.strategy(id)?;
        let a = self.audit(id)?;
        let audit = AuditData {
            not_on_social_yet: a.not_on_social_yet,
            stale_after_days: a.stale_after_days,
            custom_networks: a
                .networks
                .into_iter()
                .filter(|n| n.custom)
                .map(|n| CustomNetworkData {
                    key: n.key,
                    network: CustomNetworkInput {
                        name: n.name,
                        kind: n.kind,
                        max_length: n.max_length,
                        formats: n.formats,
                    },
                })
                .collect(),
            selected: a.selected,
            personas: a
                .personas
                .iter()
                .cloned()
                .map(|p| PersonaInput {
                    name: p.name,
                    description: p.description,
                    audience_type: p.audience_type,
                    age_min: p.age_min,
                    age_max: p.age_max,
                    usage: p.usage,
                })
                .collect(),
            presences: a.presences,
            metrics: a.metrics,
        };
        let b = self.benchmark(id)?;
        let benchmark = BenchmarkData {
            players: b
                .players
                .iter()
                .map(|p| PlayerData {
                    player: PlayerInput {
                        name: p.name.clone(),
                        player_type: p.player_type,
                        website: p.website.clone(),
                        notes: p.notes.clone(),
                    },
                    // The store lists observations newest first; the file keeps them oldest first.
                    observations: b
                        .observations
                        .iter()
                        .rev()
                        .filter(|o| o.data.player_id == p.id)
                        .map(|o| ObservationData::from_input(&o.data))
                        .collect(),
                })
                .collect(),
            voice: b.voice,
            trends: b.trends.into_iter().map(|t| t.data).collect(),
            brand_themes: b.brand_themes,
        };
        let o = self.objectives(id)?;
        let objectives = objectives_data(&o, &a.personas);
        let (calendar, post_ids) = calendar_data(self.conn(), id, &o)?;
        let mut objectives = objectives;
        for (x, data) in o.objectives.iter().zip(objectives.objectives.iter_mut()) {
            data.readings = crate::adapt::evaluate::readings_of(self.conn(), x.id)?
                .into_iter()
                .map(|r| ReadingData {
                    taken_on: r.taken_on,
                    value: r.value,
                    note: r.note,
                })
                .collect();
        }
        let objective_ids: Vec<i64> = o.objectives.iter().map(|x| x.id).collect();
        let adapt = adapt_data(self, id, &post_ids, &objective_ids)?;
        Ok(StrategyFile {
            format: FORMAT.to_owned(),
            version: FORMAT_VERSION,
            strategy: StrategyData {
                name: s.name,
                organisation: s.organisation,
                sector: s.sector,
                language: s.language,
                timezone: s.timezone,
                start_date: s.start_date,
                current_step: s.current_step,
                steps: s.steps,
                created_at: s.created_at,
                updated_at: s.updated_at,
                audit,
                benchmark,
                objectives,
                calendar,
                adapt,
            },
        })
    }

    /// Writes the strategy file. The file is written beside its target and renamed, so a failure never leaves half a
    /// file.
    pub fn export_strategy_to(&self, id: i64, path: &Path) -> Result<()> {
        let file = self.export_strategy(id)?;
        let mut text = serde_json::to_string_pretty(&file)
            .map_err(|e| CoreError::Io(format!("cannot encode the strategy: {e}")))?;
        text.push('\n');
        write_atomically(path, text.as_bytes())
    }

    /// Adds the strategy of a file as a new strategy, in one transaction. A name already in use gets " (imported)".
    pub fn import_strategy(&mut self, file: &StrategyFile) -> Result<Strategy> {
        self.import_strategy_in(file, crate::model::Language::En)
    }

    /// As [`Store::import_strategy`], a name already in use getting its tail in `language` (the UI's): " (imported)",
    /// " (importée)".
    pub fn import_strategy_in(
        &mut self,
        file: &StrategyFile,
        language: crate::model::Language,
    ) -> Result<Strategy> {
        check_data(&file.strategy).map_err(|e| {
            CoreError::InvalidFile(format!("the strategy in this file is not valid: {e}"))
        })?;
        self.backup_before_import()?;
        let id = self.write(|tx| {
            let name = free_name_for_import(tx, file.strategy.name.trim(), language)?;
            insert_data(tx, &file.strategy, &name)
        })?;
        self.strategy(id)
    }

    pub fn import_strategy_from(&mut self, path: &Path) -> Result<Strategy> {
        self.import_strategy_from_in(path, crate::model::Language::En)
    }

    pub fn import_strategy_from_in(
        &mut self,
        path: &Path,
        language: crate::model::Language,
    ) -> Result<Strategy> {
        let file = read_strategy_file(path)?;
        self.import_strategy_in(&file, language)
    }
}

/// The position of `id` in `ids`, -1 when it is not there (a post deleted since).
fn position(ids: &[i64], id: i64) -> i64 {
    ids.iter().position(|x| *x == id).map_or(-1, |i| i as i64)
}

/// The id at position `i` of `ids`, -1 when there is none.
fn id_at(ids: &[i64], i: i64) -> i64 {
    usize::try_from(i)
        .ok()
        .and_then(|i| ids.get(i).copied())
        .unwrap_or(-1)
}

/// Step 5's tests and adaptations as they stand in the file: ids become positions.
fn adapt_data(
    store: &Store,
    id: i64,
    post_ids: &[i64],
    objective_ids: &[i64],
) -> Result<AdaptData> {
    let tests = abtests::test_inputs(store.conn(), id)?;
    let test_ids: Vec<i64> = tests.iter().map(|(t, _)| *t).collect();
    let adaptations = store
        .adaptations(id)?
        .into_iter()
        .rev()
        .map(|a| AdaptationData {
            entry: a.data,
            action: a.action,
            changes: a.changes,
        })
        .collect::<Vec<_>>();
    // Oldest first, in the order they were made.
    let mut adaptations = adaptations;
    adaptations.sort_by_key(|a| a.entry.date.clone());
    let ids = Ids {
        posts: post_ids,
        tests: &test_ids,
        objectives: objective_ids,
    };
    Ok(AdaptData {
        tests: tests
            .into_iter()
            .map(|(_, t)| map_test(t, &|p| position(ids.posts, p)))
            .collect(),
        adaptations: adaptations
            .into_iter()
            .map(|a| map_adaptation(a, &ids, position))
            .collect(),
    })
}

/// The ids of a strategy's posts, tests and objectives, in the file's order.
struct Ids<'a> {
    posts: &'a [i64],
    tests: &'a [i64],
    objectives: &'a [i64],
}

fn map_test(t: AbTestInput, post: &dyn Fn(i64) -> i64) -> AbTestInput {
    AbTestInput {
        variants: t
            .variants
            .into_iter()
            .map(|v| AbVariantInput {
                post_id: v.post_id.map(post),
                ..v
            })
            .collect(),
        ..t
    }
}

/// Maps the ids of an adaptation with `f(ids, id)`: positions to ids or ids to positions.
fn map_adaptation(a: AdaptationData, ids: &Ids, f: fn(&[i64], i64) -> i64) -> AdaptationData {
    let post = |p: i64| f(ids.posts, p);
    let mut entry = a.entry;
    entry.evidence.ref_id = entry.evidence.ref_id.map(|r| match entry.evidence.kind {
        EvidenceKind::Test => f(ids.tests, r),
        EvidenceKind::Kpi => f(ids.objectives, r),
        EvidenceKind::Underperformer => post(r),
        EvidenceKind::None | EvidenceKind::Finding => r,
    });
    let action = a.action.map(|x| match x {
        AdaptationAction::MovePost {
            post_id,
            scheduled_at,
        } => AdaptationAction::MovePost {
            post_id: post(post_id),
            scheduled_at,
        },
        AdaptationAction::DuplicatePost {
            post_id,
            scheduled_at,
        } => AdaptationAction::DuplicatePost {
            post_id: post(post_id),
            scheduled_at,
        },
        AdaptationAction::ReplaceVariant { test_id } => AdaptationAction::ReplaceVariant {
            test_id: f(ids.tests, test_id),
        },
        other => other,
    });
    let changes = a
        .changes
        .into_iter()
        .map(|c| Change {
            post_id: c.post_id.map(post),
            ..c
        })
        .collect();
    AdaptationData {
        entry,
        action,
        changes,
    }
}

/// Step 4 as it stands in the file: ids become positions. Also answers with the posts' ids in the file's order.
fn calendar_data(
    conn: &rusqlite::Connection,
    id: i64,
    o: &objectives::Objectives,
) -> Result<(CalendarData, Vec<i64>)> {
    let (editorial, posts) = calendar::all_items(conn, id)?;
    let post_ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let mut results: std::collections::HashMap<i64, crate::adapt::results::PostResults> =
        crate::adapt::results::all_results(conn, id)?
            .into_iter()
            .map(|r| (r.post_id, r))
            .collect();
    let index = |ids: &[i64], id: Option<i64>| id.and_then(|id| ids.iter().position(|x| *x == id));
    let topic_ids: Vec<i64> = o.topics.iter().map(|t| t.id).collect();
    let objective_ids: Vec<i64> = o.objectives.iter().map(|x| x.id).collect();
    let editorial_ids: Vec<i64> = editorial.iter().map(|e| e.id).collect();
    let calendar = CalendarData {
        posts: posts
            .into_iter()
            .map(|p| {
                let r = results.remove(&p.id);
                let d = p.data;
                PostFileData {
                    publication: r.as_ref().and_then(|r| r.publication.clone()),
                    results: r
                        .map(|r| {
                            r.snapshots
                                .into_iter()
                                .map(|s| SnapshotData {
                                    taken_on: s.taken_on,
                                    source: s.source,
                                    measures: s.measures,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    topic: index(&topic_ids, d.topic_id),
                    editorial_item: index(&editorial_ids, d.editorial_item_id),
                    objective: index(&objective_ids, d.objective_id),
                    network: d.network,
                    scheduled_at: d.scheduled_at,
                    pillar: d.pillar,
                    title: d.title,
                    text: d.text,
                    link: d.link,
                    media_notes: d.media_notes,
                    status: d.status,
                    campaign: d.campaign,
                    planned: d.planned,
                    recycled_from: d.recycled_from,
                }
            })
            .collect(),
        editorial: editorial.into_iter().map(|e| e.data).collect(),
    };
    Ok((calendar, post_ids))
}

/// Step 3 as it stands in the file: ids become positions.
fn objectives_data(o: &objectives::Objectives, personas: &[audit::Persona]) -> ObjectivesData {
    let index = |ids: &[i64], id: Option<i64>| id.and_then(|id| ids.iter().position(|x| *x == id));
    let goal_ids: Vec<i64> = o.goals.iter().map(|g| g.id).collect();
    let marketing_ids: Vec<i64> = o.marketing.iter().map(|m| m.id).collect();
    let objective_ids: Vec<i64> = o.objectives.iter().map(|x| x.id).collect();
    let persona_ids: Vec<i64> = personas.iter().map(|p| p.id).collect();
    ObjectivesData {
        goals: o.goals.iter().map(|g| g.data.clone()).collect(),
        marketing: o
            .marketing
            .iter()
            .map(|m| MarketingData {
                title: m.data.title.clone(),
                business_goal: index(&goal_ids, m.data.business_goal_id),
            })
            .collect(),
        objectives: o
            .objectives
            .iter()
            .map(|x| {
                let d = &x.data;
                ObjectiveData {
                    title: d.title.clone(),
                    objective_type: d.objective_type,
                    marketing_objective: index(&marketing_ids, d.marketing_objective_id),
                    kpi_metric: d.kpi_metric,
                    kpi_name: d.kpi_name.clone(),
                    kpi_unit: d.kpi_unit.clone(),
                    direction: d.direction,
                    baseline: d.baseline,
                    target: d.target,
                    deadline: d.deadline.clone(),
                    networks: d.networks.clone(),
                    owner: d.owner.clone(),
                    contribution: d.contribution.clone(),
                    measurement: x.measurement.clone(),
                    readings: Vec::new(),
                }
            })
            .collect(),
        missions: o
            .missions
            .iter()
            .map(|m| MissionData {
                network: m.network.clone(),
                statement: m.statement.clone(),
                audiences: m
                    .audiences
                    .iter()
                    .filter_map(|p| index(&persona_ids, Some(*p)))
                    .collect(),
                objectives: m
                    .objectives
                    .iter()
                    .filter_map(|x| index(&objective_ids, Some(*x)))
                    .collect(),
                pillars: m.pillars.clone(),
                posts_per_week: m.posts_per_week,
            })
            .collect(),
        mix: o.mix.clone(),
        topics: o.topics.iter().map(|t| t.data.clone()).collect(),
    }
}

/// Checks everything in a strategy's data that the store's own commands would check.
fn check_data(d: &StrategyData) -> Result<()> {
    validate(&input_of(d))?;
    check_dates_and_links(d)?;
    let a = &d.audit;
    let mut keys: Vec<String> = crate::network::catalogue()
        .into_iter()
        .map(|n| n.key)
        .collect();
    for (i, c) in a.custom_networks.iter().enumerate() {
        if !crate::network::is_custom_key(&c.key)
            || keys.contains(&c.key)
            || c.network.name.trim().is_empty()
        {
            return Err(CoreError::InvalidFile(format!(
                "audit.custom_networks[{i}].key: expected a unique key of the form custom-name (letters a to z, \
                 digits and dashes) and a name, found {}",
                crate::error::quote(&c.key)
            )));
        }
        keys.push(c.key.clone());
    }
    let known = |k: &str, what: &str| -> Result<()> {
        if keys.iter().any(|x| x == k) {
            Ok(())
        } else {
            Err(CoreError::InvalidFile(format!(
                "{what}: unknown network '{k}'"
            )))
        }
    };
    for k in &a.selected {
        known(k, "selected networks")?;
    }
    for p in &a.personas {
        audit::validate_persona(p)?;
        for u in &p.usage {
            known(&u.network, &format!("persona '{}'", p.name))?;
        }
    }
    for p in &a.presences {
        known(&p.network, "presence")?;
        audit::validate_presence(p)?;
    }
    for m in &a.metrics {
        known(&m.network, "measurement")?;
    }
    if !(1..=3650).contains(&a.stale_after_days) {
        return Err(CoreError::InvalidFile(
            "stale_after_days: expected 1 to 3650".to_owned(),
        ));
    }
    let b = &d.benchmark;
    for p in &b.players {
        benchmark::validate_player(&p.player)?;
        for o in &p.observations {
            known(&o.network, &format!("observation of '{}'", p.player.name))?;
            benchmark::validate_observation(&o.to_input(0))?;
        }
    }
    for t in &b.trends {
        benchmark::validate_trend(t)?;
        if let Some(n) = &t.network {
            known(n, &format!("trend '{}'", t.title))?;
        }
    }
    check_objectives(&d.objectives, a.personas.len(), &known)?;
    check_calendar(&d.calendar, &d.objectives, &known)?;
    let posts = d.calendar.posts.len() as i64;
    for (i, t) in d.adapt.tests.iter().enumerate() {
        let what = format!("A/B test {} ('{}')", i + 1, t.name);
        abtests::validate_test(t).map_err(|e| CoreError::InvalidFile(format!("{what}: {e}")))?;
        if let Some(p) = t
            .variants
            .iter()
            .filter_map(|v| v.post_id)
            .find(|p| *p < -1 || *p >= posts)
        {
            return Err(CoreError::InvalidFile(format!(
                "{what}: refers to post {p}, but there are only {posts}"
            )));
        }
    }
    for (i, a) in d.adapt.adaptations.iter().enumerate() {
        crate::adapt::adaptations::validate_adaptation(&a.entry)
            .map_err(|e| CoreError::InvalidFile(format!("adaptation {}: {e}", i + 1)))?;
    }
    Ok(())
}

/// A field of the file that is not in its one form: where it is (the path of the field), what was expected, a short
/// quote of what was found.
fn bad_field(path: &str, expected: &str, found: &str) -> CoreError {
    CoreError::InvalidFile(format!(
        "{path}: expected {expected}, found {}",
        crate::error::quote(found)
    ))
}

/// Every date, time and timestamp of the file in its one form ([`crate::dates`]), and every link of step 5 (a post,
/// a test or an objective named by its position) in range: -1 (a post deleted since) or a position that exists.
fn check_dates_and_links(d: &StrategyData) -> Result<()> {
    use crate::dates::{is_day, is_day_time, is_timestamp, DAY_EXPECTED, DAY_TIME_EXPECTED};
    for (field, v) in [("created_at", &d.created_at), ("updated_at", &d.updated_at)] {
        if !is_timestamp(v) {
            return Err(bad_field(field, crate::dates::TIMESTAMP_EXPECTED, v));
        }
    }
    if !is_day(&d.start_date) {
        return Err(bad_field("start_date", DAY_EXPECTED, &d.start_date));
    }
    for (i, x) in d.objectives.objectives.iter().enumerate() {
        if let Some(dl) = x.deadline.as_deref().filter(|v| !is_day(v)) {
            return Err(bad_field(
                &format!("objectives.objectives[{i}].deadline"),
                DAY_EXPECTED,
                dl,
            ));
        }
        for (j, r) in x.readings.iter().enumerate() {
            if !is_day(&r.taken_on) {
                return Err(bad_field(
                    &format!("objectives.objectives[{i}].readings[{j}].taken_on"),
                    DAY_EXPECTED,
                    &r.taken_on,
                ));
            }
        }
    }
    for (i, p) in d.benchmark.players.iter().enumerate() {
        for (j, o) in p.observations.iter().enumerate() {
            if !is_day(&o.observed_on) {
                return Err(bad_field(
                    &format!("benchmark.players[{i}].observations[{j}].observed_on"),
                    DAY_EXPECTED,
                    &o.observed_on,
                ));
            }
        }
    }
    for (i, e) in d.calendar.editorial.iter().enumerate() {
        if !is_day(&e.date) {
            return Err(bad_field(
                &format!("calendar.editorial[{i}].date"),
                DAY_EXPECTED,
                &e.date,
            ));
        }
    }
    for (i, p) in d.calendar.posts.iter().enumerate() {
        if let Some(at) = p.scheduled_at.as_deref().filter(|v| !is_day_time(v)) {
            return Err(bad_field(
                &format!("calendar.posts[{i}].scheduled_at"),
                DAY_TIME_EXPECTED,
                at,
            ));
        }
        if let Some(at) = p
            .publication
            .as_ref()
            .and_then(|b| b.published_at.as_deref())
            .filter(|v| !is_day_time(v))
        {
            return Err(bad_field(
                &format!("calendar.posts[{i}].publication.published_at"),
                DAY_TIME_EXPECTED,
                at,
            ));
        }
        if let Some(d) = p.recycled_from.as_deref().filter(|v| !is_day(v)) {
            return Err(bad_field(
                &format!("calendar.posts[{i}].recycled_from"),
                DAY_EXPECTED,
                d,
            ));
        }
        for (j, r) in p.results.iter().enumerate() {
            if !is_day(&r.taken_on) {
                return Err(bad_field(
                    &format!("calendar.posts[{i}].results[{j}].taken_on"),
                    DAY_EXPECTED,
                    &r.taken_on,
                ));
            }
        }
    }
    let (posts, tests, objectives) = (
        d.calendar.posts.len() as i64,
        d.adapt.tests.len() as i64,
        d.objectives.objectives.len() as i64,
    );
    let link = |path: String, what: &str, v: i64, len: i64, deleted_allowed: bool| -> Result<()> {
        if (0..len).contains(&v) || (deleted_allowed && v == -1) {
            Ok(())
        } else {
            Err(CoreError::InvalidFile(format!(
                "{path}: refers to {what} {v}, but there are only {len} (positions from 0{})",
                if deleted_allowed {
                    ", or -1 for one deleted since"
                } else {
                    ""
                }
            )))
        }
    };
    for (i, t) in d.adapt.tests.iter().enumerate() {
        for (j, v) in t.variants.iter().enumerate() {
            if let Some(p) = v.post_id {
                link(
                    format!("adapt.tests[{i}].variants[{j}].post_id"),
                    "post",
                    p,
                    posts,
                    true,
                )?;
            }
        }
    }
    for (i, a) in d.adapt.adaptations.iter().enumerate() {
        let at = |field: &str| format!("adapt.adaptations[{i}].{field}");
        let e = &a.entry;
        if !is_day(&e.date) {
            return Err(bad_field(&at("entry.date"), DAY_EXPECTED, &e.date));
        }
        if let Some(r) = e.review_on.as_deref().filter(|v| !is_day(v)) {
            return Err(bad_field(&at("entry.review_on"), DAY_EXPECTED, r));
        }
        if let Some(r) = e.evidence.ref_id {
            let field = at("entry.evidence.ref_id");
            match e.evidence.kind {
                EvidenceKind::Test => link(field, "test", r, tests, false)?,
                EvidenceKind::Kpi => link(field, "objective", r, objectives, false)?,
                EvidenceKind::Underperformer => link(field, "post", r, posts, true)?,
                EvidenceKind::None | EvidenceKind::Finding => {}
            }
        }
        match &a.action {
            Some(
                AdaptationAction::MovePost {
                    post_id,
                    scheduled_at,
                }
                | AdaptationAction::DuplicatePost {
                    post_id,
                    scheduled_at,
                },
            ) => {
                link(at("action.post_id"), "post", *post_id, posts, true)?;
                if !is_day_time(scheduled_at) {
                    return Err(bad_field(
                        &at("action.scheduled_at"),
                        DAY_TIME_EXPECTED,
                        scheduled_at,
                    ));
                }
            }
            Some(AdaptationAction::ReplaceVariant { test_id }) => {
                link(at("action.test_id"), "test", *test_id, tests, false)?;
            }
            _ => {}
        }
        for (j, c) in a.changes.iter().enumerate() {
            if let Some(p) = c.post_id {
                link(at(&format!("changes[{j}].post_id")), "post", p, posts, true)?;
            }
        }
    }
    Ok(())
}

fn check_calendar(
    c: &CalendarData,
    o: &ObjectivesData,
    known: &dyn Fn(&str, &str) -> Result<()>,
) -> Result<()> {
    for e in &c.editorial {
        calendar::validate_editorial(e)?;
    }
    for (i, p) in c.posts.iter().enumerate() {
        let what = format!("post {} ('{}')", i + 1, p.title);
        known(&p.network, &what)?;
        calendar::validate_post(&p.to_input(None, None, None))
            .map_err(|e| CoreError::InvalidFile(format!("{what}: {e}")))?;
        for (link, len, name) in [
            (p.topic, o.topics.len(), "topic"),
            (p.editorial_item, c.editorial.len(), "editorial item"),
            (p.objective, o.objectives.len(), "objective"),
        ] {
            if let Some(i) = link.filter(|i| *i >= len) {
                return Err(CoreError::InvalidFile(format!(
                    "{what}: refers to {name} {i}, but there are only {len}"
                )));
            }
        }
    }
    Ok(())
}

fn check_objectives(
    o: &ObjectivesData,
    personas: usize,
    known: &dyn Fn(&str, &str) -> Result<()>,
) -> Result<()> {
    let index = |i: Option<usize>, len: usize, what: String| -> Result<()> {
        match i {
            Some(i) if i >= len => Err(CoreError::InvalidFile(format!(
                "{what}: refers to item {i}, but there are only {len}"
            ))),
            _ => Ok(()),
        }
    };
    for g in &o.goals {
        objectives::validate_goal(g)?;
    }
    for m in &o.marketing {
        objectives::validate_marketing(&MarketingObjectiveInput {
            title: m.title.clone(),
            business_goal_id: None,
        })?;
        index(
            m.business_goal,
            o.goals.len(),
            format!("marketing objective '{}'", m.title),
        )?;
    }
    for x in &o.objectives {
        objectives::validate_objective(&x.to_input(None))?;
        objectives::validate_measurement(&x.measurement)?;
        index(
            x.marketing_objective,
            o.marketing.len(),
            format!("objective '{}'", x.title),
        )?;
        for n in &x.networks {
            known(n, &format!("objective '{}'", x.title))?;
        }
    }
    let mut seen = Vec::new();
    for m in &o.missions {
        known(&m.network, "mission")?;
        if seen.contains(&&m.network) {
            return Err(CoreError::InvalidFile(format!(
                "mission: network '{}' has two missions",
                m.network
            )));
        }
        seen.push(&m.network);
        for a in &m.audiences {
            index(
                Some(*a),
                personas,
                format!("mission of '{}', audiences", m.network),
            )?;
        }
        for x in &m.objectives {
            index(
                Some(*x),
                o.objectives.len(),
                format!("mission of '{}', objectives", m.network),
            )?;
        }
        objectives::validate_mission(&mission_of(m, &[], &[]))?;
    }
    objectives::validate_mix(&o.mix.strategy)?;
    let mut mixed = Vec::new();
    for n in &o.mix.networks {
        known(&n.network, "content mix")?;
        if mixed.contains(&&n.network) {
            return Err(CoreError::InvalidFile(format!(
                "content mix: network '{}' has two mixes",
                n.network
            )));
        }
        mixed.push(&n.network);
        objectives::validate_mix(&n.weights)?;
    }
    for (i, t) in o.topics.iter().enumerate() {
        objectives::validate_topic(t)?;
        if o.topics[..i]
            .iter()
            .any(|x| x.pillar == t.pillar && x.name.trim().eq_ignore_ascii_case(t.name.trim()))
        {
            return Err(CoreError::InvalidFile(format!(
                "topic '{}': the same name twice under one pillar",
                t.name
            )));
        }
    }
    Ok(())
}

/// A mission of the file with its positions turned into ids.
fn mission_of(m: &MissionData, personas: &[i64], objectives: &[i64]) -> Mission {
    Mission {
        network: m.network.clone(),
        statement: m.statement.clone(),
        audiences: m
            .audiences
            .iter()
            .filter_map(|i| personas.get(*i).copied())
            .collect(),
        objectives: m
            .objectives
            .iter()
            .filter_map(|i| objectives.get(*i).copied())
            .collect(),
        pillars: m.pillars.clone(),
        posts_per_week: m.posts_per_week,
    }
}

fn input_of(d: &StrategyData) -> StrategyInput {
    StrategyInput {
        name: d.name.clone(),
        organisation: d.organisation.clone(),
        sector: d.sector.clone(),
        language: d.language,
        timezone: d.timezone.clone(),
        start_date: d.start_date.clone(),
    }
}

/// Inserts a whole strategy under `name`: the one path for importing and duplicating, so that a copy carries every
/// step's data. The data must have passed [`check_data`].
pub(crate) fn insert_data(tx: &rusqlite::Transaction, d: &StrategyData, name: &str) -> Result<i64> {
    let input = validate(&input_of(d))?;
    let id = insert(
        tx,
        &NewStrategy {
            input: &StrategyInput {
                name: name.to_owned(),
                ..input
            },
            current_step: d.current_step,
            steps: &d.steps,
            created_at: &d.created_at,
            updated_at: &d.updated_at,
        },
    )?;
    let a = &d.audit;
    audit::write_options(tx, id, a.not_on_social_yet, a.stale_after_days)?;
    for c in &a.custom_networks {
        audit::insert_custom_network(tx, id, &c.key, &c.network)?;
    }
    for k in &a.selected {
        audit::write_selected(tx, id, k, true)?;
    }
    let mut persona_ids = Vec::new();
    for p in &a.personas {
        persona_ids.push(audit::insert_persona(tx, id, p)?);
    }
    for p in &a.presences {
        audit::write_presence(tx, id, p)?;
    }
    for m in &a.metrics {
        audit::write_metric(tx, id, m)?;
    }
    let b = &d.benchmark;
    for p in &b.players {
        let pid = benchmark::insert_player(tx, id, &p.player)?;
        for o in &p.observations {
            benchmark::insert_observation(tx, &o.to_input(pid))?;
        }
    }
    benchmark::write_voice(tx, id, &b.voice)?;
    for t in &b.trends {
        benchmark::insert_trend(tx, id, t)?;
    }
    benchmark::write_brand_themes(tx, id, &b.brand_themes)?;
    let o = &d.objectives;
    let mut goal_ids = Vec::new();
    for g in &o.goals {
        goal_ids.push(objectives::insert_goal(tx, id, g)?);
    }
    let mut marketing_ids = Vec::new();
    for m in &o.marketing {
        let input = MarketingObjectiveInput {
            title: m.title.clone(),
            business_goal_id: m.business_goal.and_then(|i| goal_ids.get(i).copied()),
        };
        marketing_ids.push(objectives::insert_marketing(tx, id, &input)?);
    }
    let mut objective_ids: Vec<i64> = Vec::new();
    for x in &o.objectives {
        let link = x
            .marketing_objective
            .and_then(|i| marketing_ids.get(i).copied());
        let oid = objectives::insert_objective(tx, id, &x.to_input(link))?;
        objectives::write_measurement(tx, oid, &x.measurement)?;
        objective_ids.push(oid);
    }
    for m in &o.missions {
        objectives::write_mission(tx, id, &mission_of(m, &persona_ids, &objective_ids))?;
    }
    objectives::write_mix(tx, id, None, &o.mix.strategy)?;
    for n in &o.mix.networks {
        objectives::write_mix(tx, id, Some(&n.network), &n.weights)?;
    }
    let mut topic_ids = Vec::new();
    for t in &o.topics {
        topic_ids.push(objectives::insert_topic(tx, id, t)?);
    }
    let c = &d.calendar;
    let mut editorial_ids = Vec::new();
    for e in &c.editorial {
        editorial_ids.push(calendar::insert_editorial(tx, id, e)?);
    }
    let at = |ids: &[i64], i: Option<usize>| i.and_then(|i| ids.get(i).copied());
    let mut post_ids = Vec::new();
    for p in &c.posts {
        let input = p.to_input(
            at(&topic_ids, p.topic),
            at(&editorial_ids, p.editorial_item),
            at(&objective_ids, p.objective),
        );
        let pid = calendar::insert_post(tx, id, &input)?;
        if let Some(publication) = &p.publication {
            crate::adapt::results::write_publication(tx, id, pid, &p.network, publication)?;
        }
        for s in &p.results {
            crate::adapt::results::write_snapshot(tx, pid, &s.taken_on, s.source, &s.measures)?;
        }
        post_ids.push(pid);
    }
    for (x, oid) in o.objectives.iter().zip(&objective_ids) {
        for r in &x.readings {
            tx.execute(
                "INSERT INTO kpi_reading (objective_id, taken_on, value, note) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![oid, r.taken_on, r.value, r.note],
            )?;
        }
    }
    let mut test_ids = Vec::new();
    for t in &d.adapt.tests {
        test_ids.push(abtests::insert_test(
            tx,
            id,
            &map_test(t.clone(), &|p| id_at(&post_ids, p)),
        )?);
    }
    let ids = Ids {
        posts: &post_ids,
        tests: &test_ids,
        objectives: &objective_ids,
    };
    for a in &d.adapt.adaptations {
        let a = map_adaptation(a.clone(), &ids, id_at);
        crate::adapt::adaptations::insert_adaptation(
            tx,
            id,
            &a.entry,
            a.action.as_ref(),
            &a.changes,
        )?;
    }
    Ok(id)
}

/// Reads and checks a strategy file; errors name the file, the line and the column.
pub fn read_strategy_file(path: &Path) -> Result<StrategyFile> {
    let shown = path.display();
    // Bounded, regular files only (see `io::read`).
    let bytes = crate::io::read::read_file(path, crate::io::read::Limits::default())?;
    parse_strategy_file(&bytes).map_err(|e| CoreError::InvalidFile(format!("{shown}: {e}")))
}

/// Parses a strategy file; the error says where and what was expected.
pub fn parse_strategy_file(bytes: &[u8]) -> std::result::Result<StrategyFile, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // First the envelope, so that a newer or foreign file gets a precise message.
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u32>,
    }
    let env: Envelope = serde_json::from_slice(bytes).map_err(|e| located(&e))?;
    if env.format.as_deref() != Some(FORMAT) {
        return Err(format!(
            "not a Cinq strategy file (expected \"format\": \"{FORMAT}\")"
        ));
    }
    match env.version {
        Some(v) if v > FORMAT_VERSION => {
            return Err(format!(
            "written by a newer Cinq (file version {v}, this version reads up to {FORMAT_VERSION})"
        ))
        }
        Some(0) | None => return Err("expected a \"version\" number of 1 or more".to_owned()),
        _ => {}
    }
    serde_json::from_slice(bytes).map_err(|e| located(&e))
}

fn located(e: &serde_json::Error) -> String {
    let what = e.to_string();
    // serde_json appends " at line L column C"; say it first, in the project's usual form.
    let what = what
        .rsplit_once(" at line ")
        .map(|(w, _)| w.to_owned())
        .unwrap_or(what);
    // serde_json quotes the input between backticks (`unknown variant `…``): each quote kept short.
    let what = what
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                crate::io::read::clip(part)
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("`");
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Syntax => "this is not valid JSON: ",
        Category::Eof => "the file ends too early: ",
        Category::Data | Category::Io => "",
    };
    format!("line {}, column {}: {kind}{what}", e.line(), e.column())
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::io::write::write_file(path, bytes)
}
