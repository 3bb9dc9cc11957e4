// Generated from the Rust types in src-tauri/cinq-core by `cargo test -p cinq-core --test bindings`.
// Do not edit by hand: run that test with UPDATE_BINDINGS=1 to write this file again.

export type Language = "en" | "fr";

export type StepId = "audit" | "benchmark" | "objectives" | "calendar" | "test_adapt";

export type StepState = { step: StepId, completed: boolean, };

export type Strategy = { id: number, name: string, organisation: string, sector: string, language: Language, 
/**
 * An IANA time zone name.
 */
timezone: string, 
/**
 * `YYYY-MM-DD`.
 */
start_date: string, current_step: StepId, 
/**
 * Always the five steps, in order.
 */
steps: Array<StepState>, 
/**
 * RFC 3339, UTC.
 */
created_at: string, updated_at: string, };

export type StrategySummary = { id: number, name: string, organisation: string, sector: string, language: Language, updated_at: string, completed_steps: number, };

export type StrategyInput = { name: string, organisation: string, sector: string, language: Language, timezone: string, start_date: string, };

export type ErrorCode = "validation" | "not_found" | "conflict" | "newer_schema" | "not_a_database" | "unwritable" | "invalid_file" | "io" | "internal";

export type FieldError = { field: string, code: string, };

export type ApiError = { code: ErrorCode, message: string, fields: Array<FieldError>, };

export type LanguagePref = "system" | "en" | "fr";

export type ThemePref = "system" | "light" | "dark";

export type Settings = { language: LanguagePref, theme: ThemePref, };

export type AppInfo = { version: string, db_path: string, 
/**
 * The strategy to reopen at start, if it still exists.
 */
last_strategy_id: number | null, 
/**
 * The language of the OS, which the `system` language preference follows.
 */
system_language: Language, };
