//! Bounded reading of the files Cinq imports (calendar CSV, results CSV and xlsx, strategy JSON).
//!
//! Every import reads the user's file through [`read_file`]: anything that is not a regular file (a FIFO, a device
//! such as `/dev/zero`, a folder) is refused before a byte is read (the path is looked at first, then the opened
//! handle again, so that a file swapped in between is refused too), and at most [`MAX_FILE_BYTES`] are read (one
//! more byte tells an oversize file). The readers then check, while reading and before they allocate for it:
//!
//! | cap | value | why that value |
//! |---|---|---|
//! | [`MAX_FILE_BYTES`] | 64 MiB | a LinkedIn export of 10 years of daily posts is a few MB; X's 100,000-row export about 20 MB |
//! | [`MAX_ROWS`] | 1,000,000 | ten times the largest export Cinq is benchmarked on |
//! | [`MAX_COLUMNS`] | 1,000 | exports have 10 to 60 columns |
//! | [`MAX_CELLS`] | 10,000,000 | rows × columns actually present: 100,000 rows of 100 columns |
//! | [`MAX_CELL_BYTES`] | 1 MiB | a post is at most a few thousand characters |
//! | [`MAX_TEXT_BYTES`] | 64 MiB | all the cells together: no more than the largest CSV (a workbook's shared strings can repeat one) |
//! | [`MAX_ZIP_ENTRIES`] | 10,000 | a workbook has 10 to 50 parts |
//! | [`MAX_PART_BYTES`] | 128 MiB | one part of a workbook, expanded (a sheet is read as a stream) |
//! | [`MAX_SHARED_STRINGS_BYTES`] | 32 MiB | the shared strings, expanded: held in memory, at about 2.5 times their size |
//! | [`MAX_EXPANDED_BYTES`] | 256 MiB | every part of a workbook, expanded |
//!
//! A workbook's parts are expanded once with a limit before `calamine` opens it (the sizes a zip declares can lie);
//! its sheet is then read cell by cell (never as a dense rectangle, which a single far cell would make huge), the
//! declared dimension and every cell's coordinates checked against [`MAX_ROWS`] and [`MAX_COLUMNS`]. Over a cap, the
//! error names the cap and the file, and nothing is written. With these caps, reading any file stays well under
//! 1 GiB of memory. Measured with the debug CLI (`results import --dry-run`): a 1 GiB shared-strings bomb and a far
//! cell are refused at the process's resting size (about 67 MB); a 3.6 MB workbook whose 30 MB of shared strings are
//! 1.4 million tiny ones, near the cap, passes at 142 MB.

use std::io::Read;
use std::path::Path;

use crate::error::{CoreError, Result};

/// The largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// The most rows (blank ones left out) a file may have.
pub const MAX_ROWS: usize = 1_000_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 1_000;
/// The most cells a file may have in all.
pub const MAX_CELLS: usize = 10_000_000;
/// The longest cell, in bytes of UTF-8.
pub const MAX_CELL_BYTES: usize = 1 << 20;
/// The most text all the cells of a file (or a sheet) may hold together, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 64 << 20;
/// The most parts (zip entries) a workbook may have.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// The largest part of a workbook, expanded.
pub const MAX_PART_BYTES: u64 = 128 << 20;
/// The largest shared strings part of a workbook, expanded.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 32 << 20;
/// The most all the parts of a workbook may expand to.
pub const MAX_EXPANDED_BYTES: u64 = 256 << 20;

/// The caps of one read; [`Limits::default`] holds the constants above (tests lower them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: MAX_FILE_BYTES,
        }
    }
}

/// A size for a message: `64 MiB`, `1 MiB`, `1,000 bytes`.
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes % (1 << 10) == 0 {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{} bytes", count(bytes as usize))
    }
}

/// A count for a message, with thousands separators: `1,000,000`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The error of a file over one of the caps: `{file}: {what} (Cinq reads at most {cap}); nothing was imported`.
pub fn over_cap(file: &str, what: &str, cap: &str) -> CoreError {
    CoreError::InvalidFile(format!(
        "{file}: {what} (Cinq reads at most {cap}); nothing was imported"
    ))
}

/// A short form of the user's text for a message, without quotes (a column's name): [`crate::error::quote`]'s
/// length and ellipsis.
pub fn clip(s: &str) -> String {
    let q = crate::error::quote(s);
    q[1..q.len() - 1].to_owned()
}

fn kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn not_regular(shown: &str, t: std::fs::FileType) -> CoreError {
    CoreError::InvalidFile(format!(
        "{shown} is {}, not a regular file: choose the file itself",
        kind(t)
    ))
}

/// Reads a user's file: a regular file only (checked before it is opened, then on the opened handle), at most
/// `limits.max_bytes` of it. The errors name the file (and the cap).
pub fn read_file(path: &Path, limits: Limits) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| CoreError::Io(format!("cannot read {shown}: {e}"));
    // `metadata` follows a link to what it names: a link to a regular file is read, one to a FIFO refused.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.file_type().is_file() {
        return Err(not_regular(&shown, meta.file_type()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // A FIFO swapped in after the check must not block the open: O_NONBLOCK (no effect on a regular file).
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc_nonblock());
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.file_type().is_file() {
        return Err(not_regular(&shown, meta.file_type()));
    }
    if meta.len() > limits.max_bytes {
        return Err(too_large(&shown, limits));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(&shown, limits));
    }
    Ok(bytes)
}

