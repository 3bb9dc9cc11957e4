//! The TypeScript bindings in ui/src/bindings.ts are generated from the Rust types. This test fails when they drift;
//! run it with UPDATE_BINDINGS=1 to write them again.

use cinq_core::adapt::abtests::*;
use cinq_core::adapt::adaptations::*;
use cinq_core::adapt::best_times::*;
use cinq_core::adapt::evaluate::*;
use cinq_core::adapt::results::*;
use cinq_core::adapt::results_import::*;
use cinq_core::adapt::stats::*;
use cinq_core::audit::*;
use cinq_core::benchmark::*;
use cinq_core::calendar::checks::*;
use cinq_core::calendar::cinq_csv::ImportReport;
use cinq_core::calendar::export::*;
use cinq_core::calendar::import::*;
use cinq_core::calendar::plan::{Plan, PlanRequest, ProposedPost};
use cinq_core::calendar::view::*;
use cinq_core::calendar::*;
use cinq_core::findings::*;
use cinq_core::io::csv::{DateOrder, RowError};
use cinq_core::network::*;
use cinq_core::objectives::smart::*;
use cinq_core::objectives::*;
use cinq_core::overview::*;
use cinq_core::store::backup::*;
use cinq_core::*;
use ts_rs::{Config, TS};

fn declarations() -> String {
    let cfg = Config::default();
    let decls = [
        Language::decl(&cfg),
        StepId::decl(&cfg),
        StepState::decl(&cfg),
        Strategy::decl(&cfg),
        StrategySummary::decl(&cfg),
        StrategyInput::decl(&cfg),
        ErrorCode::decl(&cfg),
        FieldError::decl(&cfg),
        ApiError::decl(&cfg),
        LanguagePref::decl(&cfg),
        ThemePref::decl(&cfg),
        Settings::decl(&cfg),
        AppInfo::decl(&cfg),
        Limits::decl(&cfg),
        // Backups.
        BackupReason::decl(&cfg),
        BackupInfo::decl(&cfg),
        BackupsView::decl(&cfg),
        RestoreReport::decl(&cfg),
        // Step 1, the audit.
        NetworkKind::decl(&cfg),
        ContentFormat::decl(&cfg),
        FrenchName::decl(&cfg),
        Network::decl(&cfg),
        CustomNetworkInput::decl(&cfg),
        AudienceType::decl(&cfg),
        UsageLevel::decl(&cfg),
        PersonaUsage::decl(&cfg),
        Persona::decl(&cfg),
        PersonaInput::decl(&cfg),
        Decision::decl(&cfg),
        FormatRating::decl(&cfg),
        Presence::decl(&cfg),
        Metric::decl(&cfg),
        MetricCheck::decl(&cfg),
        Audit::decl(&cfg),
        MetricGap::decl(&cfg),
        AuditProgress::decl(&cfg),
        AuditView::decl(&cfg),
        // Step 2, the benchmark.
        PlayerType::decl(&cfg),
        PlayerInput::decl(&cfg),
        Player::decl(&cfg),
        ObservationInput::decl(&cfg),
        Observation::decl(&cfg),
        CustomerVoice::decl(&cfg),
        TrendInput::decl(&cfg),
        Trend::decl(&cfg),
        Benchmark::decl(&cfg),
        ComparisonRow::decl(&cfg),
        Coverage::decl(&cfg),
        BenchmarkView::decl(&cfg),
        BenchmarkProgress::decl(&cfg),
        // Step 3, the objectives.
        BusinessOutcome::decl(&cfg),
        BusinessGoalInput::decl(&cfg),
        BusinessGoal::decl(&cfg),
        MarketingObjectiveInput::decl(&cfg),
        MarketingObjective::decl(&cfg),
        ObjectiveType::decl(&cfg),
        KpiMetric::decl(&cfg),
        Direction::decl(&cfg),
        ObjectiveInput::decl(&cfg),
        ReviewFrequency::decl(&cfg),
        MeasurementPlan::decl(&cfg),
        Objective::decl(&cfg),
        Pillar::decl(&cfg),
        Mission::decl(&cfg),
        MixWeights::decl(&cfg),
        NetworkMix::decl(&cfg),
        ContentMix::decl(&cfg),
        TopicInput::decl(&cfg),
        Topic::decl(&cfg),
        Objectives::decl(&cfg),
        ObjectiveTemplate::decl(&cfg),
        MissionSuggestion::decl(&cfg),
        PersonaRef::decl(&cfg),
        MetricInfo::decl(&cfg),
        Ambition::decl(&cfg),
        PacePeriod::decl(&cfg),
        Pace::decl(&cfg),
        SmartCheck::decl(&cfg),
        ObjectiveCheck::decl(&cfg),
        NetworkAudiences::decl(&cfg),
        ObjectivesView::decl(&cfg),
        ObjectivesProgress::decl(&cfg),
        OverviewNetwork::decl(&cfg),
        OverviewObjective::decl(&cfg),
        StrategyOverview::decl(&cfg),
        // Step 4, the calendar.
        EditorialType::decl(&cfg),
        EditorialStatus::decl(&cfg),
        EditorialItemInput::decl(&cfg),
        EditorialItem::decl(&cfg),
        PostStatus::decl(&cfg),
        PostInput::decl(&cfg),
        Post::decl(&cfg),
        Calendar::decl(&cfg),
        CheckOptions::decl(&cfg),
        CalendarFinding::decl(&cfg),
        ActualMix::decl(&cfg),
        MixGauge::decl(&cfg),
        TopicCount::decl(&cfg),
        CalendarChecks::decl(&cfg),
        ScopeKind::decl(&cfg),
        ChecksScope::decl(&cfg),
        ScopedChecks::decl(&cfg),
        ExportFormat::decl(&cfg),
        Delimiter::decl(&cfg),
        ExportOptions::decl(&cfg),
        ImportReport::decl(&cfg),
        CalendarRow::decl(&cfg),
        EditorialRef::decl(&cfg),
        CalendarView::decl(&cfg),
        CalendarChanged::decl(&cfg),
        PostMoved::decl(&cfg),
        CalendarChange::decl(&cfg),
        CalendarImported::decl(&cfg),
        DateOrder::decl(&cfg),
        ColumnMapping::decl(&cfg),
        CsvPreview::decl(&cfg),
        RowError::decl(&cfg),
        MappedImportReport::decl(&cfg),
        PlanRequest::decl(&cfg),
        ProposedPost::decl(&cfg),
        Plan::decl(&cfg),
        // Step 5's statistics.
        Variant::decl(&cfg),
        TestUsed::decl(&cfg),
        Comparison::decl(&cfg),
        // Step 5: results, their import, the evaluation.
        Measures::decl(&cfg),
        TypedMeasures::decl(&cfg),
        ResultSource::decl(&cfg),
        ResultSnapshot::decl(&cfg),
        Publication::decl(&cfg),
        PostResults::decl(&cfg),
        ExportKind::decl(&cfg),
        ResultsImportOptions::decl(&cfg),
        ResultsImportReport::decl(&cfg),
        MeasureColumns::decl(&cfg),
        ResultsMapping::decl(&cfg),
        ResultsCsvPreview::decl(&cfg),
        ResultsPicked::decl(&cfg),
        KpiStatus::decl(&cfg),
        KpiSource::decl(&cfg),
        KpiPoint::decl(&cfg),
        KpiReading::decl(&cfg),
        KpiTrack::decl(&cfg),
        GroupBy::decl(&cfg),
        Totals::decl(&cfg),
        WeekTotals::decl(&cfg),
        PerformanceGroup::decl(&cfg),
        PostPerformance::decl(&cfg),
        UnderperformerKind::decl(&cfg),
        Underperformer::decl(&cfg),
        Evaluation::decl(&cfg),
        SlotEstimate::decl(&cfg),
        NetworkBestTimes::decl(&cfg),
        BestTimes::decl(&cfg),
        VariedElement::decl(&cfg),
        SuccessMetric::decl(&cfg),
        MeasureKey::decl(&cfg),
        AbVariantInput::decl(&cfg),
        AbTestInput::decl(&cfg),
        AbStatus::decl(&cfg),
        AbVariantData::decl(&cfg),
        AbTest::decl(&cfg),
        Learning::decl(&cfg),
        EvidenceKind::decl(&cfg),
        Evidence::decl(&cfg),
        AdaptationInput::decl(&cfg),
        AdaptationAction::decl(&cfg),
        Change::decl(&cfg),
        Adaptation::decl(&cfg),
        DueReview::decl(&cfg),
        // Findings.
        Severity::decl(&cfg),
        FindingKind::decl(&cfg),
        Text::decl(&cfg),
        FindingLink::decl(&cfg),
        Finding::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/cinq-core by `cargo test -p cinq-core --test bindings`.\n\
         // Do not edit by hand: run that test with UPDATE_BINDINGS=1 to write this file again.\n",
    );
    for d in decls {
        out.push_str("\nexport ");
        out.push_str(d.trim());
        out.push('\n');
    }
    out
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    let want = declarations();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings.ts is out of date with the Rust types: run \
         `UPDATE_BINDINGS=1 cargo test -p cinq-core --test bindings` and commit the result"
    );
}
