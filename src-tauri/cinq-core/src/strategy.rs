//! Strategies: create, list, open, rename, duplicate, delete (with undo) and the wizard's step state.

use std::str::FromStr;

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::error::{CoreError, FieldError, Result, MAX_NAME_CHARS};
use crate::model::{Language, StepId, StepState, Strategy, StrategyInput, StrategySummary};
use crate::store::Store;

const LAST_STRATEGY_KEY: &str = "last_strategy_id";

pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Checks a strategy's fields and returns the cleaned input (trimmed name). Uniqueness is checked by the store.
pub fn validate(input: &StrategyInput) -> Result<StrategyInput> {
    let mut errors = Vec::new();
    let name = input.name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new("name", "required"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new("name", "too_long"));
    }
    if chrono_tz::Tz::from_str(input.timezone.trim()).is_err() {
        errors.push(FieldError::new("timezone", "invalid_timezone"));
    }
    if !crate::dates::is_day(input.start_date.trim()) {
        errors.push(FieldError::new("start_date", "invalid_date"));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(StrategyInput {
        name,
        organisation: input.organisation.trim().to_owned(),
        sector: input.sector.trim().to_owned(),
        language: input.language,
        timezone: input.timezone.trim().to_owned(),
        start_date: input.start_date.trim().to_owned(),
    })
}

/// Every IANA time zone name, sorted.
pub fn timezones() -> Vec<String> {
    let mut v: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_owned())
        .collect();
    v.sort();
    v
}

/// The system's time zone when it is a valid IANA name, else UTC.
pub fn system_timezone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|tz| chrono_tz::Tz::from_str(tz).is_ok())
        .unwrap_or_else(|| "UTC".to_owned())
}

fn name_taken(tx: &Transaction, name: &str, except: Option<i64>) -> Result<bool> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM strategy WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL
             AND id IS NOT ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// The first of `base`, `base + tail(1)`, `base + tail(2)`… that no live strategy has, within the length limit.
pub(crate) fn free_name(
    tx: &Transaction,
    base: &str,
    tail: impl Fn(u32) -> String,
) -> Result<String> {
    if !name_taken(tx, base, None)? {
        return Ok(base.to_owned());
    }
    for n in 1.. {
        let tail = tail(n);
        let room = MAX_NAME_CHARS.saturating_sub(tail.chars().count());
        let head: String = base.chars().take(room).collect();
        let candidate = format!("{}{tail}", head.trim_end());
        if !name_taken(tx, &candidate, None)? {
            return Ok(candidate);
        }
    }
    unreachable!("the loop returns")
}

/// "Name (word)", then "Name (word 2)", "Name (word 3)"…
pub(crate) fn labelled(word: &'static str) -> impl Fn(u32) -> String {
    move |n| match n {
        1 => format!(" ({word})"),
        n => format!(" ({word} {n})"),
    }
}

/// "Name (imported)" / "Name (importée)"…
pub(crate) fn free_name_for_import(
    tx: &Transaction,
    base: &str,
    language: crate::model::Language,
) -> Result<String> {
    let word = match language {
        crate::model::Language::En => "imported",
        crate::model::Language::Fr => "importée",
    };
    free_name(tx, base, labelled(word))
}

/// "Name", then "Name 2", "Name 3"…
pub(crate) fn free_name_for_sample(tx: &Transaction, base: &str) -> Result<String> {
    free_name(tx, base, |n| format!(" {}", n + 1))
}

fn taken() -> CoreError {
    CoreError::Validation(vec![FieldError::new("name", "taken")])
}

/// The fields a strategy is stored with, for inserting a new row (created, duplicated or imported).
pub(crate) struct NewStrategy<'a> {
    pub input: &'a StrategyInput,
    pub current_step: StepId,
    pub steps: &'a [StepState],
    pub created_at: &'a str,
    pub updated_at: &'a str,
}