/// `O_NONBLOCK` without the libc crate: its value on the platforms Cinq is built for.
#[cfg(unix)]
fn libc_nonblock() -> i32 {
    if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )) {
        0x0004
    } else {
        0o4000
    }
}

fn too_large(shown: &str, limits: Limits) -> CoreError {
    over_cap(
        shown,
        "the file is too large",
        &format!("{} per file", size(limits.max_bytes)),
    )
}

// ---------------------------------------------------------------------------------------------------------------
// Tables: the caps every reader of rows checks.

/// Counts what a reader has read so far and refuses the row that goes over a cap. `file` names the file in the
/// errors.
pub struct TableCaps<'a> {
    file: &'a str,
    rows: usize,
    cells: usize,
    text: usize,
}

impl<'a> TableCaps<'a> {
    pub fn new(file: &'a str) -> TableCaps<'a> {
        TableCaps {
            file,
            rows: 0,
            cells: 0,
            text: 0,
        }
    }

    /// The next row (on `line`): its `n` cells' lengths in bytes.
    pub fn row(&mut self, line: u64, n: usize, cells: impl Iterator<Item = usize>) -> Result<()> {
        let file = self.file;
        self.rows += 1;
        if self.rows > MAX_ROWS {
            return Err(over_cap(
                file,
                &format!("line {line}: the file has too many rows"),
                &format!("{} rows", count(MAX_ROWS)),
            ));
        }
        if n > MAX_COLUMNS {
            return Err(over_cap(
                file,
                &format!("line {line}: the row has {} columns", count(n)),
                &format!("{} columns", count(MAX_COLUMNS)),
            ));
        }
        self.cells += n;
        if self.cells > MAX_CELLS {
            return Err(over_cap(
                file,
                &format!("line {line}: the file has too many cells"),
                &format!("{} cells", count(MAX_CELLS)),
            ));
        }
        for (i, len) in cells.enumerate() {
            self.cell(line, i, len)?;
        }
        Ok(())
    }

    /// One cell (column `column`, 0-based) of `len` bytes.
    pub fn cell(&mut self, line: u64, column: usize, len: usize) -> Result<()> {
        if len > MAX_CELL_BYTES {
            return Err(over_cap(
                self.file,
                &format!(
                    "line {line}, column {}: the cell holds {}",
                    column + 1,
                    size(len as u64)
                ),
                &format!("{} per cell", size(MAX_CELL_BYTES as u64)),
            ));
        }
        self.text += len;
        if self.text > MAX_TEXT_BYTES {
            return Err(over_cap(
                self.file,
                &format!("line {line}: the cells hold too much text"),
                &format!("{} of text in all", size(MAX_TEXT_BYTES as u64)),
            ));
        }
        Ok(())
    }
}

/// A CSV error as one sentence with ONE line number (the csv crate's own message carries its own record and line
/// numbers, which miscount quoted line breaks): `line {line}: {what}`.
pub fn csv_error(file: &str, line: u64, e: &csv::Error) -> CoreError {
    let what = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "the row has {} where the header has {expected_len}",
            crate::words::count_en(*len as usize, "field", "fields")
        ),
        csv::ErrorKind::Utf8 { .. } => "this line is not valid UTF-8 text".to_owned(),
        csv::ErrorKind::Io(e) => format!("cannot read the file ({e})"),
        _ => "this line cannot be read as CSV".to_owned(),
    };
    CoreError::InvalidFile(format!("{file}, line {line}: {what}"))
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks.

