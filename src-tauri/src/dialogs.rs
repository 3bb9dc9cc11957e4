//! The native file dialogs, opened from Rust: the path of a file the user picks never comes from the web view. Every
//! dialog of the app goes through one of three functions: [`pick_file`] (a file to open), [`save_file`] (where to
//! save a file) and [`pick_folder`] (a folder to write into). A debug build answers them from `CINQ_E2E_PICK`
//! instead of showing them (see `e2e_answer`): the end-to-end tests cannot drive a native dialog. A release build
//! has no such hook.

use std::path::{Path, PathBuf};

use crate::state::Cmd;
use cinq_core::error::{ApiError, CoreError};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

fn picked(path: tauri_plugin_dialog::FilePath) -> Cmd<PathBuf> {
    path.into_path()
        .map_err(|e| ApiError::from(CoreError::Io(e.to_string())))
}

/// A file to open, among the files whose extension is one of `extensions` (the filter named `filter`). `None` when
/// the user cancels.
pub(crate) fn pick_file(
    app: &AppHandle,
    filter: &str,
    extensions: &[&str],
) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(answer) = e2e_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .add_filter(filter, extensions)
        .blocking_pick_file()
        .map(picked)
        .transpose()
}

/// Where to save a file, `file_name` suggested, with the filter `filter` of `extensions`. `None` when the user
/// cancels.
pub(crate) fn save_file(
    app: &AppHandle,
    file_name: &str,
    filter: &str,
    extensions: &[&str],
) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(answer) = e2e_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .add_filter(filter, extensions)
        .set_file_name(file_name)
        .blocking_save_file()
        .map(picked)
        .transpose()
}

/// A folder to write into. `None` when the user cancels.
pub(crate) fn pick_folder(app: &AppHandle) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(answer) = e2e_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .blocking_pick_folder()
        .map(picked)
        .transpose()
}

/// A picked file's name and bytes, read within the usual bounds.
pub(crate) fn read_picked(path: &Path) -> Cmd<(String, Vec<u8>)> {
    let bytes = cinq_core::io::read::read_file(path, cinq_core::io::read::Limits::default())
        .map_err(ApiError::from)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

/// In a debug build, the answer of the end-to-end tests to a dialog, when `CINQ_E2E_PICK` is set (`None` otherwise:
/// the dialog shows). The variable names the path picked, for every dialog; or, when it ends in `.pick`, a file read
/// at each dialog whose first line is the answer, an empty one meaning that the user cancelled. One test session
/// answers several dialogs differently by rewriting that file before each.
#[cfg(debug_assertions)]
fn e2e_answer() -> Option<Cmd<Option<PathBuf>>> {
    let var = std::env::var_os("CINQ_E2E_PICK").filter(|p| !p.is_empty())?;
    let path = PathBuf::from(var);
    if path.extension() != Some("pick".as_ref()) {
        return Some(Ok(Some(path)));
    }
    Some(
        std::fs::read_to_string(&path)
            .map(|text| answer_of(&text))
            .map_err(|e| {
                ApiError::from(CoreError::Io(format!(
                    "CINQ_E2E_PICK names {}, which cannot be read: {e}",
                    path.display()
                )))
            }),
    )
}

/// The answer a `.pick` file holds: its first line (without its line ending), none when it is empty.
#[cfg(any(debug_assertions, test))]
fn answer_of(text: &str) -> Option<PathBuf> {
    let first = text.lines().next().unwrap_or_default();
    (!first.is_empty()).then(|| PathBuf::from(first))
}

#[cfg(test)]
mod tests {
    use super::answer_of;
    use std::path::PathBuf;

    #[test]
    fn a_pick_file_answers_with_its_first_line_or_cancels_when_empty() {
        assert_eq!(answer_of(""), None);
        assert_eq!(answer_of("\n"), None);
        assert_eq!(answer_of("\r\n/tmp/ignored.csv\n"), None);
        assert_eq!(
            answer_of("/tmp/a b.csv"),
            Some(PathBuf::from("/tmp/a b.csv"))
        );
        assert_eq!(
            answer_of("/tmp/plan.csv\r\n/tmp/other.csv\n"),
            Some(PathBuf::from("/tmp/plan.csv"))
        );
    }
}
