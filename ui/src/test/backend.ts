// An in-memory stand-in for the Rust commands, installed with `mockIPC`.
import { mockIPC } from '@tauri-apps/api/mocks';
import { createBenchmarkFake } from '../components/benchmark/testBackend';
import { createObjectivesFake } from '../components/objectives/testBackend';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type {
  ApiError,
  AppInfo,
  Audit,
  AuditProgress,
  AuditView,
  CustomNetworkInput,
  DueReview,
  Finding,
  Language,
  Metric,
  MetricCheck,
  Network,
  PersonaInput,
  Presence,
  Settings,
  StepId,
  Strategy,
  StrategyInput,
  StrategySummary,
} from '../bindings';
import { fakeAppInfo } from './appInfo';
import { frOf } from './networks';
import { rustFieldErrors } from './rustErrors';
import { sampleAuditView, sampleStrategy } from './sample';

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
  /** The audit of each strategy, created empty on first use. */
  audits: Record<number, Audit>;
  /** Fixed findings returned with every audit; when null, the fake computes a few simple ones. */
  findings: Finding[] | null;
  /** The adaptations whose review has come, of every strategy (the home screen lists them). */
  dueReviews: DueReview[];
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

let nextPersonaId = 1;

/** A few networks of the real catalogue, enough for the tests. */
export const CATALOGUE: Network[] = [
  { key: 'facebook', name: 'Facebook', kind: 'social', max_length: 63206, formats: ['photo', 'video', 'link'], custom: false, fr: frOf('facebook', 'Facebook') },
  { key: 'instagram', name: 'Instagram', kind: 'social', max_length: 2200, formats: ['photo', 'video', 'carousel', 'story'], custom: false, fr: frOf('instagram', 'Instagram') },
  { key: 'linkedin', name: 'LinkedIn', kind: 'social', max_length: 3000, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('linkedin', 'LinkedIn') },
  { key: 'tiktok', name: 'TikTok', kind: 'social', max_length: 4000, formats: ['video', 'short_video'], custom: false, fr: frOf('tiktok', 'TikTok') },
  { key: 'blog', name: 'Blog', kind: 'owned', max_length: null, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('blog', 'Blog') },
  { key: 'newsletter', name: 'Newsletter', kind: 'owned', max_length: null, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('newsletter', 'Newsletter') },
];

export function emptyAudit(partial: Partial<Audit> = {}): Audit {
  return {
    networks: structuredClone(CATALOGUE),
    selected: [],
    not_on_social_yet: false,
    stale_after_days: 30,
    personas: [],
    presences: [],
    metrics: [],
    ...partial,
  };
}

const METRICS: Metric[] = ['reach', 'engagement', 'clicks', 'follower_growth', 'conversions'];

/** A stand-in for audit::progress in Rust, simpler: the gaps are on the chosen networks with an active account not
 *  dropped; the answer names them with the metrics' keys. */
export function simpleProgress(a: Audit): AuditProgress {
  const chosen = a.selected.length > 0;
  const measured = a.not_on_social_yet
    ? []
    : a.selected.filter((k) => a.presences.some((p) => p.network === k && p.active && p.decision !== 'drop'));
  const gaps = measured
    .map((network) => ({
      network,
      metrics: METRICS.filter(
        (m) => !a.metrics.some((c) => c.network === network && c.metric === m && (c.available || c.not_applicable)),
      ),
    }))
    .filter((g) => g.metrics.length > 0);
  const answered = a.metrics.some((c) => c.available && a.selected.includes(c.network));
  const measurement = chosen && gaps.length === 0 && (measured.length > 0 || answered);
  const described = a.selected.filter((k) =>
    a.presences.some((p) => p.network === k && (p.handle !== '' || p.followers != null || p.posts_per_week != null)),
  );
  const list = gaps.map((g) => `${g.metrics.join(', ')} on ${g.network}`).join('; ');
  const answer = !chosen
    ? { en: 'Choose the networks to audit first.', fr: 'Choisissez d’abord les réseaux à auditer.' }
    : gaps.length > 0
      ? { en: `Not yet. Missing: ${list}.`, fr: `Pas encore. Il manque : ${list}.` }
      : measurement
        ? { en: 'Yes: every measurement you need is available.', fr: 'Oui : toutes les mesures sont disponibles.' }
        : { en: 'No active account to measure yet.', fr: 'Aucun compte actif à mesurer pour l’instant.' };
  return {
    audiences: a.personas.length > 0,
    presence: chosen && (a.not_on_social_yet || described.length > 0),
    measurement,
    described,
    gaps,
    measurement_answer: answer,
  };
}

