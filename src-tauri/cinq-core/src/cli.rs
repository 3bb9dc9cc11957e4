//! The headless CLI: `cinq <subcommand>`. The app binary calls [`run`] first; without a subcommand it opens the window.
//!
//! Exit codes: 0 success, 2 usage error, 1 any other error, with one line on stderr. `--json` prints only JSON.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::error::{CoreError, Result};
use crate::model::{Language, StrategyInput};
use crate::store::Store;
use crate::strategy::system_timezone;

#[derive(Debug, Parser)]
#[command(
    name = "cinq",
    version = crate::VERSION,
    about = "Cinq: from a blank page to a working social media strategy in five steps.",
    long_about = "Cinq: from a blank page to a working social media strategy in five steps.\n\n\
                  Without a subcommand, Cinq opens its window. With one, it runs headless and no window opens."
)]
pub struct Cli {
    /// The database file (default: CINQ_DB, else cinq.sqlite3 in the OS application-data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, show, export and import strategies.
    #[command(subcommand)]
    Strategy(StrategyCommand),
    /// Step 1: the audit.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Step 2: the benchmark.
    #[command(subcommand)]
    Benchmark(BenchmarkCommand),
    /// Step 3: objectives, missions, the content mix and the measurement plan.
    #[command(subcommand)]
    Objectives(ObjectivesCommand),
    /// Step 4: the calendar.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Step 5: import the results the networks export; the best times to post.
    #[command(subcommand)]
    Results(ResultsCommand),
    /// Step 5: each objective's status, the underperformers and the A/B tests' verdicts.
    Evaluate {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        /// The first day of the period, YYYY-MM-DD (default: the strategy's start).
        #[arg(long, value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        /// The last day, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Compare the variants of an A/B test: SUCCESSES/TRIALS each (e.g. clicks/impressions). No database needed.
    Abtest {
        /// The control, A: SUCCESSES/TRIALS.
        #[arg(long, value_name = "SUCCESSES/TRIALS", value_parser = parse_variant)]
        metric_a: (u64, u64),
        /// The variant B: SUCCESSES/TRIALS.
        #[arg(long, value_name = "SUCCESSES/TRIALS", value_parser = parse_variant)]
        metric_b: (u64, u64),
        /// More variants, C, D…, each compared with A (Holm's correction applies).
        #[arg(long = "metric", value_name = "SUCCESSES/TRIALS", value_parser = parse_variant)]
        more: Vec<(u64, u64)>,
        /// What the trials are, in the plural, for the verdict.
        #[arg(long, default_value = "impressions")]
        unit: String,
        #[arg(long)]
        json: bool,
    },
    /// Add the sample strategy.
    Sample {
        /// `large`: a strategy with 10,000 posts over a year on 8 networks, for benchmarks.
        #[arg(long, value_enum, default_value = "normal")]
        size: SampleSize,
        /// With `--size large`: how many posts.
        #[arg(long, default_value_t = crate::sample::LARGE_SAMPLE_POSTS, hide = true)]
        posts: usize,
        #[arg(long)]
        json: bool,
    },
    /// List, take and restore the copies of the database (in the `backups` folder beside it).
    #[command(subcommand)]
    Backup(BackupCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SampleSize {
    Normal,
    Large,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Print the audit of a strategy with its findings.
    Show {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchmarkCommand {
    /// Print the benchmark of a strategy with its comparison and findings.
    Show {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ObjectivesCommand {
    /// Print the objectives, missions, content mix and measurement plan of a strategy, with every finding.
    Show {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DelimiterArg {
    #[value(name = ",")]
    Comma,
    #[value(name = ";")]
    Semicolon,
}

#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// Import an export of X, Meta Business Suite (Facebook, Instagram) or LinkedIn (.xlsx), recognised by its
    /// columns; rows are matched to planned posts, the others kept as unplanned posts. One transaction.
    Import {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Import the good rows even though some are bad (by default nothing is imported while a row is bad).
        #[arg(long)]
        skip_invalid: bool,
        /// Report what the import would do, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The day the numbers are from, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// The best times to post on each network (weekday × hour, in the strategy's time zone), learned from the
    /// published posts' results: each slot's rate (engagements per reach) with its 90 % interval and its posts.
    BestTimes {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        /// Only this network (its key, e.g. linkedin).
        #[arg(long, value_name = "KEY")]
        network: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// `SUCCESSES/TRIALS`, two whole numbers.
fn parse_variant(s: &str) -> std::result::Result<(u64, u64), String> {
    let (a, b) = s
        .split_once('/')
        .ok_or_else(|| format!("expected SUCCESSES/TRIALS, like 42/1000, not '{s}'"))?;
    let n = |x: &str| {
        x.trim()
            .parse::<u64>()
            .map_err(|_| format!("expected whole numbers in SUCCESSES/TRIALS, not '{s}'"))
    };
    Ok((n(a)?, n(b)?))
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Export the calendar: Cinq CSV, Google or Outlook CSV, Hootsuite or Sprout bulk CSV, or iCalendar.
    Export {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long, value_enum)]
        format: crate::calendar::export::ExportFormat,
        /// The first day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        /// The last day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
        /// Only this network (repeat for several).
        #[arg(long = "network", value_name = "KEY")]
        networks: Vec<String>,
        /// Only this status (repeat for several): idea, draft, ready, scheduled, published.
        #[arg(long = "status", value_name = "STATUS", value_parser = parse_status)]
        statuses: Vec<crate::calendar::PostStatus>,
        #[arg(long, value_enum, default_value = ",")]
        delimiter: DelimiterArg,
        /// Start the file with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// The file to write; for Hootsuite, a folder (one file per network).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Import a Cinq CSV into a strategy's calendar, in one transaction.
    Import {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Print the calendar over a period (by default all of it): editorial items, posts by date, then the ideas.
    Show(CalendarPeriod),
    /// Print every live-check finding of the calendar over a period, or, by default, over the whole plan (from its
    /// first to its last post: what the app's checks show as "Whole plan").
    Check(CalendarPeriod),
    /// Plan a period: propose the posts it needs so that the checks find nothing, each with its reason, and write
    /// them as planned drafts (posts already there count and stay as they are).
    Plan {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        /// The first day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        from: chrono::NaiveDate,
        /// The last day, YYYY-MM-DD (a year at most).
        #[arg(long, value_parser = parse_day)]
        to: chrono::NaiveDate,
        /// Only this network (repeat for several; default: every kept network whose mission sets posts per week).
        #[arg(long = "network", value_name = "KEY")]
        networks: Vec<String>,
        /// A day to leave empty, YYYY-MM-DD (repeat for several).
        #[arg(long = "avoid", value_name = "YYYY-MM-DD", value_parser = parse_day)]
        avoid: Vec<chrono::NaiveDate>,
        /// Let the plan re-run each network's best published posts older than the cooldown.
        #[arg(long)]
        recycle: bool,
        /// With --recycle: the cooldown, in days.
        #[arg(long, value_name = "DAYS", default_value_t = crate::calendar::plan::DEFAULT_COOLDOWN_DAYS, requires = "recycle")]
        cooldown: u32,
        /// Print the plan without writing anything.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

/// A strategy's calendar over a period, as `calendar show` and `calendar check` take it.
#[derive(Debug, clap::Args)]
pub struct CalendarPeriod {
    #[arg(value_name = "ID|NAME")]
    strategy: String,
    /// The first day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    from: Option<chrono::NaiveDate>,
    /// The last day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    to: Option<chrono::NaiveDate>,
    #[arg(long)]
    json: bool,
}

fn parse_status(s: &str) -> std::result::Result<crate::calendar::PostStatus, String> {
    crate::store::enum_from(s)
        .ok_or_else(|| format!("expected idea, draft, ready, scheduled or published, got '{s}'"))
}

fn parse_day(s: &str) -> std::result::Result<chrono::NaiveDate, String> {
    crate::dates::parse_day(s).ok_or_else(|| {
        format!(
            "expected {}, got {}",
            crate::dates::DAY_EXPECTED,
            crate::error::quote(s)
        )
    })
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LanguageArg {
    En,
    Fr,
}

#[derive(Debug, Subcommand)]
pub enum StrategyCommand {
    /// List the strategies, most recently changed first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Create a strategy.
    Create {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        organisation: String,
        #[arg(long, default_value = "")]
        sector: String,
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
        /// An IANA time zone such as Europe/Paris (default: the system's).
        #[arg(long)]
        timezone: Option<String>,
        /// YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        start_date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one strategy.
    Show {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a strategy to a JSON strategy file.
    Export {
        #[arg(value_name = "ID|NAME")]
        strategy: String,
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
    /// Read a strategy file back as a new strategy.
    Import {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

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

fn print_evaluation(
    out: &mut dyn Write,
    name: &str,
    e: &crate::adapt::evaluate::Evaluation,
    tests: &[crate::adapt::abtests::AbTest],
) -> std::io::Result<()> {
    let pct = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.2} %"));
    writeln!(
        out,
        "Evaluation of {name}, {} to {} (today {})",
        e.from, e.to, e.today
    )?;
    writeln!(out, "\nObjectives")?;
    if e.objectives.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for t in &e.objectives {
        writeln!(out, "  [{}] {}", enum_name(&t.status), t.title)?;
        writeln!(out, "      {}", t.explanation.en)?;
    }
    writeln!(
        out,
        "\nPosts with results: {} (engagement rate {}, click-through rate {})",
        e.overall.posts,
        pct(e.overall.engagement_rate),
        pct(e.overall.click_through_rate)
    )?;
    for g in e
        .groups
        .iter()
        .filter(|g| g.by == crate::adapt::evaluate::GroupBy::Network)
    {
        writeln!(
            out,
            "  {:<20} {:>5} posts  engagement {:>9}  click-through {:>9}",
            g.label,
            g.totals.posts,
            pct(g.totals.engagement_rate),
            pct(g.totals.click_through_rate)
        )?;
    }
    writeln!(out, "\nUnderperformers")?;
    if e.underperformers.is_empty() {
        writeln!(out, "  none")?;
    }
    for u in &e.underperformers {
        writeln!(out, "  [{}] {}", enum_name(&u.kind), u.title.en)?;
        writeln!(out, "      {}", u.explanation.en)?;
        writeln!(out, "      → {}", u.suggestion.en)?;
    }
    writeln!(out, "\nA/B tests")?;
    if tests.is_empty() {
        writeln!(out, "  none")?;
    }
    for t in tests {
        writeln!(out, "  [{}] {}", enum_name(&t.status), t.data.name)?;
        for v in &t.variants {
            match (v.successes, v.trials) {
                (Some(s), Some(n)) => writeln!(out, "      {}: {s}/{n}", v.label)?,
                _ => writeln!(out, "      {}: no data yet", v.label)?,
            }
        }
        for v in &t.verdicts {
            writeln!(out, "      {}", v.en)?;
        }
    }
    Ok(())
}

fn print_results_import(
    out: &mut dyn Write,
    name: &str,
    r: &crate::adapt::results_import::ResultsImportReport,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} into '{name}': {}, {}, numbers of {}",
        if r.written {
            "Imported"
        } else {
            "Nothing written"
        },
        r.kind.label(),
        crate::words::count_en(r.rows as usize, "row", "rows"),
        r.taken_on
    )?;
    writeln!(
        out,
        "  matched {}, updated {}, unchanged {}, unplanned {}, rejected {}",
        r.matched, r.updated, r.unchanged, r.unplanned, r.rejected
    )?;
    for e in &r.errors {
        writeln!(
            out,
            "  line {}, column \"{}\": expected {}",
            e.line, e.column, e.expected.en
        )?;
    }
    if r.error_count as usize > r.errors.len() {
        writeln!(
            out,
            "  … {} in all",
            crate::words::count_en(r.error_count as usize, "bad row", "bad rows")
        )?;
    }
    Ok(())
}

use crate::adapt::evaluate::today_of;

fn print_best_times(
    out: &mut dyn Write,
    name: &str,
    b: &crate::adapt::best_times::BestTimes,
) -> std::io::Result<()> {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let pct = |v: f64| format!("{:.1} %", v * 100.0);
    let slot = |s: &crate::adapt::best_times::SlotEstimate| {
        format!(
            "{} {:02}:00  {} ({} – {}), {} post(s)",
            DAYS[usize::from(s.weekday.clamp(1, 7)) - 1],
            s.hour,
            pct(s.rate),
            pct(s.low),
            pct(s.high),
            s.posts
        )
    };
    writeln!(out, "Best times of '{name}' ({}):", b.timezone)?;
    if b.networks.is_empty() {
        writeln!(out, "  no network yet")?;
    }
    for n in &b.networks {
        let rate = n
            .rate
            .map(|r| format!(", rate {}", pct(r)))
            .unwrap_or_default();
        writeln!(out, "  {}: {} post(s){rate}", n.network, n.posts)?;
        writeln!(out, "    {}", n.note.en)?;
        for (i, s) in n.best.iter().enumerate() {
            writeln!(out, "    {}. {}", i + 1, slot(s))?;
        }
        if n.enough_data && n.best.is_empty() {
            writeln!(
                out,
                "    no slot has {} posts of its own yet",
                b.min_slot_posts
            )?;
        }
        if let Some(s) = &n.to_try {
            writeln!(
                out,
                "    to try (a test, not a recommendation): {}",
                slot(s)
            )?;
        }
    }
    Ok(())
}

fn print_objectives(
    out: &mut dyn Write,
    name: &str,
    view: &crate::objectives::ObjectivesView,
) -> std::io::Result<()> {
    use crate::objectives::{Direction, Pillar};
    let d = &view.data;
    let network = |key: &str| {
        view.networks
            .iter()
            .find(|n| n.key == key)
            .map_or(key.to_owned(), |n| n.name.clone())
    };
    let num = |v: Option<f64>| {
        v.map_or("-".to_owned(), |v| {
            format!("{}", (v * 100.0).round() / 100.0)
        })
    };
    let yes = |b: bool| if b { "yes" } else { "NO" };
    writeln!(out, "Objectives of {name}")?;
    writeln!(
        out,
        "
Business goals"
    )?;
    if d.goals.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for g in &d.goals {
        writeln!(out, "  {} ({})", g.data.title, enum_name(&g.data.outcome))?;
        for m in d
            .marketing
            .iter()
            .filter(|m| m.data.business_goal_id == Some(g.id))
        {
            writeln!(out, "    → {}", m.data.title)?;
        }
    }
    for m in d
        .marketing
        .iter()
        .filter(|m| m.data.business_goal_id.is_none())
    {
        writeln!(out, "  (no business goal) → {}", m.data.title)?;
    }
    writeln!(
        out,
        "
Social objectives"
    )?;
    if d.objectives.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for o in &d.objectives {
        let x = &o.data;
        writeln!(out, "  {} ({})", x.title, enum_name(&x.objective_type))?;
        let metric = x.kpi_metric.map_or("no metric".to_owned(), |m| {
            if x.kpi_name.is_empty() {
                m.name().0.to_owned()
            } else {
                format!("{} — {}", m.name().0, x.kpi_name)
            }
        });
        let arrow = match x.direction {
            Direction::Increase => "↑",
            Direction::Decrease => "↓",
        };
        writeln!(
            out,
            "    KPI: {metric} {arrow}, {} → {} {} by {}",
            num(x.baseline),
            num(x.target),
            x.kpi_unit,
            x.deadline.as_deref().unwrap_or("no deadline")
        )?;
        let serves = d
            .marketing
            .iter()
            .find(|m| Some(m.id) == x.marketing_objective_id)
            .map_or("no marketing objective".to_owned(), |m| {
                m.data.title.clone()
            });
        writeln!(out, "    Serves: {serves}")?;
        let on: Vec<String> = x.networks.iter().map(|n| network(n)).collect();
        writeln!(
            out,
            "    Networks: {}; owner: {}",
            if on.is_empty() {
                "-".to_owned()
            } else {
                on.join(", ")
            },
            if x.owner.is_empty() { "-" } else { &x.owner }
        )?;
        if let Some(c) = view.checks.iter().find(|c| c.objective_id == o.id) {
            let sm = &c.smart;
            writeln!(
                out,
                "    SMART: specific {}, measurable {}, achievable {} ({}), relevant {}, time-bound {}{}",
                yes(sm.specific),
                yes(sm.measurable),
                yes(sm.achievable()),
                enum_name(&sm.ambition),
                yes(sm.relevant),
                yes(sm.time_bound),
                if sm.vanity { "; VANITY METRIC" } else { "" }
            )?;
        }
    }
    writeln!(
        out,
        "
Missions"
    )?;
    for k in &view.kept {
        match d.missions.iter().find(|m| &m.network == k) {
            Some(m) if !m.statement.trim().is_empty() => {
                writeln!(out, "  {}: {}", network(k), m.statement)?;
                let pillars: Vec<String> = m.pillars.iter().map(enum_name).collect();
                let served: Vec<String> = d
                    .objectives
                    .iter()
                    .filter(|o| m.objectives.contains(&o.id))
                    .map(|o| o.data.title.clone())
                    .collect();
                let audiences: Vec<String> = view
                    .personas
                    .iter()
                    .filter(|p| m.audiences.contains(&p.id))
                    .map(|p| p.name.clone())
                    .collect();
                writeln!(
                    out,
                    "    {} posts/week; pillars: {}; audiences: {}",
                    num(m.posts_per_week),
                    if pillars.is_empty() {
                        "-".to_owned()
                    } else {
                        pillars.join(", ")
                    },
                    if audiences.is_empty() {
                        "-".to_owned()
                    } else {
                        audiences.join(", ")
                    }
                )?;
                writeln!(
                    out,
                    "    serves: {}",
                    if served.is_empty() {
                        "-".to_owned()
                    } else {
                        served.join("; ")
                    }
                )?;
            }
            _ => writeln!(out, "  {}: no mission yet", network(k))?,
        }
    }
    let w = d.mix.strategy;
    writeln!(
        out,
        "
Content mix: promotion {} %, curation {} %, interaction {} %",
        w.promotion, w.curation, w.interaction
    )?;
    for n in &d.mix.networks {
        writeln!(
            out,
            "  {}: promotion {} %, curation {} %, interaction {} %",
            network(&n.network),
            n.weights.promotion,
            n.weights.curation,
            n.weights.interaction
        )?;
    }
    writeln!(
        out,
        "
Topics"
    )?;
    for p in Pillar::ALL {
        let names: Vec<&str> = d
            .topics
            .iter()
            .filter(|t| t.data.pillar == p)
            .map(|t| t.data.name.as_str())
            .collect();
        writeln!(
            out,
            "  {}: {}",
            enum_name(&p),
            if names.is_empty() {
                "-".to_owned()
            } else {
                names.join(", ")
            }
        )?;
    }
    writeln!(
        out,
        "
Measurement plan"
    )?;
    for o in &d.objectives {
        let m = &o.measurement;
        writeln!(
            out,
            "  {}: {}; reviewed {} by {}",
            o.data.title,
            if m.source.is_empty() {
                "NO DATA SOURCE"
            } else {
                &m.source
            },
            m.frequency.as_ref().map_or("-".to_owned(), enum_name),
            if m.reviewer.is_empty() {
                "-"
            } else {
                &m.reviewer
            }
        )?;
    }
    print_findings(out, &view.findings)
}

fn print_benchmark(
    out: &mut dyn Write,
    name: &str,
    view: &crate::benchmark::BenchmarkView,
) -> std::io::Result<()> {
    let b = &view.benchmark;
    let network = |key: &str| {
        view.networks
            .iter()
            .find(|n| n.key == key)
            .map_or(key.to_owned(), |n| n.name.clone())
    };
    writeln!(out, "Benchmark of {name}")?;
    writeln!(out, "\nPlayers")?;
    if b.players.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for p in &b.players {
        let seen = b
            .observations
            .iter()
            .filter(|o| o.data.player_id == p.id)
            .count();
        writeln!(
            out,
            "  {} ({}), {}",
            p.name,
            enum_name(&p.player_type),
            crate::words::count_en(seen, "observation", "observations")
        )?;
    }
    writeln!(out, "\nComparison (latest observations)")?;
    let num =
        |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{}", (v * 10.0).round() / 10.0));
    for r in &view.comparison {
        writeln!(
            out,
            "  {:<12} {:<28} followers {:>8}  posts/week {:>5}  engagement/post {:>7}",
            network(&r.network),
            r.name,
            r.followers.map_or("-".to_owned(), |f| f.to_string()),
            num(r.posts_per_week),
            num(r.engagement_per_post),
        )?;
    }
    if !view.coverage.white_space.is_empty() {
        writeln!(
            out,
            "\nWhite space: {}",
            view.coverage.white_space.join(", ")
        )?;
    }
    if !view.coverage.crowded.is_empty() {
        writeln!(
            out,
            "Covered by everyone: {}",
            view.coverage.crowded.join(", ")
        )?;
    }
    writeln!(out, "\nTrends")?;
    for t in &b.trends {
        let on = t
            .data
            .network
            .as_deref()
            .map(network)
            .unwrap_or_else(|| "all networks".to_owned());
        writeln!(out, "  {} ({on})", t.data.title)?;
    }
    print_findings(out, &view.findings)
}

fn print_calendar(
    out: &mut dyn Write,
    name: &str,
    cal: &crate::calendar::Calendar,
) -> std::io::Result<()> {
    writeln!(out, "Calendar of {name}")?;
    writeln!(out, "Editorial items: {}", cal.editorial.len())?;
    for e in &cal.editorial {
        writeln!(
            out,
            "  {}  {:?}  {}",
            e.data.date, e.data.item_type, e.data.title
        )?;
    }
    writeln!(out, "Posts: {}", cal.posts.len())?;
    for p in &cal.posts {
        writeln!(
            out,
            "  {}  {:<10}  #{}  {}",
            p.data.scheduled_at.as_deref().unwrap_or(""),
            p.data.network,
            p.id,
            p.data.title
        )?;
    }
    writeln!(out, "Ideas: {}", cal.ideas.len())?;
    for p in &cal.ideas {
        writeln!(out, "  {:<10}  #{}  {}", p.data.network, p.id, p.data.title)?;
    }
    Ok(())
}

fn print_plan(
    out: &mut dyn Write,
    name: &str,
    plan: &crate::calendar::plan::Plan,
    written: bool,
) -> std::io::Result<()> {
    let n = plan.posts.len();
    writeln!(
        out,
        "Plan of {name}, {} to {}: {n} post{} {}",
        plan.from,
        plan.to,
        if n == 1 { "" } else { "s" },
        if written {
            "written as planned drafts."
        } else {
            "proposed (dry run: nothing written)."
        }
    )?;
    for p in &plan.posts {
        writeln!(
            out,
            "  {}  {:<10}  {}  ({})",
            p.post.scheduled_at.as_deref().unwrap_or(""),
            p.post.network,
            p.post.title,
            p.reason.en
        )?;
    }
    if !plan.notes.is_empty() {
        writeln!(out, "\nNotes")?;
        for note in &plan.notes {
            writeln!(out, "  - {}", note.en)?;
        }
    }
    Ok(())
}

fn print_calendar_checks(
    out: &mut dyn Write,
    name: &str,
    c: &crate::calendar::view::ScopedChecks,
) -> std::io::Result<()> {
    let (scope, c) = (&c.scope, &c.checks);
    writeln!(out, "Calendar checks of {name}, {} to {}", c.from, c.to)?;
    writeln!(out, "{}: {}", scope.name.en, scope.covers.en)?;
    writeln!(out, "\nContent mix (actual / target)")?;
    for g in &c.gauges {
        let actual = g.actual.map_or("no post with a pillar".to_owned(), |a| {
            format!(
                "promotion {:.0} %, curation {:.0} %, interaction {:.0} %",
                a.promotion, a.curation, a.interaction
            )
        });
        writeln!(
            out,
            "  {:<24} {actual} / {} {} {} ({} posts){}",
            g.network.as_deref().unwrap_or("all networks"),
            g.target.promotion,
            g.target.curation,
            g.target.interaction,
            g.posts,
            if g.within_tolerance {
                ""
            } else {
                " OFF TARGET"
            }
        )?;
    }
    let findings: Vec<crate::findings::Finding> =
        c.findings.iter().map(|f| f.finding.clone()).collect();
    print_findings(out, &findings)
}

fn print_findings(
    out: &mut dyn Write,
    findings: &[crate::findings::Finding],
) -> std::io::Result<()> {
    writeln!(out, "\nFindings")?;
    if findings.is_empty() {
        writeln!(out, "  none")?;
    }
    for f in findings {
        writeln!(out, "  [{}] {}", enum_name(&f.severity), f.title.en)?;
        writeln!(out, "      {}", f.explanation.en)?;
        writeln!(out, "      → {}", f.suggestion.en)?;
    }
    Ok(())
}

fn print_audit(
    out: &mut dyn Write,
    name: &str,
    view: &crate::audit::AuditView,
) -> std::io::Result<()> {
    let a = &view.audit;
    let network = |key: &str| {
        a.networks
            .iter()
            .find(|n| n.key == key)
            .map_or(key.to_owned(), |n| n.name.clone())
    };
    writeln!(out, "Audit of {name}")?;
    if a.not_on_social_yet {
        writeln!(out, "  Not on social media yet.")?;
    }
    writeln!(out, "\nAudiences")?;
    if a.personas.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for p in &a.personas {
        let used: Vec<String> = p
            .usage
            .iter()
            .map(|u| format!("{} {}", network(&u.network), enum_name(&u.level)))
            .collect();
        writeln!(
            out,
            "  {} ({}): {}",
            p.name,
            enum_name(&p.audience_type),
            used.join(", ")
        )?;
    }
    writeln!(out, "\nPresence")?;
    if a.presences.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for p in &a.presences {
        let num = |v: Option<f64>| v.map_or("-".to_owned(), |v| v.to_string());
        writeln!(
            out,
            "  {:<24} {:<8} followers {:>8}  posts/week {:>5}  decision {}",
            network(&p.network),
            if p.active { "active" } else { "inactive" },
            p.followers.map_or("-".to_owned(), |f| f.to_string()),
            num(p.posts_per_week),
            p.decision
                .as_ref()
                .map_or("undecided".to_owned(), enum_name),
        )?;
    }
    writeln!(
        out,
        "\nMeasurement\n  {}",
        view.progress.measurement_answer.en
    )?;
    print_findings(out, &view.findings)
}

/// An enum's JSON name, with spaces: `short_video` → "short video".
fn enum_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
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

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// List the copies, newest first: date, reason, size and strategies.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take a copy now.
    Create {
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a copy; the current data is kept as a copy first.
    Restore {
        /// A name from `cinq backup list`, or the path of a copy.
        #[arg(value_name = "FILE")]
        file: String,
        #[arg(long)]
        json: bool,
    },
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

/// A size in bytes as people read it (1000-based, as file managers show it).
fn size_label(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1000.0;
    let mut unit = 0;
    while v >= 999.95 && unit < UNITS.len() - 1 {
        v /= 1000.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}
