// The sample strategy's views as Rust answers them (`audit_get`, `benchmark_get`, `objectives_get`, and
// `calendar_get` over the sample's first month): src-tauri/cinq-core/tests/ui_fixtures.rs writes these files from
// `Store::create_sample` (UPDATE_FIXTURES=1) and fails when their shape drifts. The fakes start from them, so a UI
// that no longer reads the shape Rust answers fails its `*.sample.test.tsx`. Each call answers a fresh copy.
import type { AuditView, BenchmarkView, CalendarView, ObjectivesView, Strategy } from '../bindings';
import audit from './fixtures/sample-audit.json';
import benchmark from './fixtures/sample-benchmark.json';
import calendar from './fixtures/sample-calendar.json';
import objectives from './fixtures/sample-objectives.json';
import strategy from './fixtures/sample-strategy.json';

export const sampleStrategy = (): Strategy => structuredClone(strategy) as unknown as Strategy;
export const sampleAuditView = (): AuditView => structuredClone(audit) as unknown as AuditView;
export const sampleBenchmarkView = (): BenchmarkView => structuredClone(benchmark) as unknown as BenchmarkView;
export const sampleObjectivesView = (): ObjectivesView => structuredClone(objectives) as unknown as ObjectivesView;
/** The calendar over the sample's first month (its `from`..`to`). */
export const sampleCalendarView = (): CalendarView => structuredClone(calendar) as unknown as CalendarView;
