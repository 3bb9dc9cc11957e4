//! Reading and writing the user's files: every file Cinq reads goes through [`read`] (bounded in size and memory,
//! regular files only), every file it writes through [`write`] (atomic, never following a planted link); every CSV is
//! decoded by [`csv`], every workbook by [`xlsx`].

pub mod csv;
pub mod read;
pub mod write;
pub mod xlsx;
