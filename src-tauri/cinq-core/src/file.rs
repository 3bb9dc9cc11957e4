//! The strategy file: a whole strategy as versioned JSON, written by `cinq strategy export` and read back by
//! `cinq strategy import` as a new strategy. The round trip is lossless (see tests/store.rs).
//!
//! Every step adds its data here. A change to the shape bumps [`FORMAT_VERSION`]; reading keeps accepting the older
//! versions.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::{Language, StepId, StepState, Strategy, StrategyInput};
use crate::store::Store;
use crate::strategy::{free_name_for_import, insert, validate, NewStrategy};

pub const FORMAT: &str = "cinq.strategy";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyFile {
    pub format: String,
    pub version: u32,
    pub strategy: StrategyData,
}

/// A strategy as it stands in the file: everything but the database id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl Store {
    pub fn export_strategy(&self, id: i64) -> Result<StrategyFile> {
        let s: Strategy = self.strategy(id)?;
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
        let d = &file.strategy;
        let input = validate(&StrategyInput {
            name: d.name.clone(),
            organisation: d.organisation.clone(),
            sector: d.sector.clone(),
            language: d.language,
            timezone: d.timezone.clone(),
            start_date: d.start_date.clone(),
        })
        .map_err(|e| {
            CoreError::InvalidFile(format!("the strategy in this file is not valid: {e}"))
        })?;
        let id = self.write(|tx| {
            let name = free_name_for_import(tx, &input.name)?;
            insert(
                tx,
                &NewStrategy {
                    input: &StrategyInput {
                        name,
                        ..input.clone()
                    },
                    current_step: d.current_step,
                    steps: &d.steps,
                    created_at: &d.created_at,
                    updated_at: &d.updated_at,
                },
            )
        })?;
        self.strategy(id)
    }

    pub fn import_strategy_from(&mut self, path: &Path) -> Result<Strategy> {
        let file = read_strategy_file(path)?;
        self.import_strategy(&file)
    }
}

/// Reads and checks a strategy file; errors name the file, the line and the column.
pub fn read_strategy_file(path: &Path) -> Result<StrategyFile> {
    let shown = path.display();
    let bytes =
        std::fs::read(path).map_err(|e| CoreError::Io(format!("cannot read {shown}: {e}")))?;
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
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Syntax => "this is not valid JSON: ",
        Category::Eof => "the file ends too early: ",
        Category::Data | Category::Io => "",
    };
    format!("line {}, column {}: {kind}{what}", e.line(), e.column())
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            CoreError::Io(format!("cannot write {shown}: {e}"))
        })
}
