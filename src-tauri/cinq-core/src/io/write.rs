//! Atomic writes of the files Cinq exports. Every export goes through [`write_file`] (one file) or [`write_folder`]
//! (a set of files, such as Hootsuite's one file per network):
//! - the bytes go to a temporary file created exclusively (`O_EXCL`, a random name, by the `tempfile` crate) in the
//!   target's own folder, so that a link planted under a predictable name is never followed;
//! - the temporary file is written and synced, then renamed over the target: a reader sees the old file or the new
//!   one, never a part;
//! - a target that exists keeps its permissions (a file of mode 600 stays 600); a new one gets the usual mode
//!   (0666 less the umask);
//! - a target that exists and is not a regular file (a device such as `/dev/null`, a folder, a FIFO, a socket, a
//!   symbolic link) is refused before anything is written.
//!
//! A symbolic link is refused rather than followed or replaced: following it writes wherever it points (the planted
//! link this module guards against), and replacing it silently turns the user's link into a plain file. The message
//! names the link, so the user can choose the file it points to.
//!
//! A folder export writes every file into a temporary folder inside the target folder and syncs them all before the
//! first one is put in place, so a full disk or any other failure while writing leaves the target folder as it was.
//! When the target folder does not exist yet, it is created first and removed again if the export fails.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

/// How a file's bytes are written; tests inject one that fails.
pub type Writer<'a> = dyn FnMut(&mut File, &[u8]) -> std::io::Result<()> + 'a;

fn plain_write(f: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    f.write_all(bytes)
}

fn cannot(path: &Path, reason: impl std::fmt::Display) -> CoreError {
    CoreError::Unwritable {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// What an existing path is, in words, when it is not a regular file.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a symbolic link (choose the file it points to)";
    }
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// The permissions the new file must have: those of the regular file it replaces, if any. Refuses a target that exists
/// and is not a regular file.
fn existing_permissions(path: &Path) -> Result<Option<std::fs::Permissions>> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(Some(meta.permissions())),
        Ok(meta) => Err(cannot(
            path,
            format!(
                "it is {}, not a regular file; nothing was written",
                kind_of(&meta)
            ),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(cannot(path, e)),
    }
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Syncs a folder, so that a rename in it survives a crash (a no-op where folders cannot be opened).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A temporary file in `dir`, created exclusively, with the mode a new file gets (0666 less the umask).
fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".cinq-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

/// Writes `bytes` to `path` atomically (see the module comment).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file_with(path, bytes, &mut plain_write)
}

/// [`write_file`] with the bytes written by `write` (for tests of the failure path).
#[doc(hidden)]
pub fn write_file_with(path: &Path, bytes: &[u8], write: &mut Writer) -> Result<()> {
    let keep = existing_permissions(path)?;
    let dir = folder_of(path);
    let mut tmp = temp_file_in(&dir).map_err(|e| cannot(path, e))?;
    // On any error below, `tmp` is dropped, which removes the temporary file.
    if let Some(perms) = keep {
        tmp.as_file()
            .set_permissions(perms)
            .map_err(|e| cannot(path, e))?;
    }
    write(tmp.as_file_mut(), bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| cannot(path, e))?;
    // Checked again just before the rename: the target may have changed since the first look.
    existing_permissions(path)?;
    tmp.persist(path).map_err(|e| cannot(path, e.error))?;
    sync_folder(&dir);
    Ok(())
}

/// Whether `name` is a plain file name: no separator, not `.` or `..`, no control character, not empty.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
}

/// Writes a set of files into the folder `dir` (created if missing), all or none (see the module comment). Each name
/// must be a plain file name.
pub fn write_folder(dir: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    write_folder_with(dir, files, &mut plain_write)
}

/// [`write_folder`] with the bytes written by `write` (for tests of the failure path).
#[doc(hidden)]
pub fn write_folder_with(dir: &Path, files: &[(&str, &[u8])], write: &mut Writer) -> Result<()> {
    for (name, _) in files {
        if !is_plain_name(name) {
            return Err(cannot(
                &dir.join(name),
                "the name is not a plain file name; nothing was written",
            ));
        }
    }
    // The folder the user chose may be reached through a link (it is their choice of place); the files in it may not.
    let exists = match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => true,
        Ok(m) => {
            return Err(cannot(
                dir,
                format!("it is {}, not a folder; nothing was written", kind_of(&m)),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(cannot(dir, e)),
    };
    if !exists {
        // Created with the usual mode (the umask applies); removed again, empty, if the export fails.
        std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
        let written = write_folder_in(dir, files, write);
        if written.is_err() {
            let _ = std::fs::remove_dir(dir);
        }
        return written;
    }
    write_folder_in(dir, files, write)
}

/// [`write_folder_with`] once `dir` is known to be a folder.
fn write_folder_in(dir: &Path, files: &[(&str, &[u8])], write: &mut Writer) -> Result<()> {
    let mut keep = Vec::with_capacity(files.len());
    for (name, _) in files {
        keep.push(existing_permissions(&dir.join(name))?);
    }
    let tmp = tempfile::Builder::new()
        .prefix(".cinq-export-")
        .tempdir_in(dir)
        .map_err(|e| cannot(dir, e))?;
    // On any error below, `tmp` is dropped, which removes the temporary folder and what is in it.
    for ((name, bytes), perms) in files.iter().zip(keep) {
        write_new(&tmp.path().join(name), bytes, perms, write)
            .map_err(|e| cannot(&dir.join(name), e))?;
    }
    sync_folder(tmp.path());
    for (name, _) in files {
        existing_permissions(&dir.join(name))?;
    }
    // Renames do not need free space: once every file is written, putting them in place cannot run out of it.
    for (name, _) in files {
        std::fs::rename(tmp.path().join(name), dir.join(name))
            .map_err(|e| cannot(&dir.join(name), e))?;
    }
    sync_folder(dir);
    Ok(())
}

/// Creates `path` exclusively, writes and syncs it.
fn write_new(
    path: &Path,
    bytes: &[u8],
    perms: Option<std::fs::Permissions>,
    write: &mut Writer,
) -> std::io::Result<()> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o666);
    }
    let mut f = o.open(path)?;
    if let Some(p) = perms {
        f.set_permissions(p)?;
    }
    write(&mut f, bytes)?;
    f.sync_all()
}

/// A safe part of a file name made of a user's name (a strategy's name, a network's key): letters, digits, spaces,
/// `-`, `_`, `(`, `)` and `.` are kept, anything else becomes `-`; no leading or trailing dot or dash; at most 80
/// characters; `export`
/// when nothing is left.
pub fn slug(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_().".contains(c) {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let clean = clean.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '.');
    if clean.is_empty() {
        "export".to_owned()
    } else {
        clean.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_names() {
        assert_eq!(slug("Café Lumière"), "Café Lumière");
        assert_eq!(slug("../../evil"), "evil");
        assert_eq!(slug("a/b\\c"), "a-b-c");
        assert_eq!(slug(".."), "export");
        assert_eq!(slug(""), "export");
        assert_eq!(slug("x\u{0}y"), "x-y");
        assert!(is_plain_name(&slug("..\u{202e}/..")));
        assert_eq!(slug(&"n".repeat(500)).chars().count(), 80);
    }
}
