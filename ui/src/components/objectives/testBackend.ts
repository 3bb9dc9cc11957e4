// An in-memory stand-in for the Rust objectives commands, for component tests. `createObjectivesFake` gives a
// command handler that another fake can delegate to; `installObjectivesBackend` installs it alone with `mockIPC`.
// The checks are a simplified copy of the Rust rules (src-tauri/cinq-core/src/smart.rs): enough for the UI to show
// them, not a second implementation to trust.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import { fakeAppInfo } from '../../test/appInfo';
import type {
  ApiError,
  BusinessGoal,
  BusinessGoalInput,
  ContentMix,
  Finding,
  KpiMetric,
  MetricInfo,
  MarketingObjective,
  MarketingObjectiveInput,
  MeasurementPlan,
  Mission,
  MixWeights,
  Network,
  Objective,
  ObjectiveCheck,
  ObjectiveInput,
  ObjectivesView,
  PersonaRef,
  StrategyOverview,
  Topic,
  TopicInput,
} from '../../bindings';
import { EMPTY_OBJECTIVE } from './state';
import { frOf } from '../../test/networks';
import { rustFieldErrors } from '../../test/rustErrors';
import { sampleObjectivesView } from '../../test/sample';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface ObjFake {
  networks: Network[];
  kept: string[];
  undecided: string[];
  personas: PersonaRef[];
  goals: BusinessGoal[];
  marketing: MarketingObjective[];
  objectives: Objective[];
  missions: Mission[];
  mix: ContentMix;
  topics: Topic[];
  today: string;
  /** The mix the calendar plans (none by default). */
  planned: { mix: ObjectivesView['planned_mix']; posts: number };
  /** Which parts are filled in, returned with every view as the test sets it (Rust's rule: the fake never decides). */
  progress: ObjectivesView['progress'];
  /** When set, returned as the findings of every view instead of the simple computed ones. */
  findings: Finding[] | null;
  calls: Call[];
  /** Commands answered by a custom function (e.g. to reject). */
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Call[];
}

export const OBJ_NETWORKS: Network[] = [
  { key: 'facebook', name: 'Facebook', kind: 'social', max_length: 63206, formats: ['photo', 'video', 'link'], custom: false, fr: frOf('facebook', 'Facebook') },
  { key: 'instagram', name: 'Instagram', kind: 'social', max_length: 2200, formats: ['photo', 'video', 'carousel', 'story'], custom: false, fr: frOf('instagram', 'Instagram') },
  { key: 'linkedin', name: 'LinkedIn', kind: 'social', max_length: 3000, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('linkedin', 'LinkedIn') },
  { key: 'newsletter', name: 'Newsletter', kind: 'owned', max_length: null, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('newsletter', 'Newsletter') },
];

export { EMPTY_OBJECTIVE };

const VANITY: readonly KpiMetric[] = ['followers', 'likes', 'shares'];

/** The metrics of the catalogue as the Rust side describes them (`KpiMetric::ALL`). */
const METRICS: MetricInfo[] = (
  [
    'reach', 'impressions', 'followers', 'likes', 'shares', 'comments', 'engagement_rate', 'mentions', 'video_views',
    'clicks', 'click_through_rate', 'qualified_visits', 'leads', 'sign_ups', 'conversions', 'sales', 'response_time',
    'response_rate', 'rating', 'custom',
  ] as const
).map((metric) => ({ metric, vanity: VANITY.includes(metric), direction: metric === 'response_time' ? 'decrease' : 'increase' }));

function apiError(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): ApiError {
  return { code, message, fields };
}
const validation = (fields: ApiError['fields']) => apiError('validation', 'invalid input', fields);

function check(f: ObjFake, o: Objective): ObjectiveCheck {
  const d = o;
  const specific = d.kpi_metric !== null && (d.kpi_metric !== 'custom' || d.kpi_name.trim() !== '');
  const m = f.marketing.find((x) => x.id === d.marketing_objective_id);
  const relevant = !!m && f.goals.some((g) => g.id === m.business_goal_id);
  const vanity = d.kpi_metric !== null && VANITY.includes(d.kpi_metric) && !(relevant && d.contribution.trim() !== '');
  return {
    objective_id: o.id,
    smart: {
      specific,
      measurable: specific && o.measurement.source.trim() !== '',
      ambition: 'unknown',
      achievable: false,
      monthly_factor: null,
      pace: null,
      relevant,
      time_bound: d.deadline !== null && d.deadline > f.today,
      vanity,
    },
    source_suggestions: [],
  };
}

