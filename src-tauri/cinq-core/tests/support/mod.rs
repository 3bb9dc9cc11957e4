//! What the integration tests share (`mod support;` in each): the CLI run as the binary runs it, and this test binary
//! started again as a child process. Each test target uses part of it.
#![allow(dead_code)]

use std::path::Path;

use cinq_core::cli::{run, Outcome};

/// What a CLI command printed, and its exit code.
pub struct Ran {
    pub code: i32,
    pub out: String,
    pub err: String,
}

/// `cinq ARGS` through `cli::run`, as the binary runs it.
pub fn run_cli(args: &[&str]) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = match run(
        std::iter::once("cinq").chain(args.iter().copied()),
        &mut out,
        &mut err,
    ) {
        Outcome::Exit(c) => c,
        other => panic!("expected an exit, got {other:?}"),
    };
    Ran {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

/// `cinq --db DB ARGS`.
pub fn cinq(db: &Path, args: &[&str]) -> Ran {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    run_cli(&all)
}

/// This test binary again, running the ignored test `name` alone, with `env` set.
pub fn child(name: &str, env: &[(&str, &std::ffi::OsStr)]) -> std::process::Command {
    child_of(&std::env::current_exe().unwrap(), name, env)
}

/// As [`child`], from the test binary at `exe` (a copy another user can reach).
pub fn child_of(exe: &Path, name: &str, env: &[(&str, &std::ffi::OsStr)]) -> std::process::Command {
    let mut c = std::process::Command::new(exe);
    c.args([
        "--exact",
        name,
        "--ignored",
        "--nocapture",
        "--test-threads",
        "1",
    ]);
    for (k, v) in env {
        c.env(k, v);
    }
    c
}
