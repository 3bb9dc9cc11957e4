//! The native file dialogs, opened from Rust: the path of a file the user picks never comes from the web view. In a
//! debug build `pick_file` and `save_file` read CINQ_E2E_PICK instead (the end-to-end tests cannot drive a dialog).

use std::path::PathBuf;

use crate::state::Cmd;
use cinq_core::error::{ApiError, CoreError};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

pub(crate) fn picked(path: tauri_plugin_dialog::FilePath) -> Cmd<PathBuf> {
    path.into_path()
        .map_err(|e| ApiError::from(CoreError::Io(e.to_string())))
}

/// A file to open: the native dialog's pick, or in a debug build the path in CINQ_E2E_PICK (the end-to-end tests
/// cannot drive a native dialog).
pub(crate) fn pick_file(app: &AppHandle, name: &str, extensions: &[&str]) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(p) = std::env::var_os("CINQ_E2E_PICK").filter(|p| !p.is_empty()) {
        return Ok(Some(PathBuf::from(p)));
    }
    match app
        .dialog()
        .file()
        .add_filter(name, extensions)
        .blocking_pick_file()
    {
        Some(p) => picked(p).map(Some),
        None => Ok(None),
    }
}

/// Where to save a file: the native dialog's answer, or in a debug build the path in CINQ_E2E_PICK (as for
/// [`pick_file`]: the end-to-end tests cannot drive a native dialog).
pub(crate) fn save_file(app: &AppHandle, name: &str, ext: &str) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(p) = std::env::var_os("CINQ_E2E_PICK").filter(|p| !p.is_empty()) {
        return Ok(Some(PathBuf::from(p)));
    }
    match app
        .dialog()
        .file()
        .add_filter(ext.to_uppercase(), &[ext])
        .set_file_name(name)
        .blocking_save_file()
    {
        Some(p) => picked(p).map(Some),
        None => Ok(None),
    }
}

pub(crate) fn read_picked(path: &std::path::Path) -> Cmd<(String, Vec<u8>)> {
    let bytes = cinq_core::io::read::read_file(path, cinq_core::io::read::Limits::default())
        .map_err(ApiError::from)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}
