//! The headless CLI: `cinq <subcommand>`. The app binary calls [`run`] first; without a subcommand it opens the window.
//!
//! Exit codes: 0 success, 2 usage error, 1 any other error, with one line on stderr. `--json` prints only JSON.
//!
//! Owns: the subcommands' arguments (`args.rs`, the only module that knows clap), what each runs, and the text it
//! prints (`print.rs`). Must not: hold a rule of its own (it calls the same `Store` methods the app's commands do), nor
//! be used by any other module; only the app, `strategy create`, `strategy import` and `sample` create a database.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use serde::Serialize;

use crate::adapt::evaluate::today_of;
use crate::error::{CoreError, Result};
use crate::model::{Language, StrategyInput};
use crate::store::Store;
use crate::strategy::system_timezone;

mod args;
mod print;

pub use args::*;
use print::*;

/// What the binary should do after parsing its arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A subcommand ran (or help/version/usage error was printed): exit with this code.
    Exit(i32),
    /// No subcommand: open the window on this database (`None`: the default place).
    OpenApp { db: Option<PathBuf> },
}

/// Parses `args` (the first is the program name) and runs a subcommand, writing to `out` and `err`.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = write!(out, "{}", e.render());
                    Outcome::Exit(0)
                }
                _ => {
                    // clap explains over several lines, then shows the usage: keep the explanation, on one line.
                    let text = e.render().to_string();
                    let what: Vec<&str> = text
                        .lines()
                        .take_while(|l| {
                            !l.starts_with("Usage:") && !l.starts_with("For more information")
                        })
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
                        .collect();
                    let what = what.join(" ");
                    let what = what.trim_start_matches("error: ");
                    let _ = writeln!(err, "cinq: {what} (see 'cinq --help')");
                    Outcome::Exit(2)
                }
            };
        }
    };
    let Some(command) = cli.command else {
        return Outcome::OpenApp { db: cli.db };
    };
    // Last resort: a panic is an error line and exit 1, never exit 101 (see `quiet_panics`).
    let ran = quiet_panics(|| execute(command, Store::resolve_path(cli.db), out));
    match ran {
        Ok(()) => Outcome::Exit(0),
        Err(e) => {
            let _ = writeln!(err, "cinq: {}", e.to_string().replace('\n', " "));
            Outcome::Exit(1)
        }
    }
}

thread_local! {
    /// Set while this thread runs a CLI command under [`quiet_panics`].
    static IN_COMMAND: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into [`CoreError::Internal`]. While it runs, the panic hook prints nothing on this thread:
/// the user gets one error line (`cinq: internal error …`) from `run`, not Rust's report. A developer who sets
/// `RUST_BACKTRACE` still gets Rust's report (and the backtrace), and so does any other thread or a test's own
/// assertion, so tests that call `run` in the same process keep their failure messages.
fn quiet_panics<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let developer = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
            if developer || !IN_COMMAND.with(std::cell::Cell::get) {
                default(info);
            }
        }));
    });
    let was = IN_COMMAND.with(|c| c.replace(true));
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    IN_COMMAND.with(|c| c.set(was));
    ran.unwrap_or_else(|panic| Err(crate::error::internal_from_panic(&*panic)))
}

fn print_json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CoreError::Io(format!("cannot encode JSON: {e}")))?;
    writeln!(out, "{text}").map_err(io)
}

fn io(e: std::io::Error) -> CoreError {
    CoreError::Io(e.to_string())
}

/// What a command needs of the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DbAccess {
    /// It only reads: a file that cannot be written is opened read-only.
    Read,
    /// It writes an existing file.
    Write,
    /// It writes, and creates the file when it is missing.
    Create,
}

