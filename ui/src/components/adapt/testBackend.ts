// An in-memory stand-in for the Rust commands of step 5, for component tests, over the calendar's fake (posts,
// `calendar_get`, the post results) and the objectives' fake (networks). The evaluation and the best times are whatever
// the test sets: the rules (KPI status, rates, underperformers, best times) live and are tested in Rust. Events are
// mocked too, so that a test can `emit` the import's progress.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  ApiError,
  BestTimes,
  Evaluation,
  KpiReading,
  KpiTrack,
  NetworkBestTimes,
  PerformanceGroup,
  PostPerformance,
  ResultsCsvPreview,
  ResultsImportReport,
  ResultsMapping,
  SlotEstimate,
  Totals,
  Underperformer,
} from '../../bindings';
import { createCalendarFake, type CalFake, type Call } from '../calendar/testBackend';
import emptyBestTimes from '../../test/fixtures/best-times-empty.json';
import type { ObjFake } from '../objectives/testBackend';

export interface AdaptFake {
  cal: CalFake;
  evaluation: Evaluation;
  /** What `best_times_get` answers (filtered by its network when it names one). */
  bestTimes: BestTimes;
  /** The ids of the unplanned posts (posts of `cal.posts`, as on the Rust side). */
  unplanned: number[];
  /** The dry run `results_pick` answers for a known export (null, with no `preview` either: the dialog was
   *  cancelled). */
  pick: ResultsImportReport | null;
  /** The preview `results_pick` answers for any other CSV (it wins over `pick`). */
  preview: ResultsCsvPreview | null;
  /** The dry run of the picked CSV through a mapping (`results_mapping_check`, and `results_import_run` with a
   *  mapping, written). */
  mapped: (mapping: ResultsMapping) => ResultsImportReport;
  nextId: number;
  calls: Call[];
  /** Commands answered by a custom function (e.g. to reject, or to wait). */
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Call[];
}

export function totals(partial: Partial<Totals> = {}): Totals {
  return {
    posts: 0,
    impressions: 0,
    engagements: 0,
    clicks: 0,
    engagement_rate: null,
    click_through_rate: null,
    ...partial,
  };
}

/** A history point as tests write it: the path's value may be left out. */
type PointIn = { date: string; value: number; expected?: number | null };

export function kpiTrack(
  input: Partial<Omit<KpiTrack, 'history'>> & Pick<KpiTrack, 'objective_id' | 'title'> & { history?: PointIn[] },
): KpiTrack {
  const { history, ...partial } = input;
  return {
    path: [],
    metric: 'reach',
    unit: 'people',
    direction: 'increase',
    baseline: null,
    target: null,
    start: '2027-01-04',
    deadline: null,
    source: 'posts',
    period_days: 30,
    current: null,
    expected: null,
    progress: null,
    projected: null,
    status: 'no_data',
    explanation: { en: `EN about ${partial.title}`, fr: `FR à propos de ${partial.title}` },
    readings: [],
    ...partial,
    history: (history ?? []).map((h) => ({ expected: null, ...h })),
  };
}

export function group(partial: Partial<PerformanceGroup> & Pick<PerformanceGroup, 'by' | 'key'>): PerformanceGroup {
  return {
    label: partial.key,
    totals: totals(),
    median_engagement_rate: null,
    weeks: [],
    top: [],
    bottom: [],
    ...partial,
  };
}

export function postPerformance(partial: Partial<PostPerformance> & Pick<PostPerformance, 'post_id'>): PostPerformance {
  return {
    network: 'instagram',
    scheduled_at: '2027-01-12T09:30',
    title: `Post ${partial.post_id}`,
    pillar: 'promotion',
    topic_id: null,
    format: 'photo',
    unplanned: false,
    measures: {
      impressions: 1000,
      reach: null,
      reactions: 40,
      comments: 5,
      shares: 3,
      saves: 2,
      clicks: 10,
      video_views: null,
      follows: null,
      leads: null,
    },
    engagement_rate: 5,
    click_through_rate: 1,
    ...partial,
  };
}

export function underperformer(partial: Partial<Underperformer> & Pick<Underperformer, 'kind'>): Underperformer {
  const what = partial.kind;
  return {
    network: 'instagram',
    post_id: null,
    format: null,
    value: 1.5,
    baseline: 4,
    title: { en: `EN ${what} falls short`, fr: `FR ${what} déçoit` },
    explanation: { en: `EN why ${what}`, fr: `FR pourquoi ${what}` },
    suggestion: { en: `EN try another ${what}`, fr: `FR essayez un autre ${what}` },
    ...partial,
  };
}

export function evaluation(partial: Partial<Evaluation> = {}): Evaluation {
  return {
    from: '2027-01-04',
    to: '2027-01-12',
    today: '2027-01-12',
    objectives: [],
    overall: totals(),
    groups: [],
    posts: [],
    top: [],
    bottom: [],
    underperformers: [],
    ...partial,
  };
}