/// Finds the entry counts a zip's end records declare (the classic one and the zip64 one), so that an archive
/// claiming millions of entries is refused before the zip reader reserves room for them.
fn declared_entries(bytes: &[u8]) -> u64 {
    let mut most = 0u64;
    let from = bytes.len().saturating_sub(65_557 + 56 + 20);
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map_or(0, |b| u64::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let u64_at = |i: usize| {
        bytes.get(i..i + 8).map_or(0, |b| {
            let mut a = [0u8; 8];
            a.copy_from_slice(b);
            u64::from_le_bytes(a)
        })
    };
    let mut i = from;
    while i + 4 <= bytes.len() {
        match &bytes[i..i + 4] {
            // End of central directory: entries on this disk (+8), in all (+10).
            b"PK\x05\x06" => most = most.max(u16_at(i + 8)).max(u16_at(i + 10)),
            // Zip64 end of central directory: entries on this disk (+24), in all (+32).
            b"PK\x06\x06" => most = most.max(u64_at(i + 24)).max(u64_at(i + 32)),
            // Zip64 locator: the offset of the zip64 record (+8).
            b"PK\x06\x07" => {
                let at = usize::try_from(u64_at(i + 8)).unwrap_or(usize::MAX);
                if bytes.get(at..at + 4) == Some(b"PK\x06\x06") {
                    most = most.max(u64_at(at + 24)).max(u64_at(at + 32));
                }
            }
            _ => {}
        }
        i += 1;
    }
    most
}

/// Checks a workbook's parts before anything allocates for them: how many there are, and what each expands to and
/// all together, found by expanding them with a limit (the sizes a zip declares can lie). Damage is an error too.
pub fn check_workbook(file: &str, bytes: &[u8]) -> Result<()> {
    let damaged = |e: &dyn std::fmt::Display| {
        CoreError::InvalidFile(format!(
            "{file}: this workbook is damaged and cannot be read ({})",
            crate::error::quote(&e.to_string())
        ))
    };
    let too_many = || {
        over_cap(
            file,
            "the workbook has too many parts",
            &format!("{} parts", count(MAX_ZIP_ENTRIES)),
        )
    };
    if declared_entries(bytes) > MAX_ZIP_ENTRIES as u64 {
        return Err(too_many());
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(too_many());
    }
    let mut total = 0u64;
    let mut sink = vec![0u8; 64 << 10];
    for i in 0..zip.len() {
        // This check is about sizes: a part that cannot be opened or expanded (a compression this build does not
        // read, damage) is left to calamine, which says so if it needs that part.
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().to_owned();
        let shared = name.eq_ignore_ascii_case("xl/sharedStrings.xml");
        let cap = if shared {
            MAX_SHARED_STRINGS_BYTES
        } else {
            MAX_PART_BYTES
        };
        let over_part = || {
            over_cap(
                file,
                &format!(
                    "the part {} of the workbook expands too much",
                    crate::error::quote(&name)
                ),
                &format!(
                    "{} per {}",
                    size(cap),
                    if shared {
                        "shared strings part"
                    } else {
                        "part"
                    }
                ),
            )
        };
        let over_total = || {
            over_cap(
                file,
                "the workbook expands too much",
                &format!("{} in all", size(MAX_EXPANDED_BYTES)),
            )
        };
        if entry.size() > cap {
            return Err(over_part());
        }
        if total.saturating_add(entry.size()) > MAX_EXPANDED_BYTES {
            return Err(over_total());
        }
        // Expand at most what it declares (and one byte more, to catch a lie), at most the cap.
        let limit = entry.size().min(cap).saturating_add(1);
        let mut reader = (&mut entry).take(limit);
        let mut expanded = 0u64;
        loop {
            match reader.read(&mut sink) {
                Ok(n) if n > 0 => expanded += n as u64,
                _ => break,
            }
        }
        if expanded > cap {
            return Err(over_part());
        }
        if expanded > entry.size() {
            return Err(damaged(&format!(
                "the part {name} expands to more than the size it declares"
            )));
        }
        total += expanded;
        if total > MAX_EXPANDED_BYTES {
            return Err(over_total());
        }
    }
    Ok(())
}

/// Checks a sheet's declared dimension (`<dimension ref="A1:I100">`, 0-based rows and columns of its last cell).
pub fn check_dimension(file: &str, last_row: u32, last_column: u32) -> Result<()> {
    if last_row as usize >= MAX_ROWS {
        return Err(over_cap(
            file,
            &format!("the sheet declares {} rows", count(last_row as usize + 1)),
            &format!("{} rows", count(MAX_ROWS)),
        ));
    }
    if last_column as usize >= MAX_COLUMNS {
        return Err(over_cap(
            file,
            &format!(
                "the sheet declares {} columns",
                count(last_column as usize + 1)
            ),
            &format!("{} columns", count(MAX_COLUMNS)),
        ));
    }
    Ok(())
}

/// Checks a cell's coordinates (0-based).
pub fn check_cell(file: &str, row: u32, column: u32) -> Result<()> {
    if row as usize >= MAX_ROWS {
        return Err(over_cap(
            file,
            &format!("a cell sits on row {}", count(row as usize + 1)),
            &format!("{} rows", count(MAX_ROWS)),
        ));
    }
    if column as usize >= MAX_COLUMNS {
        return Err(over_cap(
            file,
            &format!(
                "a cell sits in column {} (row {})",
                count(column as usize + 1),
                count(row as usize + 1)
            ),
            &format!("{} columns", count(MAX_COLUMNS)),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Panics of a third-party reader.

std::thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (a third-party reader on a damaged file), a panic in it becoming `None` without its message printed: the
/// process-wide panic hook is wrapped once, to keep quiet on the thread that runs here and only while it does.
pub fn quietly<R>(f: impl FnOnce() -> R) -> Option<R> {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_well() {
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(1 << 10), "1 KiB");
        assert_eq!(size(1000), "1,000 bytes");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(count(999), "999");
    }

    #[test]
    fn a_panic_inside_quietly_is_none() {
        assert_eq!(quietly(|| 3), Some(3));
        let r: Option<()> = quietly(|| panic!("boom"));
        assert!(r.is_none());
    }
}