/// Every command's access, in one place. Only the commands that make a database create a missing file: a typo in
/// `--db` is an error naming the path. A command not listed (a new one) needs an existing file it can write.
fn db_access(command: &Command) -> DbAccess {
    match command {
        Command::Strategy(StrategyCommand::Create { .. } | StrategyCommand::Import { .. })
        | Command::Sample { .. } => DbAccess::Create,
        Command::Strategy(
            StrategyCommand::List { .. }
            | StrategyCommand::Show { .. }
            | StrategyCommand::Export { .. },
        )
        | Command::Audit(AuditCommand::Show { .. })
        | Command::Benchmark(BenchmarkCommand::Show { .. })
        | Command::Objectives(ObjectivesCommand::Show { .. })
        | Command::Calendar(
            CalendarCommand::Export { .. }
            | CalendarCommand::Show(_)
            | CalendarCommand::Check(_)
            | CalendarCommand::Plan { dry_run: true, .. },
        )
        | Command::Results(ResultsCommand::BestTimes { .. })
        | Command::Evaluate { .. } => DbAccess::Read,
        _ => DbAccess::Write,
    }
}

fn execute(command: Command, db: PathBuf, out: &mut dyn Write) -> Result<()> {
    if let Command::Abtest {
        metric_a,
        metric_b,
        more,
        unit,
        json,
    } = command
    {
        return abtest(metric_a, metric_b, &more, &unit, json, out);
    }
    if let Command::Backup(cmd) = command {
        return backup(cmd, &db, out);
    }
    let mut store = match db_access(&command) {
        DbAccess::Create => Store::open(&db)?,
        DbAccess::Write => Store::open_existing(&db, false)?,
        DbAccess::Read => Store::open_existing(&db, true)?,
    };
    match command {
        Command::Abtest { .. } | Command::Backup(_) => unreachable!("handled above"),
        Command::Evaluate {
            strategy,
            from,
            to,
            json,
        } => {
            let s = store.find_strategy(&strategy)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let (from, to) = (day(from), day(to));
            let e = store.evaluate(s.id, from.as_deref(), to.as_deref(), today_of(&s))?;
            let tests = store.ab_tests(s.id)?;
            if json {
                #[derive(Serialize)]
                struct Out<'a> {
                    #[serde(flatten)]
                    evaluation: &'a crate::adapt::evaluate::Evaluation,
                    tests: &'a [crate::adapt::abtests::AbTest],
                }
                print_json(
                    out,
                    &Out {
                        evaluation: &e,
                        tests: &tests,
                    },
                )
            } else {
                print_evaluation(out, &s.name, &e, &tests).map_err(io)
            }
        }
        Command::Results(ResultsCommand::Import {
            strategy,
            file,
            skip_invalid,
            dry_run,
            date,
            json,
        }) => {
            let s = store.find_strategy(&strategy)?;
            let bytes = crate::io::read::read_file(&file, crate::io::read::Limits::default())?;
            let options = crate::adapt::results_import::ResultsImportOptions {
                skip_invalid,
                dry_run,
                taken_on: date.map(|d| d.format("%Y-%m-%d").to_string()),
            };
            let name = file.display().to_string();
            let report = store.import_results(s.id, &name, &bytes, &options, &mut |_, _| true)?;
            if json {
                print_json(out, &report)?;
            } else {
                print_results_import(out, &s.name, &report).map_err(io)?;
            }
            if report.error_count > 0 && !skip_invalid && !dry_run {
                return Err(CoreError::InvalidFile(format!(
                    "{name}: {}, nothing was imported (use --skip-invalid to import the good rows)",
                    crate::words::count_en(report.error_count as usize, "bad row", "bad rows")
                )));
            }
            Ok(())
        }
        Command::Results(ResultsCommand::BestTimes {
            strategy,
            network,
            json,
        }) => {
            let s = store.find_strategy(&strategy)?;
            let b = store.best_times(s.id, network.as_deref())?;
            if json {
                print_json(out, &b)
            } else {
                print_best_times(out, &s.name, &b).map_err(io)
            }
        }
        Command::Sample { size, posts, json } => {
            let s = match size {
                SampleSize::Normal => store.create_sample()?,
                SampleSize::Large => store.create_large_sample(posts)?,
            };
            if json {
                print_json(out, &s)
            } else {
                writeln!(out, "Added the sample strategy '{}' (id {}).", s.name, s.id).map_err(io)
            }
        }
        Command::Strategy(cmd) => strategy(cmd, &mut store, out),
        Command::Calendar(CalendarCommand::Export {
            strategy,
            format,
            from,
            to,
            networks,
            statuses,
            delimiter,
            bom,
            out: path,
        }) => {
            use crate::calendar::export::{Delimiter, ExportFormat, ExportOptions};
            let format = ExportFormat::from(format);
            let s = store.find_strategy(&strategy)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let files = store.export_calendar(
                s.id,
                &ExportOptions {
                    format,
                    from: day(from),
                    to: day(to),
                    networks,
                    statuses,
                    delimiter: match delimiter {
                        DelimiterArg::Comma => Delimiter::Comma,
                        DelimiterArg::Semicolon => Delimiter::Semicolon,
                    },
                    bom,
                },
            )?;
            if format == ExportFormat::Hootsuite {
                let set: Vec<(&str, &[u8])> = files
                    .iter()
                    .map(|f| (f.name.as_str(), f.bytes.as_slice()))
                    .collect();
                crate::io::write::write_folder(&path, &set)?;
                writeln!(
                    out,
                    "Wrote {} in {}.",
                    crate::words::count_en(files.len(), "file", "files"),
                    path.display()
                )
                .map_err(io)
            } else {
                let f = files
                    .first()
                    .ok_or_else(|| CoreError::Io("nothing to write".to_owned()))?;
                crate::io::write::write_file(&path, &f.bytes)?;
                writeln!(out, "Wrote {}.", path.display()).map_err(io)
            }
        }
        Command::Calendar(CalendarCommand::Import {
            strategy,
            file,
            json,
        }) => {
            let s = store.find_strategy(&strategy)?;
            let bytes = crate::io::read::read_file(&file, crate::io::read::Limits::default())?;
            let report = store.import_calendar_csv(s.id, &file.display().to_string(), &bytes)?;
            if json {
                print_json(out, &report)
            } else {
                writeln!(
                    out,
                    "Imported {} into '{}' (created {}, {}, {}).",
                    crate::words::count_en(report.posts as usize, "post", "posts"),
                    s.name,
                    crate::words::count_en(report.created_topics as usize, "topic", "topics"),
                    crate::words::count_en(
                        report.created_objectives as usize,
                        "objective",
                        "objectives"
                    ),
                    report.created_editorial
                )
                .map_err(io)
            }
        }
        Command::Calendar(CalendarCommand::Show(CalendarPeriod {
            strategy,
            from,
            to,
            json,
        })) => {
            let s = store.find_strategy(&strategy)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let (from, to) = (day(from), day(to));
            let cal = store.calendar(s.id, from.as_deref(), to.as_deref())?;
            if json {
                print_json(out, &cal)
            } else {
                print_calendar(out, &s.name, &cal).map_err(io)
            }
        }
        Command::Calendar(CalendarCommand::Check(CalendarPeriod {
            strategy,
            from,
            to,
            json,
        })) => {
            let s = store.find_strategy(&strategy)?;
            let checks = store.scoped_checks(s.id, from, to, &Default::default())?;
            if json {
                print_json(out, &checks)
            } else {
                print_calendar_checks(out, &s.name, &checks).map_err(io)
            }
        }
        Command::Calendar(CalendarCommand::Plan {
            strategy,
            from,
            to,
            networks,
            avoid,
            recycle,
            cooldown,
            dry_run,
            json,
        }) => {
            let s = store.find_strategy(&strategy)?;
            let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
            let request = crate::calendar::plan::PlanRequest {
                from: day(from),
                to: day(to),
                networks,
                avoid: avoid.into_iter().map(day).collect(),
                recycle,
                cooldown_days: Some(cooldown),
            };
            let plan = store.plan_period(s.id, &request, today_of(&s))?;
            let ids: Vec<Option<i64>> = if dry_run || plan.posts.is_empty() {
                vec![None; plan.posts.len()]
            } else {
                store
                    .accept_plan(s.id, &plan.posts)?
                    .into_iter()
                    .map(|p| Some(p.id))
                    .collect()
            };
            let written = !dry_run && !plan.posts.is_empty();
            if json {
                #[derive(Serialize)]
                struct Planned<'a> {
                    id: Option<i64>,
                    #[serde(flatten)]
                    post: &'a crate::calendar::plan::ProposedPost,
                }
                #[derive(Serialize)]
                struct Out<'a> {
                    posts: Vec<Planned<'a>>,
                    written: bool,
                    notes: &'a [crate::findings::Text],
                }
                print_json(
                    out,
                    &Out {
                        posts: ids
                            .iter()
                            .zip(&plan.posts)
                            .map(|(id, post)| Planned { id: *id, post })
                            .collect(),
                        written,
                        notes: &plan.notes,
                    },
                )
            } else {
                print_plan(out, &s.name, &plan, written).map_err(io)
            }
        }
        Command::Objectives(ObjectivesCommand::Show { strategy, json }) => {
            let s = store.find_strategy(&strategy)?;
            let view = store.objectives_view(s.id, today_of(&s))?;
            if json {
                print_json(out, &view)
            } else {
                print_objectives(out, &s.name, &view).map_err(io)
            }
        }
        Command::Benchmark(BenchmarkCommand::Show { strategy, json }) => {
            let s = store.find_strategy(&strategy)?;
            let view = store.benchmark_view(s.id)?;
            if json {
                print_json(out, &view)
            } else {
                print_benchmark(out, &s.name, &view).map_err(io)
            }
        }
        Command::Audit(AuditCommand::Show { strategy, json }) => {
            let s = store.find_strategy(&strategy)?;
            let view = store.audit_view(s.id, today_of(&s))?;
            if json {
                print_json(out, &view)
            } else {
                print_audit(out, &s.name, &view).map_err(io)
            }
        }
    }
}