export function slotEstimate(partial: Partial<SlotEstimate> & Pick<SlotEstimate, 'weekday' | 'hour'>): SlotEstimate {
  return { posts: 0, rate: 0.03, low: 0.02, high: 0.045, reach: 0, engagements: 0, ...partial };
}

/** A network with enough data: every slot at `rate` (with no post) unless `slots` gives it, and the best slots and the
 *  slot to try taken from those slots. */
export function networkBestTimes(
  partial: Partial<NetworkBestTimes> & Pick<NetworkBestTimes, 'network'> & { given?: SlotEstimate[] },
): NetworkBestTimes {
  const { given = [], ...rest } = partial;
  const slots = Array.from({ length: 168 }, (_, i) => {
    const weekday = Math.floor(i / 24) + 1;
    const hour = i % 24;
    return given.find((s) => s.weekday === weekday && s.hour === hour) ?? slotEstimate({ weekday, hour });
  });
  return {
    posts: given.reduce((n, s) => n + s.posts, 0),
    left_out: 0,
    enough_data: true,
    needed: 0,
    rate: 0.03,
    best: [],
    to_try: null,
    slots,
    note: { en: `EN learned on ${partial.network}`, fr: `FR appris sur ${partial.network}` },
    ...rest,
  };
}

export function bestTimes(partial: Partial<BestTimes> = {}): BestTimes {
  return { ...structuredClone(emptyBestTimes as BestTimes), ...partial };
}

export function importReport(partial: Partial<ResultsImportReport> = {}): ResultsImportReport {
  return {
    file: 'export.csv',
    kind: 'instagram_posts',
    network: 'instagram',
    rows: 10,
    matched: 6,
    updated: 1,
    unchanged: 1,
    unplanned: 2,
    rejected: 0,
    errors: [],
    error_count: 0,
    written: false,
    taken_on: '2027-01-12',
    ...partial,
  };
}

export function resultsMapping(partial: Partial<ResultsMapping> = {}): ResultsMapping {
  return {
    has_header: true,
    network: null,
    default_network: null,
    date: null,
    date_order: 'day_first',
    external_id: null,
    permalink: null,
    text: null,
    format: null,
    measures: {
      impressions: null,
      reach: null,
      reactions: null,
      comments: null,
      shares: null,
      saves: null,
      clicks: null,
      video_views: null,
      follows: null,
      leads: null,
    },
    ...partial,
  };
}

export function csvPreview(partial: Partial<ResultsCsvPreview> = {}): ResultsCsvPreview {
  return {
    file: 'planner-report.csv',
    columns: ['Channel', 'Published', 'Message', 'Views', 'Likes'],
    rows: [
      ['Instagram', '12/01/2027 09:30', 'Spring sale is on', '1200', '45'],
      ['LinkedIn', '13/01/2027 10:00', 'We are hiring', '800', '12'],
    ],
    total_rows: 2,
    mapping: resultsMapping({
      network: 0,
      date: 1,
      text: 2,
      measures: { ...resultsMapping().measures, impressions: 3, reactions: 4 },
    }),
    ...partial,
  };
}

