//! Reading and writing the user's files: every file Cinq reads goes through [`read`] (bounded in size and memory,
//! regular files only), every file it writes through [`write`] (atomic, never following a planted link); every CSV is
//! decoded by [`csv`], every workbook by [`xlsx`].
//!
//! Owns: the file plumbing, and every cap on what a file may hold (`read.rs`). Must not: know a step or the
//! database: what the rows mean is the importers' (calendar, results), where a file goes is the caller's.

pub mod csv;
pub mod read;
pub mod write;
pub mod xlsx;
