//! The CLI's arguments (clap): every subcommand, its options and how a value is read. Only the CLI knows clap: a
//! domain type a flag names is mirrored here by an enum of its own (`ExportFormatArg`).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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

/// `calendar::export::ExportFormat`, as a flag names it (`--format cinq-csv`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    CinqCsv,
    GoogleCsv,
    OutlookCsv,
    Hootsuite,
    Sprout,
    Ics,
}

impl From<ExportFormatArg> for crate::calendar::export::ExportFormat {
    fn from(f: ExportFormatArg) -> Self {
        use crate::calendar::export::ExportFormat as F;
        match f {
            ExportFormatArg::CinqCsv => F::CinqCsv,
            ExportFormatArg::GoogleCsv => F::GoogleCsv,
            ExportFormatArg::OutlookCsv => F::OutlookCsv,
            ExportFormatArg::Hootsuite => F::Hootsuite,
            ExportFormatArg::Sprout => F::Sprout,
            ExportFormatArg::Ics => F::Ics,
        }
    }
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
        format: ExportFormatArg,
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
    pub strategy: String,
    /// The first day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    pub from: Option<chrono::NaiveDate>,
    /// The last day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    pub to: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub json: bool,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::export::ExportFormat;

    /// Every format has its flag (the match fails to build when a format is added), named as its JSON name.
    #[test]
    fn every_export_format_has_its_flag_under_its_json_name() {
        let arg_of = |f: ExportFormat| match f {
            ExportFormat::CinqCsv => ExportFormatArg::CinqCsv,
            ExportFormat::GoogleCsv => ExportFormatArg::GoogleCsv,
            ExportFormat::OutlookCsv => ExportFormatArg::OutlookCsv,
            ExportFormat::Hootsuite => ExportFormatArg::Hootsuite,
            ExportFormat::Sprout => ExportFormatArg::Sprout,
            ExportFormat::Ics => ExportFormatArg::Ics,
        };
        for arg in ExportFormatArg::value_variants() {
            let format = ExportFormat::from(*arg);
            assert_eq!(arg_of(format), *arg);
            let name = arg.to_possible_value().unwrap().get_name().to_owned();
            assert_eq!(
                serde_json::to_value(format).unwrap(),
                serde_json::Value::String(name)
            );
        }
    }
}
