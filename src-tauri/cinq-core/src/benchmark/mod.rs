//! Step 2, the benchmark: players (competitors, leaders, inspiring brands) observed network by network and dated,
//! the customer voice, global trends, and the brand's own themes; with the comparison views computed from them.
//!
//! Owns: the tables of step 2 (`player`, `observation`, `customer_voice`, `trend`, `brand_themes`) and the step's
//! findings ([`findings`]). Must not: depend on a later step (it reads the audit, step 1, for the brand's presence).

pub mod findings;

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit;
use crate::check;
use crate::error::{CoreError, FieldError, Result, MAX_NAME_CHARS};
use crate::findings::Text;
use crate::network::{ContentFormat, Network};
use crate::store::{enum_from, enum_str, next_position, Store};
use crate::strategy::touch;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlayerType {
    DirectCompetitor,
    IndirectCompetitor,
    /// A leader of the sector, to learn from.
    Leader,
    /// An inspiring brand from another sector.
    Inspiring,
}

impl PlayerType {
    pub fn is_competitor(self) -> bool {
        matches!(
            self,
            PlayerType::DirectCompetitor | PlayerType::IndirectCompetitor
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlayerInput {
    pub name: String,
    pub player_type: PlayerType,
    pub website: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Player {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub player_type: PlayerType,
    pub website: String,
    pub notes: String,
}

/// What was seen of a player on one network on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObservationInput {
    #[ts(type = "number")]
    pub player_id: i64,
    pub network: String,
    /// `YYYY-MM-DD`.
    pub observed_on: String,
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    pub posts_per_week: Option<f64>,
    /// Average reactions + comments + shares per post.
    pub engagement_per_post: Option<f64>,
    pub themes: Vec<String>,
    pub tone: String,
    pub formats: Vec<ContentFormat>,
    pub works: String,
    pub fails: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Observation {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: ObservationInput,
}

/// How customers talk, what they share and react to, and what to ask them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomerVoice {
    /// Their words and expressions.
    pub words: String,
    pub tone: String,
    /// What they like to share.
    pub shares: String,
    /// What their reactions (likes, shares, comments) say.
    pub reactions: String,
    /// Questions to ask them directly.
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrendInput {
    pub title: String,
    /// The network it concerns, if one.
    pub network: Option<String>,
    pub source: String,
    pub why: String,
    /// How the brand could adapt it.
    pub adaptation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Trend {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: TrendInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Benchmark {
    pub players: Vec<Player>,
    /// All observations, newest first.
    pub observations: Vec<Observation>,
    pub voice: CustomerVoice,
    pub trends: Vec<Trend>,
    /// The themes the brand talks about or considers.
    pub brand_themes: Vec<String>,
}

/// One line of the brand-against-players comparison on a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ComparisonRow {
    pub network: String,
    /// None for the brand itself.
    #[ts(type = "number | null")]
    pub player_id: Option<i64>,
    pub name: String,
    pub player_type: Option<PlayerType>,
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    pub posts_per_week: Option<f64>,
    pub engagement_per_post: Option<f64>,
    /// The observation's date (None for the brand, whose figures come from the audit).
    pub observed_on: Option<String>,
}

/// The theme × player matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Coverage {
    pub themes: Vec<String>,
    /// For each theme (same order), the ids of the players whose latest observations cover it.
    #[ts(type = "Array<Array<number>>")]
    pub covered_by: Vec<Vec<i64>>,
    /// Themes no player covers.
    pub white_space: Vec<String>,
    /// Themes every player covers (with two players or more).
    pub crowded: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BenchmarkView {
    pub benchmark: Benchmark,
    pub networks: Vec<Network>,
    pub comparison: Vec<ComparisonRow>,
    pub coverage: Coverage,
    pub findings: Vec<crate::findings::Finding>,
    /// The questions for customers as a short survey text.
    pub survey: Text,
    /// Which data parts have something in them (the step's progress indicator).
    pub progress: BenchmarkProgress,
}

/// Which of the benchmark's data parts have something in them: a player, an observation, a word of the customer
/// voice (a question counts), a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BenchmarkProgress {
    pub players: bool,
    pub observations: bool,
    pub voice: bool,
    pub trends: bool,
}

impl Benchmark {
    pub fn progress(&self) -> BenchmarkProgress {
        let v = &self.voice;
        BenchmarkProgress {
            players: !self.players.is_empty(),
            observations: !self.observations.is_empty(),
            voice: [&v.words, &v.tone, &v.shares, &v.reactions]
                .into_iter()
                .chain(&v.questions)
                .any(|s| !s.trim().is_empty()),
            trends: !self.trends.is_empty(),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

pub fn validate_player(p: &PlayerInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "name", &p.name, MAX_NAME_CHARS);
    check::text(&mut e, "website", &p.website, 500);
    check::text(&mut e, "notes", &p.notes, 5000);
    check::done(e)
}

/// The longest theme (an observation's, a brand theme), in characters.
pub const MAX_THEME_CHARS: usize = 80;
/// The most brand themes.
pub const MAX_BRAND_THEMES: usize = 200;
/// The most questions of the customer voice, and the longest one, in characters.
pub const MAX_QUESTIONS: usize = 50;
pub const MAX_QUESTION_CHARS: usize = 500;

pub fn validate_observation(o: &ObservationInput) -> Result<()> {
    let mut e = Vec::new();
    check::date(&mut e, "observed_on", Some(&o.observed_on));
    if o.followers.is_some_and(|f| f < 0) {
        e.push(FieldError::new("followers", "negative"));
    }
    check::not_negative(&mut e, "posts_per_week", o.posts_per_week);
    check::not_negative(&mut e, "engagement_per_post", o.engagement_per_post);
    if o.themes.iter().any(|t| t.chars().count() > MAX_THEME_CHARS) {
        e.push(FieldError::too_long("themes", MAX_THEME_CHARS));
    }
    check::text(&mut e, "tone", &o.tone, 500);
    check::text(&mut e, "works", &o.works, 5000);
    check::text(&mut e, "fails", &o.fails, 5000);
    check::done(e)
}

pub fn validate_trend(t: &TrendInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "title", &t.title, 200);
    for (f, v) in [
        ("source", &t.source),
        ("why", &t.why),
        ("adaptation", &t.adaptation),
    ] {
        check::text(&mut e, f, v, 5000);
    }
    check::done(e)
}

/// Trims, drops empty and repeated themes (case-insensitive), keeping the first spelling.
pub fn clean_themes(themes: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    themes
        .iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Computed views.

/// The latest observation of each player on each network.
pub fn latest(b: &Benchmark) -> Vec<&Observation> {
    let mut out: Vec<&Observation> = Vec::new();
    for o in &b.observations {
        match out
            .iter_mut()
            .find(|x| x.data.player_id == o.data.player_id && x.data.network == o.data.network)
        {
            Some(x)
                if (o.data.observed_on.as_str(), o.id) > (x.data.observed_on.as_str(), x.id) =>
            {
                *x = o
            }
            Some(_) => {}
            None => out.push(o),
        }
    }
    out
}

/// The brand's engagement per post from its audit figures: likes + comments + shares, when any is known.
pub fn brand_engagement(p: &audit::Presence) -> Option<f64> {
    let parts = [p.likes_per_post, p.comments_per_post, p.shares_per_post];
    parts
        .iter()
        .any(Option::is_some)
        .then(|| parts.iter().flatten().sum())
}

/// The brand against each player, network by network (networks in catalogue order; the brand first).
pub fn comparison(b: &Benchmark, audit: &audit::Audit, brand: &str) -> Vec<ComparisonRow> {
    let latest = latest(b);
    let mut rows = Vec::new();
    for n in &audit.networks {
        let seen: Vec<&&Observation> = latest.iter().filter(|o| o.data.network == n.key).collect();
        let presence = audit
            .presences
            .iter()
            .find(|p| p.network == n.key && p.active);
        if seen.is_empty() {
            continue;
        }
        rows.push(ComparisonRow {
            network: n.key.clone(),
            player_id: None,
            name: brand.to_owned(),
            player_type: None,
            followers: presence.and_then(|p| p.followers),
            posts_per_week: presence.and_then(|p| p.posts_per_week),
            engagement_per_post: presence.and_then(brand_engagement),
            observed_on: None,
        });
        for p in &b.players {
            if let Some(o) = seen.iter().find(|o| o.data.player_id == p.id) {
                rows.push(ComparisonRow {
                    network: n.key.clone(),
                    player_id: Some(p.id),
                    name: p.name.clone(),
                    player_type: Some(p.player_type),
                    followers: o.data.followers,
                    posts_per_week: o.data.posts_per_week,
                    engagement_per_post: o.data.engagement_per_post,
                    observed_on: Some(o.data.observed_on.clone()),
                });
            }
        }
    }
    rows
}

/// The theme × player coverage, from each player's latest observations and the brand's themes.
pub fn coverage(b: &Benchmark) -> Coverage {
    let latest = latest(b);
    let mut themes: Vec<String> = b.brand_themes.clone();
    for o in &latest {
        themes.extend(o.data.themes.iter().cloned());
    }
    let themes = clean_themes(&themes);
    let covered_by: Vec<Vec<i64>> = themes
        .iter()
        .map(|t| {
            let mut ids: Vec<i64> = b
                .players
                .iter()
                .filter(|p| {
                    latest.iter().any(|o| {
                        o.data.player_id == p.id
                            && o.data
                                .themes
                                .iter()
                                .any(|x| x.trim().eq_ignore_ascii_case(t))
                    })
                })
                .map(|p| p.id)
                .collect();
            ids.dedup();
            ids
        })
        .collect();
    let observed: BTreeSet<i64> = latest.iter().map(|o| o.data.player_id).collect();
    let white_space = themes
        .iter()
        .zip(&covered_by)
        .filter(|(_, ids)| ids.is_empty())
        .map(|(t, _)| t.clone())
        .collect();
    let crowded = themes
        .iter()
        .zip(&covered_by)
        .filter(|(_, ids)| observed.len() >= 2 && ids.len() == observed.len())
        .map(|(t, _)| t.clone())
        .collect();
    Coverage {
        themes,
        covered_by,
        white_space,
        crowded,
    }
}

/// The customer survey as a file in `language`: its text, and the name offered when it is saved.
pub fn survey_file(survey: &Text, language: crate::model::Language) -> (&str, &'static str) {
    match language {
        crate::model::Language::En => (&survey.en, "survey.txt"),
        crate::model::Language::Fr => (&survey.fr, "questionnaire.txt"),
    }
}

/// The survey text for the customer-voice questions, in both languages.
pub fn survey_text(brand: &str, voice: &CustomerVoice) -> Text {
    let questions: Vec<&str> = voice
        .questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .collect();
    let list = |questions: &[&str]| -> String {
        questions
            .iter()
            .enumerate()
            .map(|(i, q)| format!("{}. {q}\n", i + 1))
            .collect()
    };
    if questions.is_empty() {
        return Text {
            en: String::new(),
            fr: String::new(),
        };
    }
    Text {
        en: format!(
            "{brand} would like your opinion\n\nIt takes two minutes and helps us share what matters to you.\n\n{}\nThank you!\n",
            list(&questions)
        ),
        fr: format!(
            "{brand} aimerait avoir votre avis\n\nCela prend deux minutes et nous aide à partager ce qui compte pour vous.\n\n{}\nMerci !\n",
            list(&questions)
        ),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| CoreError::Io(format!("cannot encode benchmark data: {e}")))
}

pub(crate) fn insert_player(tx: &Transaction, id: i64, p: &PlayerInput) -> Result<i64> {
    let position = next_position(tx, "player", id)?;
    tx.execute(
        "INSERT INTO player (strategy_id, position, name, player_type, website, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, position, p.name.trim(), enum_str(&p.player_type), p.website.trim(), p.notes],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn insert_observation(tx: &Transaction, o: &ObservationInput) -> Result<i64> {
    let o = ObservationInput {
        themes: clean_themes(&o.themes),
        ..o.clone()
    };
    tx.execute(
        "INSERT INTO observation (player_id, network, observed_on, data) VALUES (?1, ?2, ?3, ?4)",
        params![o.player_id, o.network, o.observed_on, json(&o)?],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn write_voice(tx: &Transaction, id: i64, v: &CustomerVoice) -> Result<()> {
    tx.execute(
        "INSERT INTO customer_voice (strategy_id, data) VALUES (?1, ?2)
         ON CONFLICT (strategy_id) DO UPDATE SET data = excluded.data",
        params![id, json(v)?],
    )?;
    Ok(())
}

pub(crate) fn insert_trend(tx: &Transaction, id: i64, t: &TrendInput) -> Result<i64> {
    let position = next_position(tx, "trend", id)?;
    tx.execute(
        "INSERT INTO trend (strategy_id, position, data) VALUES (?1, ?2, ?3)",
        params![id, position, json(t)?],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn write_brand_themes(tx: &Transaction, id: i64, themes: &[String]) -> Result<()> {
    tx.execute(
        "INSERT INTO brand_themes (strategy_id, themes) VALUES (?1, ?2)
         ON CONFLICT (strategy_id) DO UPDATE SET themes = excluded.themes",
        params![id, json(&clean_themes(themes))?],
    )?;
    Ok(())
}

fn player_of(tx: &Transaction, id: i64, player_id: i64) -> Result<()> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM player WHERE id = ?2 AND strategy_id = ?1",
            params![id, player_id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(drop)
        .ok_or_else(|| CoreError::Validation(vec![FieldError::new("player_id", "unknown_player")]))
}

/// Whether another player of the strategy has this name, whatever its case and the spaces around it: two players
/// of one name could not be told apart in the comparison.
fn name_taken(tx: &Transaction, id: i64, player_id: Option<i64>, name: &str) -> Result<bool> {
    let wanted = name.trim().to_lowercase();
    let mut stmt = tx.prepare_cached("SELECT id, name FROM player WHERE strategy_id = ?1")?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (pid, other) = row?;
        if Some(pid) != player_id && other.trim().to_lowercase() == wanted {
            return Ok(true);
        }
    }
    Ok(false)
}

fn known_network(tx: &Transaction, id: i64, key: &str) -> Result<()> {
    if crate::network::networks_of(tx, id)?
        .iter()
        .any(|n| n.key == key)
    {
        Ok(())
    } else {
        Err(CoreError::Validation(vec![FieldError::new(
            "network",
            "unknown_network",
        )]))
    }
}

impl Store {
    pub fn benchmark(&self, id: i64) -> Result<Benchmark> {
        self.strategy(id)?;
        let conn = self.conn();
        let players = conn
            .prepare_cached(
                "SELECT id, name, player_type, website, notes FROM player WHERE strategy_id = ?1 ORDER BY position, id",
            )?
            .query_map([id], |r| {
                let t: String = r.get(2)?;
                Ok(Player {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    player_type: enum_from(&t).unwrap_or(PlayerType::DirectCompetitor),
                    website: r.get(3)?,
                    notes: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let observations = conn
            .prepare_cached(
                "SELECT o.id, o.data FROM observation o JOIN player p ON p.id = o.player_id
                 WHERE p.strategy_id = ?1 ORDER BY o.observed_on DESC, o.id DESC",
            )?
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.ok())
            .filter_map(|(oid, d)| {
                serde_json::from_str(&d)
                    .ok()
                    .map(|data| Observation { id: oid, data })
            })
            .collect();
        let voice = conn
            .query_row(
                "SELECT data FROM customer_voice WHERE strategy_id = ?1",
                [id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|d| serde_json::from_str(&d).ok())
            .unwrap_or_default();
        let trends = conn
            .prepare_cached(
                "SELECT id, data FROM trend WHERE strategy_id = ?1 ORDER BY position, id",
            )?
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.ok())
            .filter_map(|(tid, d)| {
                serde_json::from_str(&d)
                    .ok()
                    .map(|data| Trend { id: tid, data })
            })
            .collect();
        let brand_themes = conn
            .query_row(
                "SELECT themes FROM brand_themes WHERE strategy_id = ?1",
                [id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|d| serde_json::from_str(&d).ok())
            .unwrap_or_default();
        Ok(Benchmark {
            players,
            observations,
            voice,
            trends,
            brand_themes,
        })
    }

    pub fn benchmark_view(&self, id: i64) -> Result<BenchmarkView> {
        let strategy = self.strategy(id)?;
        let benchmark = self.benchmark(id)?;
        let audit = self.audit(id)?;
        let brand = if strategy.organisation.is_empty() {
            strategy.name.clone()
        } else {
            strategy.organisation.clone()
        };
        let comparison = comparison(&benchmark, &audit, &brand);
        let coverage = coverage(&benchmark);
        let findings = findings::benchmark_findings(&benchmark, &audit, &coverage);
        let survey = survey_text(&brand, &benchmark.voice);
        let progress = benchmark.progress();
        Ok(BenchmarkView {
            progress,
            benchmark,
            networks: audit.networks,
            comparison,
            coverage,
            findings,
            survey,
        })
    }

    /// Creates (`player_id` None) or updates a player. Returns its id.
    pub fn save_player(
        &mut self,
        id: i64,
        player_id: Option<i64>,
        input: &PlayerInput,
    ) -> Result<i64> {
        validate_player(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            if name_taken(tx, id, player_id, &input.name)? {
                return Err(CoreError::Validation(vec![FieldError::new(
                    "name", "taken",
                )]));
            }
            match player_id {
                None => insert_player(tx, id, input),
                Some(pid) => {
                    player_of(tx, id, pid)?;
                    tx.execute(
                        "UPDATE player SET name = ?2, player_type = ?3, website = ?4, notes = ?5 WHERE id = ?1",
                        params![pid, input.name.trim(), enum_str(&input.player_type), input.website.trim(), input.notes],
                    )?;
                    Ok(pid)
                }
            }
        })
    }

    /// Deletes a player with its observations.
    pub fn delete_player(&mut self, id: i64, player_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            player_of(tx, id, player_id)?;
            tx.execute("DELETE FROM player WHERE id = ?1", [player_id])?;
            Ok(())
        })
    }

    /// Creates (`observation_id` None) or updates an observation. Returns its id.
    pub fn save_observation(
        &mut self,
        id: i64,
        observation_id: Option<i64>,
        input: &ObservationInput,
    ) -> Result<i64> {
        validate_observation(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            player_of(tx, id, input.player_id)?;
            known_network(tx, id, &input.network)?;
            match observation_id {
                None => insert_observation(tx, input),
                Some(oid) => {
                    let clean = ObservationInput {
                        themes: clean_themes(&input.themes),
                        ..input.clone()
                    };
                    let n = tx.execute(
                        "UPDATE observation SET player_id = ?2, network = ?3, observed_on = ?4, data = ?5
                         WHERE id = ?1 AND player_id IN (SELECT id FROM player WHERE strategy_id = ?6)",
                        params![oid, clean.player_id, clean.network, clean.observed_on, json(&clean)?, id],
                    )?;
                    if n == 0 {
                        return Err(CoreError::NotFound(format!("there is no observation with id {oid}")));
                    }
                    Ok(oid)
                }
            }
        })
    }

    pub fn delete_observation(&mut self, id: i64, observation_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM observation WHERE id = ?2 AND player_id IN (SELECT id FROM player WHERE strategy_id = ?1)",
                params![id, observation_id],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound(format!("there is no observation with id {observation_id}")));
            }
            Ok(())
        })
    }

    pub fn save_voice(&mut self, id: i64, voice: &CustomerVoice) -> Result<()> {
        let mut e = Vec::new();
        for (f, v) in [
            ("words", &voice.words),
            ("tone", &voice.tone),
            ("shares", &voice.shares),
            ("reactions", &voice.reactions),
        ] {
            check::text(&mut e, f, v, 5000);
        }
        if voice.questions.len() > MAX_QUESTIONS {
            e.push(FieldError::too_many("questions", MAX_QUESTIONS));
        } else if voice
            .questions
            .iter()
            .any(|q| q.chars().count() > MAX_QUESTION_CHARS)
        {
            e.push(FieldError::too_long("questions", MAX_QUESTION_CHARS));
        }
        check::done(e)?;
        self.write(|tx| {
            touch(tx, id)?;
            write_voice(tx, id, voice)
        })
    }

    /// Creates (`trend_id` None) or updates a trend. Returns its id.
    pub fn save_trend(
        &mut self,
        id: i64,
        trend_id: Option<i64>,
        input: &TrendInput,
    ) -> Result<i64> {
        validate_trend(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            if let Some(n) = &input.network {
                known_network(tx, id, n)?;
            }
            match trend_id {
                None => insert_trend(tx, id, input),
                Some(tid) => {
                    let n = tx.execute(
                        "UPDATE trend SET data = ?3 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, tid, json(input)?],
                    )?;
                    if n == 0 {
                        return Err(CoreError::NotFound(format!(
                            "there is no trend with id {tid}"
                        )));
                    }
                    Ok(tid)
                }
            }
        })
    }

    pub fn delete_trend(&mut self, id: i64, trend_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM trend WHERE id = ?2 AND strategy_id = ?1",
                params![id, trend_id],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound(format!(
                    "there is no trend with id {trend_id}"
                )));
            }
            Ok(())
        })
    }

    pub fn save_brand_themes(&mut self, id: i64, themes: &[String]) -> Result<()> {
        if themes.len() > MAX_BRAND_THEMES {
            return Err(CoreError::Validation(vec![FieldError::too_many(
                "brand_themes",
                MAX_BRAND_THEMES,
            )]));
        }
        if themes.iter().any(|t| t.chars().count() > MAX_THEME_CHARS) {
            return Err(CoreError::Validation(vec![FieldError::too_long(
                "brand_themes",
                MAX_THEME_CHARS,
            )]));
        }
        self.write(|tx| {
            touch(tx, id)?;
            write_brand_themes(tx, id, themes)
        })
    }
}
