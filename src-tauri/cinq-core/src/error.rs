//! Errors of the domain, and their typed form on the IPC and CLI seams.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure this is. The UI translates each code into plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    NewerSchema,
    NotADatabase,
    Unwritable,
    InvalidFile,
    /// The user stopped a long operation; nothing was written.
    Cancelled,
    Io,
    Internal,
}

/// One field that failed validation; `code` is a stable key such as `required`. A limit the value broke comes with
/// it (`too_long`: `max` characters; `too_many`: `max` items; `out_of_range`: from `min` to `max`), so the UI quotes
/// Rust's limit and never keeps its own copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub max: Option<i64>,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            min: None,
            max: None,
        }
    }

    /// `too_long`: more than `max` characters (or items, for a list whose code says so).
    pub fn too_long(field: &str, max: usize) -> Self {
        FieldError {
            max: Some(max as i64),
            ..FieldError::new(field, "too_long")
        }
    }

    /// `too_many`: more than `max` items.
    pub fn too_many(field: &str, max: usize) -> Self {
        FieldError {
            max: Some(max as i64),
            ..FieldError::new(field, "too_many")
        }
    }

    /// `out_of_range`: not from `min` to `max`.
    pub fn out_of_range(field: &str, min: i64, max: i64) -> Self {
        FieldError {
            min: Some(min),
            max: Some(max),
            ..FieldError::new(field, "out_of_range")
        }
    }

    /// The English sentence for this field error (the UI has its own translations).
    pub fn message(&self) -> String {
        let what = match (self.field.as_str(), self.code.as_str()) {
            ("name", "required") => "a name is required".to_owned(),
            ("name", "too_long") => format!("a name has at most {MAX_NAME_CHARS} characters"),
            ("name", "taken") => "another strategy already has this name".to_owned(),
            ("timezone", _) => "not a valid IANA time zone (for example Europe/Paris)".to_owned(),
            ("start_date", _) => "expected a date as YYYY-MM-DD".to_owned(),
            ("language", _) => "expected en or fr".to_owned(),
            (_, "not_count") => "expected a whole number, 0 or more".to_owned(),
            ("to", "before_from") => "the period ends before it starts".to_owned(),
            ("to", "period_too_long") => match self.max {
                Some(max) => format!("a plan covers at most {max} days (a year)"),
                None => "a plan covers at most a year".to_owned(),
            },
            ("missions", "no_posts_per_week") => {
                "no mission of a network the audit kept sets its posts per week; \
                 step 3 must give at least one mission its posts per week"
                    .to_owned()
            }
            ("networks", "not_planned") => {
                "a network to plan must be kept by the audit and have posts per week \
                 in its mission (step 3)"
                    .to_owned()
            }
            ("avoid", _) => "expected days as YYYY-MM-DD".to_owned(),
            (_, code) => code.replace('_', " "),
        };
        format!("{}: {}", self.field, what)
    }
}

/// The longest name Cinq keeps (a strategy's, a persona's, a player's, an owner's, a campaign's…), in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The most characters of the user's input an error message quotes.
pub const QUOTE_MAX_CHARS: usize = 80;

/// A short quote of the user's input for an error message: at most [`QUOTE_MAX_CHARS`] characters, cut with an
/// ellipsis, on one line (control characters shown as spaces), in double quotes.
pub fn quote(input: &str) -> String {
    let mut out = String::with_capacity(QUOTE_MAX_CHARS + 4);
    out.push('"');
    let mut chars = input.chars();
    for c in chars.by_ref().take(QUOTE_MAX_CHARS) {
        out.push(if c.is_control() { ' ' } else { c });
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// The error every domain operation returns.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", .0.iter().map(FieldError::message).collect::<Vec<_>>().join("; "))]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{path} was written by a newer version of Cinq (schema version {found}, this version knows up to {known}); update Cinq to open it. The file was not changed.")]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{0} is not a Cinq database (not an SQLite file). The file was not changed.")]
    NotADatabase(String),
    #[error("cannot write to {path}: {reason}")]
    Unwritable { path: String, reason: String },
    #[error("{0}")]
    InvalidFile(String),
    #[error("cancelled: nothing was written")]
    Cancelled,
    #[error("{0}")]
    Io(String),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A bug caught at the CLI or IPC boundary (a panic), so that it is an error rather than a crash.
    #[error("internal error (a bug in Cinq): {0}")]
    Internal(String),
}

/// The error a caught panic becomes: its message, cut short.
pub fn internal_from_panic(payload: &(dyn std::any::Any + Send)) -> CoreError {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic");
    let what = quote(what);
    CoreError::Internal(what[1..what.len() - 1].to_owned())
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Validation(_) => ErrorCode::Validation,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::Conflict(_) => ErrorCode::Conflict,
            CoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            CoreError::NotADatabase(_) => ErrorCode::NotADatabase,
            CoreError::Unwritable { .. } => ErrorCode::Unwritable,
            CoreError::InvalidFile(_) => ErrorCode::InvalidFile,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Io(_) => ErrorCode::Io,
            CoreError::Sql(_) | CoreError::Internal(_) => ErrorCode::Internal,
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// The error as it crosses the IPC: `{code, message, fields}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        let fields = match &e {
            CoreError::Validation(f) => f.clone(),
            _ => Vec::new(),
        };
        ApiError {
            code: e.code(),
            message: e.to_string(),
            fields,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(super::quote("abc"), "\"abc\"");
        let long = "é".repeat(200);
        let q = super::quote(&long);
        assert_eq!(q.chars().count(), super::QUOTE_MAX_CHARS + 3);
        assert!(q.ends_with("…\""));
        assert_eq!(super::quote("a\nb"), "\"a b\"");
    }
}