fn abtest(
    a: (u64, u64),
    b: (u64, u64),
    more: &[(u64, u64)],
    unit: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::adapt::stats::{compare_all, verdict, Variant};
    let variants: Vec<Variant> = [a, b]
        .iter()
        .chain(more)
        .enumerate()
        .map(|(i, (s, t))| {
            let name = char::from(b'A' + u8::try_from(i.min(25)).unwrap_or(25)).to_string();
            Variant::new(&name, *s, *t)
        })
        .collect();
    let comparisons = compare_all(&variants)?;
    let unit = crate::findings::Text {
        en: unit.to_owned(),
        fr: unit.to_owned(),
    };
    let verdicts: Vec<crate::findings::Text> =
        comparisons.iter().map(|c| verdict(c, &unit)).collect();
    if json {
        #[derive(Serialize)]
        struct Out<'a> {
            variants: &'a [Variant],
            comparisons: Vec<serde_json::Value>,
        }
        let comparisons = comparisons
            .iter()
            .zip(&verdicts)
            .map(|(c, v)| {
                let mut value = serde_json::to_value(c).unwrap_or_default();
                value["verdict"] = serde_json::to_value(v).unwrap_or_default();
                value
            })
            .collect();
        return print_json(
            out,
            &Out {
                variants: &variants,
                comparisons,
            },
        );
    }
    for v in &variants {
        writeln!(
            out,
            "{}: {}/{} = {:.2} %",
            v.name,
            v.successes,
            v.trials,
            v.rate() * 100.0
        )
        .map_err(io)?;
    }
    for (c, v) in comparisons.iter().zip(&verdicts) {
        writeln!(
            out,
            "{} vs {}: difference {:+.2} points (95 % CI {:+.2} to {:+.2}), p = {:.4}{} ({})\n  {}",
            c.variant.name,
            c.control.name,
            c.difference * 100.0,
            c.difference_low * 100.0,
            c.difference_high * 100.0,
            c.p_value,
            if variants.len() > 2 {
                format!(", Holm-adjusted p = {:.4}", c.adjusted_p_value)
            } else {
                String::new()
            },
            enum_name(&c.test),
            v.en
        )
        .map_err(io)?;
    }
    Ok(())
}

