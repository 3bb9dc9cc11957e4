// Typed wrappers around the Tauri commands of the Rust side.
// Every rejection is normalised into an `ApiError`.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { markStartup } from './startup';
import type {
  ApiError,
  AppInfo,
  AuditView,
  BackupInfo,
  BackupsView,
  CustomNetworkInput,
  ErrorCode,
  FieldError,
  Language,
  MetricCheck,
  PersonaInput,
  Presence,
  RestoreReport,
  Settings,
  StepId,
  Strategy,
  StrategyInput,
  StrategySummary,
} from './bindings';

const ERROR_CODES: readonly ErrorCode[] = [
  'validation',
  'not_found',
  'conflict',
  'newer_schema',
  'not_a_database',
  'unwritable',
  'invalid_file',
  'cancelled',
  'io',
  'internal',
];

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.code === 'string';
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string' &&
    Array.isArray(v.fields) &&
    v.fields.every(isFieldError)
  );
}

/** A field error with only what the UI reads: the field, the code and the limit Rust quotes with it. */
function fieldErrorOf(f: FieldError): FieldError {
  const out: FieldError = { field: f.field, code: f.code };
  if (typeof f.min === 'number') out.min = f.min;
  if (typeof f.max === 'number') out.max = f.max;
  return out;
}

/** Turns anything a command may reject with into an `ApiError`. */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) {
    return { code: e.code, message: e.message, fields: e.fields.map(fieldErrorOf) };
  }
  return { code: 'internal', message: String(e), fields: [] };
}

/** The one typed wrapper of a Tauri command: every rejection becomes an `ApiError` (`{code, message, fields}`, the
 *  fields with the limits Rust quotes). Every step's ipc module calls its commands through it. */
export async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    const out = await invoke<T>(cmd, args);
    markStartup(cmd);
    return out;
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  /** `marks`: milestones of the start-up in ms since navigation start, printed by benchmarks. */
  uiReady: (marks: string) => call<null>('ui_ready', { marks }),
  settingsGet: () => call<Settings>('settings_get'),
  settingsSet: (settings: Settings) => call<Settings>('settings_set', { settings }),
  backupsList: () => call<BackupsView>('backups_list'),
  backupCreate: () => call<BackupInfo>('backup_create'),
  /** `name`: a copy's name from `backupsList`. The app's data is then that copy's: invalidate every query. */
  backupRestore: (name: string) => call<RestoreReport>('backup_restore', { name }),
  timezones: () => call<string[]>('timezones'),
  strategyList: () => call<StrategySummary[]>('strategy_list'),
  strategyGet: (id: number) => call<Strategy>('strategy_get', { id }),
  /** Reads a strategy and records it as the one to reopen at the next start. */
  strategyOpen: (id: number) => call<Strategy>('strategy_open', { id }),
  strategyCreate: (input: StrategyInput) => call<Strategy>('strategy_create', { input }),
  strategyUpdate: (id: number, input: StrategyInput) => call<Strategy>('strategy_update', { id, input }),
  /** A copy of the strategy, named in `language` (the UI's): "Name (copy)", "Nom (copie)". */
  strategyDuplicate: (id: number, language: Language) => call<Strategy>('strategy_duplicate', { id, language }),
  strategyDelete: (id: number) => call<null>('strategy_delete', { id }),
  strategyRestore: (id: number) => call<Strategy>('strategy_restore', { id }),
  strategySetCurrentStep: (id: number, step: StepId) =>
    call<Strategy>('strategy_set_current_step', { id, step }),
  strategySetStepCompleted: (id: number, step: StepId, completed: boolean) =>
    call<Strategy>('strategy_set_step_completed', { id, step, completed }),
  strategyExport: (id: number) => call<string | null>('strategy_export', { id }),
  /** A name already in use gets a tail in `language` (the UI's): "(imported)", "(importée)". */
  strategyImport: (language: Language) => call<Strategy | null>('strategy_import', { language }),
  sampleCreate: () => call<Strategy>('sample_create'),

  // Step 1, the audit: every command answers with the whole audit and its findings.
  auditGet: (strategyId: number) => call<AuditView>('audit_get', { strategyId }),
  auditSetOptions: (strategyId: number, notOnSocialYet: boolean, staleAfterDays: number) =>
    call<AuditView>('audit_set_options', { strategyId, notOnSocialYet, staleAfterDays }),
  auditSelectNetwork: (strategyId: number, network: string, selected: boolean) =>
    call<AuditView>('audit_select_network', { strategyId, network, selected }),
  auditAddNetwork: (strategyId: number, input: CustomNetworkInput) =>
    call<AuditView>('audit_add_network', { strategyId, input }),
  auditDeleteNetwork: (strategyId: number, network: string) =>
    call<AuditView>('audit_delete_network', { strategyId, network }),
  /** `personaId` null creates the persona. */
  personaSave: (strategyId: number, personaId: number | null, input: PersonaInput) =>
    call<AuditView>('persona_save', { strategyId, personaId, input }),
  personaDelete: (strategyId: number, personaId: number) =>
    call<AuditView>('persona_delete', { strategyId, personaId }),
  /** Creates or replaces the presence on `presence.network`. */
  presenceSave: (strategyId: number, presence: Presence) => call<AuditView>('presence_save', { strategyId, presence }),
  /** Creates or replaces the check of `check.metric` on `check.network`. */
  metricSave: (strategyId: number, check: MetricCheck) => call<AuditView>('metric_save', { strategyId, check }),
};

export type Api = typeof api;
