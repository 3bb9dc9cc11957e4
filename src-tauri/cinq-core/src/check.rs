//! Field checks shared by every step's validation: each pushes a `FieldError` (field name = the JSON field name,
//! code = a stable key the UI translates), and [`done`] turns the list into a validation error.

use crate::error::{CoreError, FieldError, Result};

/// A count or an average that must be 0 or more (and a real number).
pub(crate) fn not_negative(errors: &mut Vec<FieldError>, field: &str, value: Option<f64>) {
    if value.is_some_and(|v| !v.is_finite() || v < 0.0) {
        errors.push(FieldError::new(field, "negative"));
    }
}

/// A `YYYY-MM-DD` date (the one strict form, [`crate::dates::parse_day`]), when given.
pub(crate) fn date(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) {
    if value.is_some_and(|d| !crate::dates::is_day(d)) {
        errors.push(FieldError::new(field, "invalid_date"));
    }
}

/// A text of at most `max` characters.
pub(crate) fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.push(FieldError::too_long(field, max));
    }
}

/// A text that must not be blank, of at most `max` characters once trimmed.
pub(crate) fn required(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "required"));
    }
    text(errors, field, value.trim(), max);
}

pub(crate) fn done(errors: Vec<FieldError>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}
