//! Import of any spreadsheet's CSV into the calendar, through a column mapping: a preview of the file (delimiter and
//! header detected, columns, first rows, a suggested mapping), then the import itself, which checks every row and
//! reports each bad one (line, column, what was expected). Nothing is written while a row is bad, unless the user
//! chose to skip the bad rows; the whole import is one transaction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::findings::Text;
use crate::store::Store;

/// How the dates of a file are written when they are not `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 31/12/2026 (French, British).
    DayFirst,
    /// 12/31/2026 (American).
    MonthFirst,
}

/// Which column of the file (0-based) holds each field of a post; `None` when the file has no such column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// The first line holds column names.
    pub has_header: bool,
    pub network: Option<u32>,
    /// The network of every row when the file has no network column (or the cell is empty).
    pub default_network: Option<String>,
    /// A date, or a date and time in one cell. Rows with no date become ideas.
    pub date: Option<u32>,
    pub time: Option<u32>,
    pub date_order: DateOrder,
    pub title: Option<u32>,
    pub text: Option<u32>,
    pub link: Option<u32>,
    pub media_notes: Option<u32>,
    pub pillar: Option<u32>,
    pub topic: Option<u32>,
    pub status: Option<u32>,
    pub campaign: Option<u32>,
    pub editorial_item: Option<u32>,
    pub objective: Option<u32>,
}

/// A first look at a CSV file, for the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvPreview {
    /// The file's name (no folder).
    pub file: String,
    /// The delimiter found: `,`, `;` or a tab.
    pub delimiter: String,
    /// The file is Cinq's own CSV: it is imported as it stands, with no mapping.
    pub cinq: bool,
    /// The column names (from the header, or "Column 1", "Column 2"… when there is none).
    pub columns: Vec<String>,
    /// The first data rows (at most 20).
    pub rows: Vec<Vec<String>>,
    /// How many data rows the file has.
    pub total_rows: u32,
    /// The mapping suggested from the column names (English and French) and the values.
    pub mapping: ColumnMapping,
}

/// A bad cell: where it is and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    /// The line in the file (1-based, the header counted).
    #[ts(type = "number")]
    pub line: u64,
    /// The column's name as the preview shows it.
    pub column: String,
    pub expected: Text,
}

/// What a mapped import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappedImportReport {
    /// The data rows of the file.
    pub rows: u32,
    /// Posts written (or that would be, on a dry run).
    pub imported: u32,
    /// Bad rows left out (only with "skip invalid rows").
    pub skipped: u32,
    /// The bad rows' errors, the first 200 of them.
    pub errors: Vec<RowError>,
    /// How many errors there are in all.
    pub error_count: u32,
    /// Whether anything was written: false on a dry run, and while a row is bad without "skip invalid rows".
    pub written: bool,
    pub created_topics: u32,
    pub created_objectives: u32,
    pub created_editorial: u32,
}

/// Looks at a CSV file: delimiter, header, columns, first rows, a suggested mapping.
pub fn csv_preview(file: &str, bytes: &[u8]) -> Result<CsvPreview> {
    let _ = (file, bytes);
    Err(crate::error::CoreError::InvalidFile(
        "importing other spreadsheets is not ready yet".into(),
    ))
}

impl Store {
    /// Imports a CSV through `mapping`: every row is checked first; with a bad row, nothing is written unless
    /// `skip_invalid`; `dry_run` only checks. One transaction.
    pub fn import_calendar_mapped(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: &ColumnMapping,
        skip_invalid: bool,
        dry_run: bool,
    ) -> Result<MappedImportReport> {
        let _ = (id, file, bytes, mapping, skip_invalid, dry_run);
        Err(crate::error::CoreError::InvalidFile(
            "importing other spreadsheets is not ready yet".into(),
        ))
    }
}