function reject(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

export function createAdaptFake(
  partial: Partial<Omit<AdaptFake, 'cal' | 'calls' | 'callsTo'>> = {},
  cal: Partial<Omit<CalFake, 'obj'>> = {},
  obj: Partial<ObjFake> = {},
) {
  const calendar = createCalendarFake(cal, obj);
  const f: AdaptFake = {
    cal: calendar.fake,
    evaluation: evaluation(),
    bestTimes: bestTimes(),
    unplanned: [],
    pick: null,
    preview: null,
    mapped: () => importReport({ file: f.preview?.file ?? 'export.csv', kind: 'mapped', network: '' }),
    nextId: 5000,
    calls: calendar.fake.calls,
    overrides: {},
    callsTo: (cmd) => f.calls.filter((c) => c.cmd === cmd),
    ...partial,
  };
  const track = (objectiveId: number) => {
    const t = f.evaluation.objectives.find((o) => o.objective_id === objectiveId);
    if (!t) return reject('not_found', `objective ${objectiveId}`);
    return t;
  };
  /** A simple stand-in for the Rust rule: with readings, the latest one is the value. */
  const setReadings = (t: KpiTrack, readings: KpiReading[]) => {
    t.readings = readings.sort((a, b) => a.taken_on.localeCompare(b.taken_on));
    if (readings.length > 0) {
      t.source = 'readings';
      t.period_days = null;
      t.history = t.readings.map((r) => ({ date: r.taken_on, value: r.value, expected: null }));
      t.current = t.readings[t.readings.length - 1].value;
    }
    return structuredClone(t.readings);
  };

  const handle = (cmd: string, a: Record<string, unknown>): unknown => {
    const own = [
      'evaluation_get',
      'best_times_get',
      'results_pick',
      'results_mapping_check',
      'results_import_run',
      'results_import_cancel',
      'unplanned_list',
      'unplanned_link',
      'kpi_reading_save',
      'kpi_reading_delete',
    ];
    if (!own.includes(cmd)) return calendar.handle(cmd, a);
    f.calls.push({ cmd, args: a });
    if (f.overrides[cmd]) return f.overrides[cmd](a);
    switch (cmd) {
      case 'evaluation_get':
        return structuredClone({
          ...f.evaluation,
          from: (a.from as string | null) ?? f.evaluation.from,
          to: (a.to as string | null) ?? f.evaluation.to,
        });
      case 'best_times_get': {
        const network = a.network as string | null;
        if (network === null) return structuredClone(f.bestTimes);
        const networks = f.bestTimes.networks.filter((n) => n.network === network);
        if (networks.length === 0) return reject('validation', 'network', [{ field: 'network', code: 'unknown_network' }]);
        return structuredClone({ ...f.bestTimes, networks });
      }
      case 'results_pick':
        if (f.preview) return { report: null, preview: structuredClone(f.preview) };
        return f.pick ? { report: structuredClone(f.pick), preview: null } : null;
      case 'results_mapping_check': {
        const mapping = a.mapping as ResultsMapping;
        if (!f.preview) return reject('validation', 'no file', [{ field: 'file', code: 'required' }]);
        if (mapping.date === null) return reject('validation', 'date', [{ field: 'date', code: 'required' }]);
        return f.mapped(mapping);
      }
      case 'results_import_run': {
        const mapping = a.mapping as ResultsMapping | null;
        if (mapping !== null) {
          if (!f.preview) return reject('validation', 'no file', [{ field: 'file', code: 'required' }]);
          return { ...f.mapped(mapping), written: true };
        }
        if (!f.pick) return reject('validation', 'no file', [{ field: 'file', code: 'required' }]);
        return { ...f.pick, written: true };
      }
      case 'results_import_cancel':
        return null;
      case 'unplanned_list':
        return f.cal.posts
          .filter((p) => f.unplanned.includes(p.id))
          .sort((x, y) => (y.scheduled_at ?? '').localeCompare(x.scheduled_at ?? ''));
      case 'unplanned_link': {
        const from = f.cal.posts.find((p) => p.id === a.unplannedId);
        const to = f.cal.posts.find((p) => p.id === a.plannedId);
        if (!from || !to) return reject('not_found', 'post');
        if (!f.unplanned.includes(from.id)) return reject('conflict', `post ${from.id} is not an unplanned post`);
        if (from.network !== to.network) return reject('conflict', 'not the same network');
        const moved = f.cal.results[from.id];
        f.cal.posts = f.cal.posts.filter((p) => p.id !== from.id);
        f.unplanned = f.unplanned.filter((id) => id !== from.id);
        f.cal.results[to.id] = {
          post_id: to.id,
          publication: moved?.publication ? { ...moved.publication, unplanned: false } : null,
          snapshots: (moved?.snapshots ?? []).map((s) => ({ ...s, post_id: to.id })),
        };
        return f.cal.results[to.id];
      }
      case 'kpi_reading_save': {
        const t = track(a.objectiveId as number);
        const day = a.takenOn as string;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return reject('validation', 'taken_on', [{ field: 'taken_on', code: 'invalid_date' }]);
        const reading: KpiReading = {
          id: f.nextId++,
          objective_id: t.objective_id,
          taken_on: day,
          value: a.value as number,
          note: (a.note as string).trim(),
        };
        return setReadings(t, [...t.readings.filter((r) => r.taken_on !== day), reading]);
      }
      case 'kpi_reading_delete': {
        const t = f.evaluation.objectives.find((o) => o.readings.some((r) => r.id === a.readingId));
        if (!t) return reject('not_found', 'KPI reading');
        setReadings(t, t.readings.filter((r) => r.id !== a.readingId));
        return null;
      }
      default:
        return reject('internal', `the step 5 fake has no command ${cmd}`);
    }
  };
  return { fake: f, handle };
}

/** Installs the fake step 5 backend (with the calendar's and the objectives'), and mocked events. */
export function installAdaptBackend(
  partial: Partial<Omit<AdaptFake, 'cal' | 'calls' | 'callsTo'>> = {},
  cal: Partial<Omit<CalFake, 'obj'>> = {},
  obj: Partial<ObjFake> = {},
): AdaptFake {
  const { fake, handle } = createAdaptFake(partial, cal, obj);
  mockIPC((cmd, args) => handle(cmd, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
  return fake;
}

/** A promise the test settles by hand (a command still running). */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let rejectWith!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    rejectWith = rej;
  });
  return { promise, resolve, reject: rejectWith };
}