fn strategy(cmd: StrategyCommand, store: &mut Store, out: &mut dyn Write) -> Result<()> {
    match cmd {
        StrategyCommand::List { json } => {
            let list = store.list_strategies()?;
            if json {
                return print_json(out, &list);
            }
            if list.is_empty() {
                return writeln!(
                    out,
                    "No strategies yet. Create one with 'cinq strategy create --name NAME'."
                )
                .map_err(io);
            }
            writeln!(
                out,
                "{:>5}  {:<40}  {:<24}  {:>5}  updated",
                "id", "name", "organisation", "steps"
            )
            .map_err(io)?;
            for s in list {
                writeln!(
                    out,
                    "{:>5}  {:<40}  {:<24}  {:>3}/5  {}",
                    s.id,
                    s.name,
                    s.organisation,
                    s.completed_steps,
                    s.updated_at.get(..10).unwrap_or(&s.updated_at)
                )
                .map_err(io)?;
            }
            Ok(())
        }
        StrategyCommand::Create {
            name,
            organisation,
            sector,
            language,
            timezone,
            start_date,
            json,
        } => {
            let s = store.create_strategy(&StrategyInput {
                name,
                organisation,
                sector,
                language: match language {
                    LanguageArg::En => Language::En,
                    LanguageArg::Fr => Language::Fr,
                },
                timezone: timezone.unwrap_or_else(system_timezone),
                start_date: start_date.unwrap_or_else(|| {
                    chrono::Local::now()
                        .date_naive()
                        .format("%Y-%m-%d")
                        .to_string()
                }),
            })?;
            if json {
                print_json(out, &s)
            } else {
                writeln!(out, "Created strategy '{}' (id {}).", s.name, s.id).map_err(io)
            }
        }
        StrategyCommand::Show { strategy, json } => {
            let s = store.find_strategy(&strategy)?;
            if json {
                return print_json(out, &s);
            }
            let done: Vec<&str> = s
                .steps
                .iter()
                .filter(|st| st.completed)
                .map(|st| st.step.as_str())
                .collect();
            writeln!(out, "{} (id {})", s.name, s.id).map_err(io)?;
            // Stored dates the migration could not repair (stored_dates.rs): listed first, one a line.
            let problems = crate::store::stored_dates::problems(store.conn(), Some(s.id))?;
            if !problems.is_empty() {
                writeln!(
                    out,
                    "  {} Cinq cannot read (fix {} in the app):",
                    crate::words::count_en(
                        problems.len(),
                        "stored date or time",
                        "stored dates or times"
                    ),
                    crate::words::en(problems.len(), "it", "them")
                )
                .map_err(io)?;
                for p in &problems {
                    writeln!(out, "    {}", p.message()).map_err(io)?;
                }
            }
            for (k, v) in [
                ("organisation", s.organisation.as_str()),
                ("sector", s.sector.as_str()),
                ("language", s.language.as_str()),
                ("time zone", s.timezone.as_str()),
                ("start date", s.start_date.as_str()),
                ("current step", s.current_step.as_str()),
            ] {
                writeln!(out, "  {k:<14}{v}").map_err(io)?;
            }
            writeln!(
                out,
                "  {:<14}{}",
                "completed",
                if done.is_empty() {
                    "none".to_owned()
                } else {
                    done.join(", ")
                }
            )
            .map_err(io)
        }
        StrategyCommand::Export {
            strategy,
            out: path,
        } => {
            let s = store.find_strategy(&strategy)?;
            store.export_strategy_to(s.id, &path)?;
            writeln!(out, "Exported '{}' to {}.", s.name, path.display()).map_err(io)
        }
        StrategyCommand::Import { file, json } => {
            let s = store.import_strategy_from(&file)?;
            if json {
                print_json(out, &s)
            } else {
                writeln!(out, "Imported '{}' (id {}).", s.name, s.id).map_err(io)
            }
        }
    }
}