function finding(kind: Finding['kind'], severity: Finding['severity'], title: string, section: string, item: number | null, network: string | null = null): Finding {
  return {
    kind,
    severity,
    network,
    title: { en: title, fr: `FR ${title}` },
    explanation: { en: `Why: ${title}`, fr: `Pourquoi : ${title}` },
    suggestion: { en: `Fix: ${title}`, fr: `Corriger : ${title}` },
    link: { step: 'objectives', section, network, item, pillar: null },
  };
}

function computedFindings(f: ObjFake, checks: ObjectiveCheck[]): Finding[] {
  const out: Finding[] = [];
  for (const c of checks) {
    const o = f.objectives.find((x) => x.id === c.objective_id);
    if (!o) continue;
    if (!c.smart.measurable) out.push(finding('not_measurable', 'blocking', `You cannot measure objective “${o.title}”`, 'measurement', o.id));
    if (c.smart.vanity) out.push(finding('vanity_metric', 'warning', `“${o.title}” follows a vanity metric`, 'objectives', o.id));
  }
  for (const k of f.kept) {
    if (!f.missions.some((m) => m.network === k && m.statement.trim() !== ''))
      out.push(finding('network_without_mission', 'warning', `${k} has no mission`, 'missions', null, k));
  }
  return out.sort((a, b) => ['blocking', 'warning', 'info'].indexOf(a.severity) - ['blocking', 'warning', 'info'].indexOf(b.severity));
}

export function viewOf(f: ObjFake): ObjectivesView {
  const checks = f.objectives.map((o) => check(f, o));
  return structuredClone({
    data: { goals: f.goals, marketing: f.marketing, objectives: f.objectives, missions: f.missions, mix: f.mix, topics: f.topics },
    networks: f.networks,
    kept: f.kept,
    undecided: f.undecided,
    personas: f.personas,
    suggested_audiences: f.kept.map((network) => ({ network, personas: [] })),
    checks,
    findings: f.findings ?? computedFindings(f, checks),
    templates: [
      {
        objective_type: 'traffic',
        title: { en: 'Bring qualified visitors to the website', fr: 'Amener des visiteurs qualifiés sur le site' },
        kpi_metric: 'qualified_visits',
        kpi_name: { en: 'Visits from social media', fr: 'Visites venues des réseaux' },
        kpi_unit: { en: 'visits / month', fr: 'visites / mois' },
        direction: 'increase',
        source: { en: 'Web analytics', fr: 'Statistiques du site' },
        why: { en: 'Interested visitors can buy.', fr: 'Des visiteurs intéressés peuvent acheter.' },
      },
    ],
    mission_suggestions: [
      { network: 'instagram', statement: { en: 'Tell the brand’s story in pictures.', fr: 'Raconter l’histoire de la marque en images.' }, pillars: ['interaction', 'promotion'] },
      { network: 'linkedin', statement: { en: 'Build credibility and expertise.', fr: 'Renforcer notre crédibilité et notre expertise.' }, pillars: ['curation', 'interaction'] },
    ],
    today: f.today,
    metrics: METRICS,
    planned_mix: f.planned.mix,
    planned_posts: f.planned.posts,
    progress: f.progress,
  } satisfies ObjectivesView);
}

/** Rust's answer to weights it refuses (the fixture's cases), else null. */
function mixError(w: MixWeights): ApiError | null {
  const fields = rustFieldErrors('mix_save', { weights: w });
  return fields.length ? validation(fields) : null;
}

let nextId = 1000;

