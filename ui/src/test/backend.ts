// An in-memory stand-in for the Rust commands, installed with `mockIPC`.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type { ApiError, AppInfo, Language, Settings, StepId, Strategy, StrategyInput, StrategySummary } from '../bindings';

const STEP_IDS: StepId[] = ['audit', 'benchmark', 'objectives', 'calendar', 'test_adapt'];

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeBackend {
  strategies: Strategy[];
  deleted: Strategy[];
  settings: Settings;
  lastStrategyId: number | null;
  systemLanguage: Language;
  calls: Call[];
  /** Commands answered by a custom function (e.g. to reject). */
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Call[];
}

let nextId = 1;

export function makeStrategy(partial: Partial<Strategy> = {}): Strategy {
  const id = partial.id ?? nextId++;
  return {
    id,
    name: `Strategy ${id}`,
    organisation: 'Acme',
    sector: 'Retail',
    language: 'en',
    timezone: 'Europe/Paris',
    start_date: '2026-03-02',
    current_step: 'audit',
    steps: STEP_IDS.map((step) => ({ step, completed: false })),
    created_at: '2026-01-10T09:00:00Z',
    updated_at: '2026-01-12T15:30:00Z',
    ...partial,
  };
}

function summary(s: Strategy): StrategySummary {
  return {
    id: s.id,
    name: s.name,
    organisation: s.organisation,
    sector: s.sector,
    language: s.language,
    updated_at: s.updated_at,
    completed_steps: s.steps.filter((st) => st.completed).length,
  };
}

function apiError(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): ApiError {
  return { code, message, fields };
}

export const TIMEZONES = ['America/New_York', 'Asia/Tokyo', 'Europe/London', 'Europe/Paris', 'UTC'];

export function installBackend(init: Partial<Pick<FakeBackend, 'strategies' | 'settings' | 'lastStrategyId' | 'systemLanguage'>> = {}) {
  const b: FakeBackend = {
    strategies: init.strategies ?? [],
    deleted: [],
    settings: init.settings ?? { language: 'system', theme: 'system' },
    lastStrategyId: init.lastStrategyId ?? null,
    systemLanguage: init.systemLanguage ?? 'en',
    calls: [],
    overrides: {},
    callsTo: (cmd) => b.calls.filter((c) => c.cmd === cmd),
  };

  const find = (id: unknown): Strategy => {
    const s = b.strategies.find((x) => x.id === id);
    if (!s) throw apiError('not_found', `strategy ${String(id)} not found`);
    return s;
  };
  const replace = (s: Strategy): Strategy => {
    b.strategies = b.strategies.map((x) => (x.id === s.id ? s : x));
    return s;
  };
  const validate = (input: StrategyInput, selfId?: number) => {
    const fields: ApiError['fields'] = [];
    const name = input.name.trim();
    if (!name) fields.push({ field: 'name', code: 'required' });
    else if (name.length > 120) fields.push({ field: 'name', code: 'too_long' });
    else if (b.strategies.some((x) => x.id !== selfId && x.name === name)) fields.push({ field: 'name', code: 'taken' });
    if (!TIMEZONES.includes(input.timezone)) fields.push({ field: 'timezone', code: 'invalid_timezone' });
    if (fields.length) throw apiError('validation', 'invalid input', fields);
  };

  mockIPC((cmd: string, payload?: InvokeArgs) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    const override = b.overrides[cmd];
    if (override) return override(args);
    switch (cmd) {
      case 'app_info': {
        const info: AppInfo = { version: '0.1.0', db_path: '/home/me/.local/share/cinq/cinq.db', last_strategy_id: b.lastStrategyId, system_language: b.systemLanguage };
        return info;
      }
      case 'ui_ready':
        return null;
      case 'settings_get':
        return b.settings;
      case 'settings_set':
        b.settings = args.settings as Settings;
        return b.settings;
      case 'timezones':
        return TIMEZONES;
      case 'strategy_list':
        return b.strategies.map(summary);
      case 'strategy_get':
        return find(args.id);
      case 'strategy_open': {
        const s = find(args.id);
        b.lastStrategyId = s.id;
        return s;
      }
      case 'strategy_create': {
        const input = args.input as StrategyInput;
        validate(input);
        const s = makeStrategy({ ...input, name: input.name.trim() });
        b.strategies.push(s);
        return s;
      }
      case 'strategy_update': {
        const input = args.input as StrategyInput;
        validate(input, args.id as number);
        return replace({ ...find(args.id), ...input });
      }
      case 'strategy_duplicate': {
        const { id: _id, ...copy } = find(args.id);
        const s = makeStrategy({ ...copy, name: `${copy.name} (copy)` });
        b.strategies.push(s);
        return s;
      }
      case 'strategy_delete': {
        const s = find(args.id);
        b.strategies = b.strategies.filter((x) => x.id !== s.id);
        b.deleted.push(s);
        return null;
      }
      case 'strategy_restore': {
        const s = b.deleted.find((x) => x.id === args.id);
        if (!s) throw apiError('not_found', 'nothing to restore');
        b.deleted = b.deleted.filter((x) => x !== s);
        b.strategies.push(s);
        return s;
      }
      case 'strategy_set_current_step':
        return replace({ ...find(args.id), current_step: args.step as StepId });
      case 'strategy_set_step_completed': {
        const s = find(args.id);
        return replace({
          ...s,
          steps: s.steps.map((st) => (st.step === args.step ? { ...st, completed: args.completed as boolean } : st)),
        });
      }
      case 'strategy_export':
        return '/home/me/strategy.json';
      case 'strategy_import':
        return null;
      case 'sample_create': {
        const s = makeStrategy({ name: 'Sample: Café Lumière', organisation: 'Café Lumière', sector: 'Food' });
        b.strategies.push(s);
        return s;
      }
      default:
        throw apiError('internal', `unknown command ${cmd}`);
    }
  });
  return b;
}