/** A stand-in for the Rust rules, much simpler: measurement gaps, and candidate networks for first-timers. */
function simpleFindings(a: Audit): Finding[] {
  const name = (key: string) => a.networks.find((n) => n.key === key)?.name ?? key;
  const out: Finding[] = [];
  if (a.not_on_social_yet) {
    for (const n of a.networks.filter((x) => x.kind === 'social')) {
      const fans = a.personas.filter((p) => p.usage.some((u) => u.network === n.key && (u.level === 'medium' || u.level === 'high')));
      if (fans.length === 0) continue;
      out.push({
        kind: 'candidate_network',
        severity: 'info',
        network: n.key,
        title: { en: `${n.name} is a candidate network`, fr: `${n.name} est un réseau social candidat` },
        explanation: { en: `Used by ${fans.map((p) => p.name).join(', ')}.`, fr: `Utilisé par ${fans.map((p) => p.name).join(', ')}.` },
        suggestion: { en: `Consider opening an account on ${n.name}.`, fr: `Envisagez d’ouvrir un compte sur ${n.name}.` },
        link: { step: 'audit', section: 'audiences', network: n.key, item: null, pillar: null },
      });
    }
    return out;
  }
  for (const { network: key, metrics } of simpleProgress(a).gaps) {
    const ok = 5 - metrics.length;
    out.push({
      kind: 'missing_measurement',
      severity: 'warning',
      network: key,
      title: { en: `Measurements are missing on ${name(key)}`, fr: `Des mesures manquent sur ${name(key)}` },
      explanation: { en: `${5 - ok} of 5 measurements are not available.`, fr: `${5 - ok} mesures sur 5 ne sont pas disponibles.` },
      suggestion: { en: 'Set up the missing measurements.', fr: 'Mettez en place les mesures manquantes.' },
      link: { step: 'audit', section: 'measurement', network: key, item: null, pillar: null },
    });
  }
  return out;
}

export const TIMEZONES = ['America/New_York', 'Asia/Tokyo', 'Europe/London', 'Europe/Paris', 'UTC'];

/** Makes `audit_get` answer (an empty audit) only once `release` is called: to see a screen while the audit loads. */
export function holdAudit(b: FakeBackend): { release: () => void } {
  let release = () => undefined as void;
  const late = new Promise<void>((r) => {
    release = r;
  });
  b.overrides.audit_get = async () => {
    await late;
    return { audit: emptyAudit(), findings: [], progress: simpleProgress(emptyAudit()) };
  };
  return { release: () => release() };
}