export function createObjectivesFake(partial: Partial<ObjFake> = {}): {
  fake: ObjFake;
  handle: (cmd: string, args: Record<string, unknown>) => unknown;
} {
  const fake: ObjFake = {
    networks: OBJ_NETWORKS,
    kept: ['instagram', 'linkedin'],
    undecided: [],
    personas: [{ id: 1, name: 'Léa' }],
    goals: [],
    marketing: [],
    objectives: [],
    missions: [],
    mix: { strategy: { promotion: 33, curation: 33, interaction: 34 }, networks: [] },
    topics: [],
    today: '2026-06-01',
    planned: { mix: null, posts: 0 },
    progress: { goals: false, objectives: false, missions: false, mix: false, measurement: false },
    findings: null,
    calls: [],
    overrides: {},
    callsTo: (cmd) => fake.calls.filter((c) => c.cmd === cmd),
    ...partial,
  };
  const id = (args: Record<string, unknown>, k: string) => args[k] as number | null;
  const handle = (cmd: string, args: Record<string, unknown>): unknown => {
    fake.calls.push({ cmd, args });
    const override = fake.overrides[cmd];
    if (override) return override(args);
    switch (cmd) {
      case 'objectives_get':
        return viewOf(fake);
      case 'goal_save': {
        const input = args.input as BusinessGoalInput;
        if (!input.title.trim()) throw validation([{ field: 'title', code: 'required' }]);
        const gid = id(args, 'goalId');
        if (gid === null) fake.goals.push({ id: nextId++, ...input });
        else fake.goals = fake.goals.map((g) => (g.id === gid ? { id: gid, ...input } : g));
        return viewOf(fake);
      }
      case 'goal_delete': {
        const gid = id(args, 'goalId');
        fake.goals = fake.goals.filter((g) => g.id !== gid);
        fake.marketing = fake.marketing.map((m) => (m.business_goal_id === gid ? { ...m, business_goal_id: null } : m));
        return viewOf(fake);
      }
      case 'marketing_save': {
        const input = args.input as MarketingObjectiveInput;
        if (!input.title.trim()) throw validation([{ field: 'title', code: 'required' }]);
        const mid = id(args, 'marketingId');
        if (mid === null) fake.marketing.push({ id: nextId++, ...input });
        else fake.marketing = fake.marketing.map((m) => (m.id === mid ? { id: mid, ...input } : m));
        return viewOf(fake);
      }
      case 'marketing_delete': {
        const mid = id(args, 'marketingId');
        fake.marketing = fake.marketing.filter((m) => m.id !== mid);
        fake.objectives = fake.objectives.map((o) => (o.marketing_objective_id === mid ? { ...o, marketing_objective_id: null } : o));
        return viewOf(fake);
      }
      case 'objective_save': {
        const input = args.input as ObjectiveInput;
        const errors: ApiError['fields'] = [];
        if (!input.title.trim()) errors.push({ field: 'title', code: 'required' });
        errors.push(...rustFieldErrors('objective_save', input));
        if (input.kpi_metric === 'custom' && !input.kpi_name.trim()) errors.push({ field: 'kpi_name', code: 'required' });
        if (errors.length) throw validation(errors);
        const oid = id(args, 'objectiveId');
        if (oid === null) fake.objectives.push({ id: nextId++, ...input, measurement: { source: '', frequency: null, reviewer: '' } });
        else fake.objectives = fake.objectives.map((o) => (o.id === oid ? { ...o, ...input } : o));
        return viewOf(fake);
      }
      case 'objective_delete': {
        const oid = id(args, 'objectiveId');
        fake.objectives = fake.objectives.filter((o) => o.id !== oid);
        fake.missions = fake.missions.map((m) => ({ ...m, objectives: m.objectives.filter((x) => x !== oid) }));
        return viewOf(fake);
      }
      case 'measurement_save': {
        const oid = id(args, 'objectiveId');
        const plan = args.plan as MeasurementPlan;
        fake.objectives = fake.objectives.map((o) => (o.id === oid ? { ...o, measurement: plan } : o));
        return viewOf(fake);
      }
      case 'mission_save': {
        const m = args.mission as Mission;
        const refused = rustFieldErrors('mission_save', m);
        if (refused.length) throw validation(refused);
        fake.missions = [...fake.missions.filter((x) => x.network !== m.network), m];
        return viewOf(fake);
      }
      case 'mix_save': {
        const network = args.network as string | null;
        const weights = args.weights as MixWeights | null;
        if (weights) {
          const e = mixError(weights);
          if (e) throw e;
        }
        if (network === null && weights) fake.mix = { ...fake.mix, strategy: weights };
        else if (network !== null) {
          const rest = fake.mix.networks.filter((n) => n.network !== network);
          fake.mix = { ...fake.mix, networks: weights ? [...rest, { network, weights }] : rest };
        }
        return viewOf(fake);
      }
      case 'topic_save': {
        const input = args.input as TopicInput;
        const tid = id(args, 'topicId');
        if (!input.name.trim()) throw validation([{ field: 'name', code: 'required' }]);
        if (fake.topics.some((t) => t.id !== tid && t.pillar === input.pillar && t.name.toLowerCase() === input.name.trim().toLowerCase()))
          throw validation([{ field: 'name', code: 'taken' }]);
        if (tid === null) fake.topics.push({ id: nextId++, ...input, name: input.name.trim() });
        else fake.topics = fake.topics.map((t) => (t.id === tid ? { id: tid, ...input } : t));
        return viewOf(fake);
      }
      case 'topic_delete': {
        const tid = id(args, 'topicId');
        fake.topics = fake.topics.filter((t) => t.id !== tid);
        return viewOf(fake);
      }
      case 'window_print':
        return null;
      case 'app_info':
        return fakeAppInfo();
      default:
        throw apiError('internal', `the objectives fake has no command ${cmd}`);
    }
  };
  return { fake, handle };
}

