//! Workbooks (`.xlsx`): the one place calamine is used. A sheet is read cell by cell, every size checked against the
//! caps of [`crate::io::read`] before it is allocated, and a damaged workbook is an invalid file, never a panic.
//! What the rows mean is the importer's (adapt/results_import.rs); this module only turns cells into text.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::error::{CoreError, Result};
use crate::io::csv::fold;

fn invalid(file: &str, what: &str) -> CoreError {
    CoreError::InvalidFile(format!("{file}: {what}"))
}

/// The rows of a workbook's posts sheet (the sheet whose name says posts, else the first), each with its 1-based
/// line, its cells as text (the gaps empty), the empty rows left out. A damaged workbook is an invalid file, never a
/// panic; every size is checked against the caps of [`crate::io::read`] before calamine allocates.
pub fn read_rows(file: &str, bytes: &[u8]) -> Result<Vec<(u64, csv::StringRecord)>> {
    // Before calamine allocates anything: the parts, their expanded sizes (see `io::read`).
    crate::io::read::check_workbook(file, bytes)?;
    // calamine panics on some damaged workbooks (a shared string index out of range): a bad file, not a crash, and
    // no panic line printed.
    crate::io::read::quietly(|| read_workbook(file, bytes))
        .unwrap_or_else(|| Err(invalid(file, "this workbook is damaged and cannot be read")))
}

/// A workbook cell as the importer reads it.
fn cell_text(c: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match c {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => excel_date(d.as_f64()).unwrap_or_default(),
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

/// The length of a cell's text, before it is made (a shared string repeated a million times must not be copied a
/// million times to be measured).
fn cell_len(c: &calamine::DataRef<'_>) -> usize {
    use calamine::DataRef;
    match c {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 32,
    }
}

/// Reads the posts' sheet cell by cell (never as calamine's dense `Range`, which one far cell makes rows × columns
/// big), its declared dimension and every cell's place checked against the caps of `io::read`.
fn read_workbook(file: &str, bytes: &[u8]) -> Result<Vec<(u64, csv::StringRecord)>> {
    use crate::io::read::{check_cell, check_dimension, TableCaps};
    use calamine::{Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| {
        invalid(
            file,
            &format!(
                "this workbook cannot be read ({})",
                crate::error::quote(&e.to_string())
            ),
        )
    })?;
    let names = book.sheet_names();
    // LinkedIn's workbook has a "Metrics" sheet and an "All posts" sheet; the posts are wanted.
    let name = names
        .iter()
        .find(|n| {
            let f = fold(n);
            f.contains("post") || f.contains("publication")
        })
        .or(names.first())
        .cloned()
        .ok_or_else(|| invalid(file, "the workbook has no sheet"))?;
    let unreadable = |e: calamine::XlsxError| {
        invalid(
            file,
            &format!(
                "the sheet {} cannot be read ({})",
                crate::error::quote(&name),
                crate::error::quote(&e.to_string())
            ),
        )
    };
    let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let dimensions = cells.dimensions();
    check_dimension(file, dimensions.end.0, dimensions.end.1)?;
    let mut caps = TableCaps::new(file);
    let mut rows: Vec<(u64, csv::StringRecord)> = Vec::new();
    // The row being read: its index and cells (by column, the gaps empty).
    let mut current: Option<(u32, Vec<String>)> = None;
    let finish = |current: Option<(u32, Vec<String>)>,
                  rows: &mut Vec<(u64, csv::StringRecord)>,
                  caps: &mut TableCaps|
     -> Result<()> {
        if let Some((r, row)) = current {
            if row.iter().any(|c| !c.trim().is_empty()) {
                let line = u64::from(r) + 1;
                caps.row(line, row.len(), row.iter().map(String::len))?;
                rows.push((line, csv::StringRecord::from(row)));
            }
        }
        Ok(())
    };
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let value = cell.get_value();
        if matches!(value, calamine::DataRef::Empty) {
            continue;
        }
        let (r, c) = cell.get_position();
        check_cell(file, r, c)?;
        let len = cell_len(value);
        if len > crate::io::read::MAX_CELL_BYTES {
            caps.cell(u64::from(r) + 1, c as usize, len)?;
        }
        if current.as_ref().is_some_and(|(at, _)| *at != r) {
            finish(current.take(), &mut rows, &mut caps)?;
        }
        let (_, row) = current.get_or_insert_with(|| (r, Vec::new()));
        let c = c as usize;
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = cell_text(value);
    }
    finish(current.take(), &mut rows, &mut caps)?;
    // Rows come in order in the files Excel and the networks write; a hand-made file may not.
    rows.sort_by_key(|(line, _)| *line);
    Ok(rows)
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` for a whole day.
fn excel_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let minutes = (serial * 1440.0).round() as i64;
    // A whole day is a date alone (LinkedIn's "Created date"): the time is unknown, not midnight.
    let format = if minutes % 1440 == 0 {
        "%Y-%m-%d"
    } else {
        "%Y-%m-%d %H:%M"
    };
    Some(
        (epoch + Duration::minutes(minutes))
            .format(format)
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(excel_date(46217.375).as_deref(), Some("2026-07-14 09:00"));
        assert_eq!(excel_date(46217.0).as_deref(), Some("2026-07-14"));
    }
}