/// `cinq backup …`: listing and restoring need no open store (a restore needs the file to itself).
fn backup(cmd: BackupCommand, db: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    use crate::store::backup::{backups_dir, list, restore, BackupInfo};
    let line = |b: &BackupInfo| {
        let when = chrono::DateTime::parse_from_rfc3339(&b.created_at)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
            .unwrap_or_else(|_| b.created_at.clone());
        let reason = match b.from_version {
            Some(v) => format!("{} (from version {v})", b.reason.label()),
            None => b.reason.label().to_owned(),
        };
        let what = if !b.readable {
            "unreadable".to_owned()
        } else if b.strategies.is_empty() {
            "no strategies".to_owned()
        } else {
            let n = b.strategies.len();
            let names: Vec<String> = b
                .strategies
                .iter()
                .map(|s| crate::error::quote(s))
                .collect();
            format!(
                "{n} strateg{}: {}",
                if n == 1 { "y" } else { "ies" },
                names.join(", ")
            )
        };
        format!(
            "{}  {when}  {reason:<33}  {:>9}  {what}",
            b.name,
            size_label(b.size)
        )
    };
    match cmd {
        BackupCommand::List { json } => {
            if !db.exists() {
                return Err(CoreError::NotFound(format!(
                    "there is no database at {}",
                    db.display()
                )));
            }
            let all = list(db)?;
            if json {
                return print_json(out, &all);
            }
            let dir = backups_dir(db);
            if all.is_empty() {
                return writeln!(out, "No backups yet in {}.", dir.display()).map_err(io);
            }
            writeln!(
                out,
                "{} in {}, newest first:",
                crate::words::count_en(all.len(), "backup", "backups"),
                dir.display()
            )
            .map_err(io)?;
            for b in &all {
                writeln!(out, "{}", line(b)).map_err(io)?;
            }
            Ok(())
        }
        BackupCommand::Create { json } => {
            if !db.exists() {
                return Err(CoreError::NotFound(format!(
                    "there is no database at {}",
                    db.display()
                )));
            }
            let b = Store::open(db)?.backup_now()?;
            if json {
                print_json(out, &b)
            } else {
                writeln!(out, "Backed up to {}", b.path).map_err(io)?;
                writeln!(out, "{}", line(&b)).map_err(io)
            }
        }
        BackupCommand::Restore { file, json } => {
            let report = restore(db, &file)?;
            // Open it once: an older copy is migrated now (with its own copy first), not at the next command.
            drop(Store::open(db)?);
            if json {
                return print_json(out, &report);
            }
            writeln!(
                out,
                "Restored {} into {}.",
                report.restored.name,
                db.display()
            )
            .map_err(io)?;
            writeln!(out, "{}", line(&report.restored)).map_err(io)?;
            if let Some(kept) = &report.kept {
                writeln!(out, "The data it replaced is kept as {}.", kept.name).map_err(io)?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod panic_tests {
    #[test]
    fn a_panic_in_a_command_is_an_internal_error() {
        let e = super::quiet_panics(|| -> crate::error::Result<()> { panic!("boom {}", 1) })
            .unwrap_err();
        assert_eq!(e.code(), crate::error::ErrorCode::Internal);
        assert!(e.to_string().contains("boom 1"), "{e}");
        // And the next command runs as usual.
        assert_eq!(super::quiet_panics(|| Ok(2)).unwrap(), 2);
    }
}