/** An overview built from the fake's state, for the overview page's tests. */
export function overviewOf(f: ObjFake, partial: Partial<StrategyOverview> = {}): StrategyOverview {
  const v = viewOf(f);
  return {
    strategy: {
      id: 1,
      name: 'Brand',
      organisation: 'Brand Co',
      sector: 'Retail',
      language: 'en',
      timezone: 'Europe/Paris',
      start_date: '2026-03-02',
      current_step: 'objectives',
      steps: [],
      created_at: '2026-03-02T10:00:00Z',
      updated_at: '2026-03-02T10:00:00Z',
    },
    audiences: [],
    networks: f.kept.map((key) => ({
      key,
      name: f.networks.find((n) => n.key === key)?.name ?? key,
      decision: 'keep',
      mission: f.missions.find((m) => m.network === key) ?? null,
    })),
    goals: f.goals,
    marketing: f.marketing,
    objectives: f.objectives.map((objective) => ({ objective, smart: v.checks.find((c) => c.objective_id === objective.id)!.smart })),
    mix: f.mix,
    topics: f.topics,
    findings: v.findings,
    today: f.today,
    ...partial,
  };
}

/** Installs the fake alone: the objectives commands answer; anything else is an internal error. */
export function installObjectivesBackend(partial: Partial<ObjFake> = {}): ObjFake {
  const { fake, handle } = createObjectivesFake(partial);
  mockIPC((cmd: string, args?: InvokeArgs) => handle(cmd, (args ?? {}) as Record<string, unknown>));
  return fake;
}

/** The fake's state from the sample strategy's objectives as Rust answers them (`test/sample.ts`). */
export function sampleObjectives(): Partial<ObjFake> {
  const view = sampleObjectivesView();
  return {
    networks: view.networks,
    kept: view.kept,
    undecided: view.undecided,
    personas: view.personas,
    ...view.data,
    today: view.today,
    planned: { mix: view.planned_mix, posts: view.planned_posts },
    progress: view.progress,
    findings: view.findings,
  };
}

/** Installs the fake on the sample's objectives: `objectives_get` answers Rust's view; changes go to the fake. */
export function installSampleObjectivesBackend(): ObjFake {
  const { fake, handle } = createObjectivesFake(sampleObjectives());
  mockIPC((cmd: string, args?: InvokeArgs) =>
    cmd === 'objectives_get' ? sampleObjectivesView() : handle(cmd, (args ?? {}) as Record<string, unknown>),
  );
  return fake;
}