pub(crate) fn insert(tx: &Transaction, s: &NewStrategy) -> Result<i64> {
    tx.execute(
        "INSERT INTO strategy (name, organisation, sector, language, timezone, start_date, current_step,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            s.input.name,
            s.input.organisation,
            s.input.sector,
            s.input.language.as_str(),
            s.input.timezone,
            s.input.start_date,
            s.current_step.as_str(),
            s.created_at,
            s.updated_at,
        ],
    )?;
    let id = tx.last_insert_rowid();
    for step in StepId::ALL {
        let completed = s.steps.iter().any(|st| st.step == step && st.completed);
        tx.execute(
            "INSERT INTO step_state (strategy_id, step, completed) VALUES (?1, ?2, ?3)",
            params![id, step.as_str(), completed],
        )?;
    }
    Ok(id)
}

/// Marks a live strategy as changed now; `NotFound` when there is none with this id. Every write to a step's data
/// goes through it, so that the strategy list shows the last change.
pub(crate) fn touch(tx: &Transaction, id: i64) -> Result<()> {
    let n = tx.execute(
        "UPDATE strategy SET updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now()],
    )?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

fn not_found(id: i64) -> CoreError {
    CoreError::NotFound(format!("there is no strategy with id {id}"))
}

fn row_to_strategy(r: &Row) -> rusqlite::Result<Strategy> {
    let language: String = r.get("language")?;
    let step: String = r.get("current_step")?;
    Ok(Strategy {
        id: r.get("id")?,
        name: r.get("name")?,
        organisation: r.get("organisation")?,
        sector: r.get("sector")?,
        language: Language::parse(&language).unwrap_or(Language::En),
        timezone: r.get("timezone")?,
        start_date: r.get("start_date")?,
        current_step: StepId::parse(&step).unwrap_or(StepId::Audit),
        steps: Vec::new(),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

impl Store {
    pub fn create_strategy(&mut self, input: &StrategyInput) -> Result<Strategy> {
        let input = validate(input)?;
        let id = self.write(|tx| {
            if name_taken(tx, &input.name, None)? {
                return Err(taken());
            }
            let t = now();
            insert(
                tx,
                &NewStrategy {
                    input: &input,
                    current_step: StepId::Audit,
                    steps: &[],
                    created_at: &t,
                    updated_at: &t,
                },
            )
        })?;
        self.strategy(id)
    }

    pub fn update_strategy(&mut self, id: i64, input: &StrategyInput) -> Result<Strategy> {
        let input = validate(input)?;
        self.write(|tx| {
            if name_taken(tx, &input.name, Some(id))? {
                return Err(taken());
            }
            let n = tx.execute(
                "UPDATE strategy SET name = ?2, organisation = ?3, sector = ?4, language = ?5, timezone = ?6,
                        start_date = ?7, updated_at = ?8
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    input.name,
                    input.organisation,
                    input.sector,
                    input.language.as_str(),
                    input.timezone,
                    input.start_date,
                    now()
                ],
            )?;
            if n == 0 {
                return Err(not_found(id));
            }
            Ok(())
        })?;
        self.strategy(id)
    }

    /// A live strategy with its step states.
    pub fn strategy(&self, id: i64) -> Result<Strategy> {
        let mut s = self
            .conn()
            .query_row(
                "SELECT * FROM strategy WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                row_to_strategy,
            )
            .optional()?
            .ok_or_else(|| not_found(id))?;
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT step, completed FROM step_state WHERE strategy_id = ?1")?;
        let done: Vec<(String, bool)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        s.steps = StepId::ALL
            .into_iter()
            .map(|step| StepState {
                step,
                completed: done.iter().any(|(n, c)| n == step.as_str() && *c),
            })
            .collect();
        Ok(s)
    }

    /// Finds a live strategy by id, or else by name (case-insensitive).
    pub fn find_strategy(&self, id_or_name: &str) -> Result<Strategy> {
        let key = id_or_name.trim();
        if let Ok(id) = key.parse::<i64>() {
            if let Ok(s) = self.strategy(id) {
                return Ok(s);
            }
        }
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM strategy WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.strategy(id),
            None => Err(CoreError::NotFound(format!(
                "there is no strategy with the id or name '{key}'"
            ))),
        }
    }

    /// The live strategies, most recently changed first.
    pub fn list_strategies(&self) -> Result<Vec<StrategySummary>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.id, s.name, s.organisation, s.sector, s.language, s.updated_at,
                    (SELECT count(*) FROM step_state WHERE strategy_id = s.id AND completed) AS done
             FROM strategy s WHERE s.deleted_at IS NULL
             ORDER BY s.updated_at DESC, s.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let language: String = r.get(4)?;
            Ok(StrategySummary {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                sector: r.get(3)?,
                language: Language::parse(&language).unwrap_or(Language::En),
                updated_at: r.get(5)?,
                completed_steps: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a strategy so that [`Store::restore_strategy`] can bring it back until [`Store::purge_deleted`] runs
    /// (at the app's next start).
    pub fn delete_strategy(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE strategy SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )?;
            if n == 0 {
                return Err(not_found(id));
            }
            Ok(())
        })
    }

    pub fn restore_strategy(&mut self, id: i64) -> Result<Strategy> {
        self.write(|tx| {
            let name: Option<String> = tx
                .query_row(
                    "SELECT name FROM strategy WHERE id = ?1 AND deleted_at IS NOT NULL",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let name = name.ok_or_else(|| {
                CoreError::NotFound(format!(
                    "there is no deleted strategy with id {id} to restore"
                ))
            })?;
            let name = free_name(tx, &name, labelled("restored"))?;
            tx.execute(
                "UPDATE strategy SET deleted_at = NULL, name = ?2 WHERE id = ?1",
                params![id, name],
            )?;
            Ok(())
        })?;
        self.strategy(id)
    }

    /// Opens the database for a session of the app: a deletion is undoable for the session that made it, so the
    /// strategies deleted in earlier sessions are removed for good first ([`Store::purge_deleted`]).
    pub fn open_session(path: &std::path::Path) -> Result<Store> {
        let mut store = Store::open(path)?;
        store.purge_deleted()?;
        Ok(store)
    }

    /// Removes for good the strategies deleted in earlier sessions.
    pub fn purge_deleted(&mut self) -> Result<usize> {
        self.write(|tx| Ok(tx.execute("DELETE FROM strategy WHERE deleted_at IS NOT NULL", [])?))
    }

    pub fn set_current_step(&mut self, id: i64, step: StepId) -> Result<Strategy> {
        self.write(|tx| {
            touch(tx, id)?;
            tx.execute(
                "UPDATE strategy SET current_step = ?2 WHERE id = ?1",
                params![id, step.as_str()],
            )?;
            Ok(())
        })?;
        self.strategy(id)
    }

    pub fn set_step_completed(
        &mut self,
        id: i64,
        step: StepId,
        completed: bool,
    ) -> Result<Strategy> {
        self.write(|tx| {
            touch(tx, id)?;
            tx.execute(
                "INSERT INTO step_state (strategy_id, step, completed) VALUES (?1, ?2, ?3)
                 ON CONFLICT (strategy_id, step) DO UPDATE SET completed = excluded.completed",
                params![id, step.as_str(), completed],
            )?;
            Ok(())
        })?;
        self.strategy(id)
    }

    /// Records the strategy to reopen at the next start.
    pub fn open_strategy(&mut self, id: i64) -> Result<Strategy> {
        let s = self.strategy(id)?;
        self.set_setting(LAST_STRATEGY_KEY, &id.to_string())?;
        Ok(s)
    }

    /// The strategy to reopen at start, if it is still there.
    pub fn last_strategy_id(&self) -> Result<Option<i64>> {
        let Some(id) = self
            .get_setting(LAST_STRATEGY_KEY)?
            .and_then(|v| v.parse::<i64>().ok())
        else {
            return Ok(None);
        };
        match self.strategy(id) {
            Ok(_) => Ok(Some(id)),
            Err(CoreError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A strategy's name as the stem of a file name: characters that file systems refuse become `-`.
pub fn file_stem(name: &str) -> String {
    crate::io::write::slug(name)
}

/// The name offered when a strategy is saved as a file (the strategy file): its name as a stem, then `.cinq.json`.
pub fn file_name(name: &str) -> String {
    format!("{}.cinq.json", file_stem(name))
}
