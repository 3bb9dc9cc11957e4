//! Exports go through one atomic write (cinq_core::io::write): exclusive temporary file, synced, renamed; permissions
//! kept; anything but a regular file refused; a folder export all or nothing.

mod support;

/// `cinq --db DB ARGS`: (exit code, stderr).
fn cli(db: &Path, args: &[&str]) -> (i32, String) {
    let r = support::cinq(db, args);
    (r.code, r.err)
}

use std::path::Path;

use cinq_core::io::write::{write_file, write_file_with, write_folder, write_folder_with};

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_file_is_replaced_whole_and_nothing_is_left_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.csv");
    write_file(&path, b"one").unwrap();
    write_file(&path, b"two").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    assert_eq!(entries(dir.path()), ["plan.csv"]);
}

#[cfg(unix)]
#[test]
fn an_exported_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.csv");
    std::fs::write(&path, b"old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_file(&path, b"new").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_failed_write_leaves_the_target_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.csv");
    std::fs::write(&path, b"old").unwrap();
    let e = write_file_with(&path, b"new", &mut |_, _| {
        Err(std::io::Error::other("no space left on device"))
    })
    .unwrap_err();
    assert!(e.to_string().contains("no space left"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(entries(dir.path()), ["plan.csv"]);
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // A folder.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let e = write_file(&folder, b"x").unwrap_err().to_string();
    assert!(
        e.contains("a folder") && e.contains("nothing was written"),
        "{e}"
    );
    // A device.
    let e = write_file(Path::new("/dev/null"), b"x")
        .unwrap_err()
        .to_string();
    assert!(e.contains("a device"), "{e}");
    // A FIFO (made with mkfifo when the system has it).
    let fifo = dir.path().join("fifo");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let e = write_file(&fifo, b"x").unwrap_err().to_string();
        assert!(e.contains("FIFO"), "{e}");
    }
    // A symbolic link, even to a regular file: refused, and what it points to is untouched.
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"keep").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let e = write_file(&link, b"x").unwrap_err().to_string();
    assert!(e.contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let mut left = entries(dir.path());
    left.retain(|n| n.starts_with(".cinq"));
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.csv");
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"keep").unwrap();
    // The name the old code used: <out>.<pid>.tmp.
    let planted = dir
        .path()
        .join(format!("plan.csv.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    write_file(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

#[test]
fn a_folder_export_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("a.csv"), b"old a").unwrap();
    let files: [(&str, &[u8]); 3] = [
        ("a.csv", b"new a"),
        ("b.csv", b"new b"),
        ("c.csv", b"new c"),
    ];
    // The second write fails (a full disk, say): nothing changes, nothing is left behind.
    let mut n = 0;
    let e = write_folder_with(&out, &files, &mut |f, bytes| {
        n += 1;
        if n == 2 {
            return Err(std::io::Error::other("no space left on device"));
        }
        std::io::Write::write_all(f, bytes)
    })
    .unwrap_err();
    assert!(e.to_string().contains("b.csv"), "{e}");
    assert_eq!(entries(&out), ["a.csv"]);
    assert_eq!(std::fs::read(out.join("a.csv")).unwrap(), b"old a");
    // A folder that did not exist is not left behind either.
    let fresh = dir.path().join("fresh");
    let mut n = 0;
    write_folder_with(&fresh, &files, &mut |f, bytes| {
        n += 1;
        if n == 3 {
            return Err(std::io::Error::other("no space left on device"));
        }
        std::io::Write::write_all(f, bytes)
    })
    .unwrap_err();
    assert!(!fresh.exists());
    // And then it works.
    write_folder(&out, &files).unwrap();
    assert_eq!(entries(&out), ["a.csv", "b.csv", "c.csv"]);
    assert_eq!(std::fs::read(out.join("c.csv")).unwrap(), b"new c");
    write_folder(&fresh, &files).unwrap();
    assert_eq!(entries(&fresh), ["a.csv", "b.csv", "c.csv"]);
}

#[test]
fn a_folder_export_refuses_a_name_that_is_a_path() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["../evil.csv", "a/b.csv", "..", "", "x\u{0}.csv"] {
        let files: [(&str, &[u8]); 2] = [("ok.csv", b"x"), (bad, b"x")];
        assert!(write_folder(dir.path(), &files).is_err(), "{bad:?}");
    }
    assert!(entries(dir.path()).is_empty());
    assert!(!dir.path().parent().unwrap().join("evil.csv").exists());
}

#[cfg(unix)]
#[test]
fn the_cli_exports_refuse_what_is_not_a_regular_file_and_keep_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cli(&db, &["sample"]).0, 0);
    let (code, err) = cli(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "ics",
            "--out",
            "/dev/null",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("/dev/null") && err.contains("a device"),
        "{err}"
    );
    let (code, err) = cli(
        &db,
        &[
            "strategy",
            "export",
            "1",
            "--out",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("a folder"), "{err}");
    // A file of mode 600 stays 600, for every export.
    let out = dir.path().join("plan.csv");
    std::fs::write(&out, b"old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, err) = cli(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "cinq-csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let json = dir.path().join("plan.json");
    std::fs::write(&json, b"old").unwrap();
    std::fs::set_permissions(&json, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, err) = cli(
        &db,
        &["strategy", "export", "1", "--out", json.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(&json).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // A Hootsuite export into a folder: one file per network, nothing else left in it.
    let folder = dir.path().join("hootsuite");
    let (code, err) = cli(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "hootsuite",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let names = entries(&folder);
    assert!(
        !names.is_empty()
            && names
                .iter()
                .all(|n| n.ends_with(".csv") && !n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn an_export_goes_to_a_folder_for_hootsuite_and_to_one_file_otherwise() {
    use cinq_core::calendar::export::{write_to_file, write_to_folder, ExportFile, ExportFormat};
    for format in [
        ExportFormat::CinqCsv,
        ExportFormat::GoogleCsv,
        ExportFormat::OutlookCsv,
        ExportFormat::Sprout,
        ExportFormat::Ics,
    ] {
        assert!(!format.to_folder(), "{format:?}");
    }
    assert!(ExportFormat::Hootsuite.to_folder());

    let file = |name: &str| ExportFile {
        name: name.into(),
        bytes: name.as_bytes().to_vec(),
    };
    assert_eq!(file("calendar.ics").extension(), "ics");
    assert_eq!(file("brand.google.csv").extension(), "csv");
    assert_eq!(file("calendar").extension(), "csv");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ics");
    assert_eq!(
        write_to_file(&path, &file("calendar.ics")).unwrap(),
        path.display().to_string()
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"calendar.ics");

    let folder = dir.path().join("hootsuite");
    std::fs::create_dir(&folder).unwrap();
    let files = [file("x.csv"), file("linkedin.csv")];
    let written = write_to_folder(&folder, &files).unwrap();
    assert_eq!(
        written,
        vec![
            folder.join("x.csv").display().to_string(),
            folder.join("linkedin.csv").display().to_string()
        ]
    );
    assert_eq!(entries(&folder), ["linkedin.csv", "x.csv"]);
    assert_eq!(std::fs::read(folder.join("x.csv")).unwrap(), b"x.csv");
}
