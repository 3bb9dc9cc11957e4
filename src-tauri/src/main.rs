//! The `cinq` binary: with a subcommand it is the headless CLI (no window opens); without one it opens the app.

use std::io::Write;

use cinq_core::cli::{run, Outcome};

fn main() {
    let started = std::time::Instant::now();
    let outcome = {
        let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
        let (mut out, mut err) = (stdout.lock(), stderr.lock());
        let outcome = run(std::env::args_os(), &mut out, &mut err);
        let _ = out.flush();
        outcome
    };
    match outcome {
        Outcome::Exit(code) => std::process::exit(code),
        Outcome::OpenApp { db } => cinq_app::run(db, started),
    }
}
