//! How the CLI prints each answer as text (`--json` prints the answer's own serde form instead).

use std::io::Write;

use serde::Serialize;

pub(super) fn print_evaluation(
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

pub(super) fn print_results_import(
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

pub(super) fn print_best_times(
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

pub(super) fn print_objectives(
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

pub(super) fn print_benchmark(
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

pub(super) fn print_calendar(
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

pub(super) fn print_plan(
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

pub(super) fn print_calendar_checks(
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

pub(super) fn print_findings(
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

pub(super) fn print_audit(
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
pub(super) fn enum_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

/// A size in bytes as people read it (1000-based, as file managers show it).
pub(super) fn size_label(bytes: u64) -> String {
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