export function installBackend(
  init: Partial<Pick<FakeBackend, 'strategies' | 'settings' | 'lastStrategyId' | 'systemLanguage' | 'dueReviews'>> = {},
) {
  const b: FakeBackend = {
    strategies: init.strategies ?? [],
    deleted: [],
    settings: init.settings ?? { language: 'system', theme: 'system' },
    lastStrategyId: init.lastStrategyId ?? null,
    systemLanguage: init.systemLanguage ?? 'en',
    calls: [],
    audits: {},
    findings: null,
    dueReviews: init.dueReviews ?? [],
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

  const auditOf = (strategyId: unknown): Audit => {
    const s = find(strategyId);
    b.audits[s.id] ??= emptyAudit();
    return b.audits[s.id];
  };
  const auditView = (id: unknown): AuditView => {
    const audit = structuredClone(auditOf(id));
    return { audit, findings: structuredClone(b.findings ?? simpleFindings(audit)), progress: simpleProgress(audit) };
  };
  const auditCommand = (cmd: string, args: Record<string, unknown>): AuditView | undefined => {
    const id = args.strategyId;
    if (cmd === 'audit_get') return auditView(id);
    const a = auditOf(id);
    const knownNetwork = (key: unknown) => {
      if (!a.networks.some((n) => n.key === key)) throw apiError('validation', 'unknown network', [{ field: 'network', code: 'unknown_network' }]);
    };
    switch (cmd) {
      case 'audit_set_options': {
        const days = args.staleAfterDays as number;
        const refused = rustFieldErrors('audit_set_options', { stale_after_days: days });
        if (refused.length) throw apiError('validation', 'bad', refused);
        a.not_on_social_yet = args.notOnSocialYet as boolean;
        a.stale_after_days = days;
        break;
      }
      case 'audit_select_network': {
        knownNetwork(args.network);
        const key = args.network as string;
        const on = new Set(a.selected.filter((k) => k !== key));
        if (args.selected) on.add(key);
        a.selected = a.networks.filter((n) => on.has(n.key)).map((n) => n.key);
        break;
      }
      case 'audit_add_network': {
        const input = args.input as CustomNetworkInput;
        const name = input.name.trim();
        if (!name) throw apiError('validation', 'bad', [{ field: 'name', code: 'required' }]);
        if (a.networks.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw apiError('validation', 'bad', [{ field: 'name', code: 'taken' }]);
        }
        const refused = rustFieldErrors('audit_add_network', input);
        if (refused.length) throw apiError('validation', 'bad', refused);
        const key = `custom-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        a.networks.push({ key, name, kind: input.kind, max_length: input.max_length, formats: input.formats, custom: true, fr: frOf(key, name) });
        a.selected.push(key);
        break;
      }
      case 'audit_delete_network': {
        const n = a.networks.find((x) => x.key === args.network && x.custom);
        if (!n) throw apiError('not_found', 'no such network');
        a.networks = a.networks.filter((x) => x !== n);
        a.selected = a.selected.filter((k) => k !== n.key);
        a.presences = a.presences.filter((p) => p.network !== n.key);
        a.metrics = a.metrics.filter((m) => m.network !== n.key);
        break;
      }
      case 'persona_save': {
        const input = args.input as PersonaInput;
        const fields: ApiError['fields'] = [];
        if (!input.name.trim()) fields.push({ field: 'name', code: 'required' });
        fields.push(...rustFieldErrors('persona_save', input));
        if (fields.length) throw apiError('validation', 'bad', fields);
        input.usage.forEach((u) => knownNetwork(u.network));
        const personaId = args.personaId as number | null;
        const persona = { ...input, name: input.name.trim(), id: personaId ?? nextPersonaId++ };
        if (personaId == null) a.personas.push(persona);
        else {
          if (!a.personas.some((p) => p.id === personaId)) throw apiError('not_found', 'no such persona');
          a.personas = a.personas.map((p) => (p.id === personaId ? persona : p));
        }
        break;
      }
      case 'persona_delete':
        if (!a.personas.some((p) => p.id === args.personaId)) throw apiError('not_found', 'no such persona');
        a.personas = a.personas.filter((p) => p.id !== args.personaId);
        break;
      case 'presence_save': {
        const p = args.presence as Presence;
        knownNetwork(p.network);
        const fields: ApiError['fields'] = [];
        fields.push(...rustFieldErrors('presence_save', p));
        if (p.last_post_on != null && !/^\d{4}-\d{2}-\d{2}$/.test(p.last_post_on)) {
          fields.push({ field: 'last_post_on', code: 'invalid_date' });
        }
        if (fields.length) throw apiError('validation', 'bad', fields);
        a.presences = [...a.presences.filter((x) => x.network !== p.network), p];
        break;
      }
      case 'metric_save': {
        const c = args.check as MetricCheck;
        knownNetwork(c.network);
        a.metrics = [...a.metrics.filter((m) => !(m.network === c.network && m.metric === c.metric)), { ...c, available: c.available && !c.not_applicable, source: c.source.trim() }];
        break;
      }
      default:
        return undefined;
    }
    return auditView(id);
  };

  const bench = createBenchmarkFake();
  const objectives = createObjectivesFake();
  const objectiveCommands = new Set([
    'objectives_get',
    'goal_save',
    'goal_delete',
    'marketing_save',
    'marketing_delete',
    'objective_save',
    'objective_delete',
    'measurement_save',
    'mission_save',
    'mix_save',
    'topic_save',
    'topic_delete',
    'window_print',
  ]);

  mockIPC((cmd: string, payload?: InvokeArgs) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    b.calls.push({ cmd, args });
    const override = b.overrides[cmd];
    if (override) return override(args);
    switch (cmd) {
      case 'app_info': {
        const info: AppInfo = fakeAppInfo({ last_strategy_id: b.lastStrategyId, system_language: b.systemLanguage });
        return info;
      }
      case 'ui_ready':
        return null;
      case 'settings_get':
        return b.settings;
      case 'settings_set':
        b.settings = args.settings as Settings;
        return b.settings;
      case 'backups_list':
        return { backups: [], keep_days: 7, keep_weeks: 4, keep_events: 10 };
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
        const s = makeStrategy({ ...copy, name: `${copy.name} (${args.language === 'fr' ? 'copie' : 'copy'})` });
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
      case 'reviews_due':
        return b.dueReviews;
      case 'sample_create': {
        const s = makeStrategy({ name: 'Sample: Café Lumière', organisation: 'Café Lumière', sector: 'Food' });
        b.strategies.push(s);
        return s;
      }
      default: {
        const view =
          auditCommand(cmd, args) ?? (objectiveCommands.has(cmd) ? objectives.handle(cmd, args) : bench.handle(cmd, args));
        if (view) return view;
        throw apiError('internal', `unknown command ${cmd}`);
      }
    }
  });
  return b;
}

/**
 * Installs the fake with the sample strategy opened on its audit, as Rust answers it: the fake's audit is the
 * sample's, `audit_get` answers Rust's view of it (its findings and progress included), and the other commands
 * change the fake's copy as usual.
 */
export function installSampleBackend(init: Parameters<typeof installBackend>[0] = {}) {
  const strategy = { ...sampleStrategy(), current_step: 'audit' as const };
  const b = installBackend({ strategies: [strategy], lastStrategyId: strategy.id, ...init });
  const view = sampleAuditView();
  b.audits[strategy.id] = structuredClone(view.audit);
  b.overrides.audit_get = () => sampleAuditView();
  return { backend: b, strategy, view };
}
