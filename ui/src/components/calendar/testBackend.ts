// An in-memory stand-in for the Rust calendar commands, for component tests. `installCalendarBackend` installs it
// with `mockIPC`, together with the objectives fake (topics and objectives for the selects). The checks are whatever
// the test sets in `findings` (the rules live and are tested in Rust); the gauges are computed simply.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AbTest,
  ApiError,
  BestTimes,
  Plan,
  ProposedPost,
  CalendarChange,
  CalendarChanged,
  PostMoved,
  CalendarFinding,
  CalendarRow,
  CalendarView,
  CsvPreview,
  EditorialItem,
  EditorialItemInput,
  ContentFormat,
  FieldError,
  Learning,
  MappedImportReport,
  Measures,
  Post,
  PostInput,
  PostResults,
  TypedMeasures,
  ScopedChecks,
  VariedElement,
} from '../../bindings';
import { EMPTY_MEASURES } from '../adapt/state';
import { createObjectivesFake, type ObjFake, sampleObjectives } from '../objectives/testBackend';
import { frOf } from '../../test/networks';
import { daysOf } from './state';
import planWeek from './fixtures/plan-week.json';
import emptyBestTimes from '../../test/fixtures/best-times-empty.json';
import bestTimeDays from '../../test/fixtures/best-time-days.json';
import { sampleCalendarView } from '../../test/sample';

/** The planner's answer for the week of 11 January 2027 (today the 12th), written by a Rust test
 *  (src-tauri/cinq-core/tests/plan_fixture.rs): Instagram and LinkedIn, and a note. */
export const PLAN_WEEK = planWeek as Plan;

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface CalFake {
  rows: CalendarRow[];
  posts: Post[];
  editorial: EditorialItem[];
  findings: CalendarFinding[];
  /** The whole plan's findings (`calendar_plan_checks`); its gauges and topics are the period's. */
  planFindings: CalendarFinding[];
  /** Each post's results (step 5), by post id; none when absent. */
  results: Record<number, PostResults>;
  /** The learnings of the decided A/B tests (step 5); `learnings_get` answers those on the network asked (or on
   *  none, which apply everywhere). */
  learnings: Learning[];
  /** The A/B tests started from a post (`ab_test_start`). */
  abTests: AbTest[];
  /** What `calendar_plan` answers (whatever the request). */
  plan: Plan;
  /** What `best_times_get` answers (filtered by its network when it names one). */
  bestTimes: BestTimes;
  today: string;
  nextId: number;
  calls: Call[];
  /** Commands answered by a custom function (e.g. to reject). */
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Call[];
  obj: ObjFake;
}

export const CAL_ROWS: CalendarRow[] = [
  { network: 'instagram', name: 'Instagram', fr: frOf('instagram', 'Instagram'), max_length: 2200, kept: true, posts_per_week: 3, pillars: ['interaction'], new_pillar: 'interaction', new_objective: null },
  { network: 'linkedin', name: 'LinkedIn', fr: frOf('linkedin', 'LinkedIn'), max_length: 3000, kept: true, posts_per_week: 2, pillars: ['curation'], new_pillar: 'curation', new_objective: null },
  { network: 'x', name: 'X', fr: frOf('x', 'X'), max_length: 280, kept: true, posts_per_week: null, pillars: [], new_pillar: null, new_objective: null },
];

export function post(id: number, partial: Partial<PostInput> = {}): Post {
  return {
    id,
    network: 'instagram',
    scheduled_at: '2027-01-12T09:30',
    pillar: 'promotion',
    topic_id: null,
    title: `Post ${id}`,
    text: `Text of post ${id}`,
    link: '',
    media_notes: '',
    status: 'draft',
    editorial_item_id: null,
    objective_id: null,
    campaign: '',
    ...partial,
  };
}

export function editorialItem(id: number, partial: Partial<EditorialItemInput> = {}): EditorialItem {
  return {
    id,
    item_type: 'article',
    date: '2027-01-13',
    title: `Article ${id}`,
    theme: '',
    owner: '',
    status: 'planned',
    link: 'https://example.com/a',
    ...partial,
  };
}

function inRange(p: Post, from: string, to: string): boolean {
  return p.scheduled_at !== null && p.scheduled_at.slice(0, 10) >= from && p.scheduled_at.slice(0, 10) <= to;
}

export function viewOf(f: CalFake, from: string, to: string): CalendarView {
  const posts = f.posts.filter((p) => inRange(p, from, to)).sort((a, b) => a.scheduled_at!.localeCompare(b.scheduled_at!));
  const ideas = f.posts.filter((p) => p.scheduled_at === null).sort((a, b) => b.id - a.id);
  const withPillar = posts.filter((p) => p.pillar !== null);
  const share = (pillar: string) =>
    withPillar.length === 0 ? 0 : (withPillar.filter((p) => p.pillar === pillar).length * 100) / withPillar.length;
  return {
    from,
    to,
    today: f.today,
    calendar: {
      editorial: f.editorial.filter((e) => e.date >= from && e.date <= to),
      posts,
      ideas,
    },
    rows: f.rows,
    checks: {
      scope: {
        kind: 'period',
        // As the Rust side names them (roughly: a week is 7 days, anything else here a month).
        name: daysOf({ from, to }).length === 7 ? { en: 'This week', fr: 'Cette semaine' } : { en: 'This month', fr: 'Ce mois-ci' },
        covers: { en: `The posts from ${from} to ${to}, and the ideas.`, fr: `Les publications du ${from} au ${to}, et les idées.` },
      },
      from,
      to,
      findings: f.findings,
      gauges: [
        {
          network: null,
          target: f.obj.mix.strategy,
          actual:
            withPillar.length === 0
              ? null
              : { promotion: share('promotion'), curation: share('curation'), interaction: share('interaction') },
          posts: withPillar.length,
          within_tolerance: true,
        },
      ],
      topics: f.obj.topics.map((t) => ({ topic_id: t.id, posts: posts.filter((p) => p.topic_id === t.id).length })),
      options: { collision_gap_minutes: 120, mix_tolerance: 10, repeat_limit: 3, unused_weeks: 4 },
      mix_min_posts: 6,
    },
    editorial_all: f.editorial.map((e) => ({ id: e.id, title: e.title, date: e.date })),
    campaigns: [...new Set(f.posts.map((p) => p.campaign).filter((c) => c !== ''))].sort(),
  };
}

/** A finding of the calendar's checks, as the Rust side would send it. */
export function calendarFinding(partial: Partial<CalendarFinding> & Pick<CalendarFinding, 'kind'>): CalendarFinding {
  const title = partial.kind.replace(/_/g, ' ');
  return {
    severity: 'warning',
    network: null,
    title: { en: `EN ${title}`, fr: `FR ${title}` },
    explanation: { en: `Because of ${title}.`, fr: `À cause de ${title}.` },
    suggestion: { en: `Fix ${title}.`, fr: `Corrigez ${title}.` },
    link: { step: 'calendar', section: 'calendar', network: null, item: null, pillar: null },
    post_title: null,
    posts: [],
    editorial: [],
    ...partial,
  };
}

function reject(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

export function createCalendarFake(partial: Partial<Omit<CalFake, 'obj'>> = {}, obj: Partial<ObjFake> = {}) {
  const objectives = createObjectivesFake(obj);
  const f: CalFake = {
    rows: CAL_ROWS,
    posts: [],
    editorial: [],
    findings: [],
    planFindings: [],
    results: {},
    learnings: [],
    abTests: [],
    plan: PLAN_WEEK,
    bestTimes: structuredClone(emptyBestTimes as BestTimes),
    today: '2027-01-12',
    nextId: 1000,
    calls: [],
    overrides: {},
    callsTo: (cmd) => f.calls.filter((c) => c.cmd === cmd),
    obj: objectives.fake,
    ...partial,
  };
  const changed = (a: Record<string, unknown>, posts: Post[], editorial: EditorialItem[] = []): CalendarChanged => ({
    posts,
    editorial,
    view: viewOf(f, a.from as string, a.to as string),
  });
  const resultsOf = (postId: number): PostResults => {
    if (!f.posts.some((p) => p.id === postId)) reject('not_found', `post ${postId}`);
    return f.results[postId] ?? { post_id: postId, publication: null, snapshots: [] };
  };
  const handle = (cmd: string, a: Record<string, unknown>): unknown => {
    f.calls.push({ cmd, args: a });
    if (f.overrides[cmd]) return f.overrides[cmd](a);
    switch (cmd) {
      case 'calendar_get':
        return viewOf(f, a.from as string, a.to as string);
      case 'calendar_plan_checks': {
        const dated = f.posts.flatMap((p) => (p.scheduled_at ? [p.scheduled_at.slice(0, 10)] : [])).sort();
        const [from, to] = [dated[0] ?? '2027-01-01', dated[dated.length - 1] ?? '2027-03-25'];
        const checks = viewOf(f, from, to).checks;
        return {
          ...checks,
          scope: {
            kind: 'plan',
            name: { en: 'Whole plan', fr: 'Tout le plan' },
            covers: { en: `All the posts, from ${from} to ${to}, and the ideas.`, fr: `Toutes les publications, du ${from} au ${to}, et les idées.` },
          },
          findings: f.planFindings,
        } satisfies ScopedChecks;
      }
      case 'post_save': {
        const input = a.input as PostInput;
        if (input.network === '') reject('validation', 'network', [{ field: 'network', code: 'required' }]);
        const id = (a.postId as number | null) ?? f.nextId++;
        const saved = { ...input, id };
        f.posts = [...f.posts.filter((p) => p.id !== id), saved];
        return changed(a, [saved]);
      }
      case 'post_move': {
        const p = f.posts.find((x) => x.id === a.postId);
        if (!p) return reject('not_found', 'post');
        const moved: Post = { ...p, network: a.network as string, scheduled_at: a.scheduledAt as string | null };
        if (moved.scheduled_at === null && (moved.status === 'scheduled' || moved.status === 'published')) {
          moved.status = 'ready';
        }
        if (a.copy) moved.id = f.nextId++;
        f.posts = [...f.posts.filter((x) => x.id !== moved.id), moved];
        const view = viewOf(f, a.from as string, a.to as string);
        return { post: moved, rows: view.rows, checks: view.checks } satisfies PostMoved;
      }
      case 'post_delete':
        f.posts = f.posts.filter((p) => p.id !== a.postId);
        return viewOf(f, a.from as string, a.to as string);
      case 'editorial_save': {
        const id = (a.itemId as number | null) ?? f.nextId++;
        const saved = { ...(a.input as EditorialItemInput), id };
        f.editorial = [...f.editorial.filter((e) => e.id !== id), saved];
        return changed(a, [], [saved]);
      }
      case 'editorial_delete': {
        const relays = f.posts.filter((p) => p.editorial_item_id === a.itemId);
        f.editorial = f.editorial.filter((e) => e.id !== a.itemId);
        f.posts = f.posts.map((p) => (p.editorial_item_id === a.itemId ? { ...p, editorial_item_id: null } : p));
        return changed(a, relays);
      }
      case 'relay_posts_create': {
        const item = f.editorial.find((e) => e.id === a.itemId)!;
        const made = (a.networks as string[]).map((network) =>
          post(f.nextId++, {
            network,
            scheduled_at: `${item.date}T10:00`,
            title: item.title,
            text: `${item.title} ${item.link}`.trim(),
            link: item.link,
            editorial_item_id: item.id,
          }),
        );
        f.posts = [...f.posts, ...made];
        return changed(a, made);
      }
      case 'calendar_plan':
        return structuredClone(f.plan);
      case 'calendar_plan_accept': {
        // As `Store::accept_plan`: each post kept is written as a planned draft.
        const made = (a.posts as ProposedPost[]).map(({ reason: _reason, ...input }) => ({
          ...input,
          planned: true,
          id: f.nextId++,
        }));
        f.posts = [...f.posts, ...made];
        return changed(a, made);
      }
      case 'best_times_get': {
        const network = (a.network as string | null | undefined) ?? null;
        if (network === null) return structuredClone(f.bestTimes);
        return structuredClone({ ...f.bestTimes, networks: f.bestTimes.networks.filter((n) => n.network === network) });
      }
      case 'best_time_days': {
        // Rust's answers (tests/ui_fixtures.rs), for the fakes' today and three weeks around it.
        const day = (a.day as string) || f.today;
        const found = bestTimeDays.find((c) => c.today === f.today && c.day === day);
        if (!found) throw new Error(`best_time_days: no answer from Rust for ${day} (today ${f.today}) in best-time-days.json`);
        return [...found.days];
      }
      case 'calendar_apply': {
        const c = a.change as CalendarChange;
        for (const e of c.editorial) f.editorial = [...f.editorial.filter((x) => x.id !== e.id), e];
        for (const p of c.posts) f.posts = [...f.posts.filter((x) => x.id !== p.id), p];
        f.posts = f.posts.filter((p) => !c.delete_posts.includes(p.id));
        f.editorial = f.editorial.filter((e) => !c.delete_editorial.includes(e.id));
        return viewOf(f, a.from as string, a.to as string);
      }
      case 'calendar_export':
        return ['/tmp/calendar.csv'];
      case 'calendar_import_pick':
        return null satisfies CsvPreview | null;
      case 'calendar_import_run': {
        const report: MappedImportReport = {
          rows: 0,
          imported: 0,
          skipped: 0,
          errors: [],
          error_count: 0,
          written: !a.dryRun,
          created_topics: 0,
          created_objectives: 0,
          created_editorial: 0,
        };
        return { report, view: viewOf(f, a.from as string, a.to as string) };
      }
      case 'post_results_get':
        return resultsOf(a.postId as number);
      case 'post_results_save': {
        // As the Rust side: each box is a count (digits, maybe grouped by spaces) or empty, the day a day, all
        // checked at once; the day's numbers are replaced as a whole; all unknown deletes that day.
        const r = resultsOf(a.postId as number);
        const typed = a.measures as TypedMeasures;
        const day = a.takenOn as string;
        const errors: FieldError[] = [];
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.push({ field: 'taken_on', code: 'invalid_date' });
        const measures: Measures = { ...EMPTY_MEASURES };
        for (const [key, text] of Object.entries(typed) as [keyof Measures, string][]) {
          const digits = text.trim().replace(/[ \u00a0\u202f]/g, '');
          if (digits !== '' && !/^\d+$/.test(digits)) errors.push({ field: key, code: 'not_count' });
          else measures[key] = digits === '' ? null : Number(digits);
        }
        if (errors.length > 0) reject('validation', errors.map((e) => e.field).join('; '), errors);
        const others = r.snapshots.filter((x) => x.taken_on !== day);
        const empty = Object.values(measures).every((v) => v === null);
        const snapshots = empty
          ? others
          : [...others, { id: f.nextId++, post_id: r.post_id, taken_on: day, source: 'manual' as const, measures }].sort((x, y) =>
              x.taken_on.localeCompare(y.taken_on),
            );
        f.results[r.post_id] = { ...r, snapshots };
        return f.results[r.post_id];
      }
      case 'learnings_get':
        return f.learnings.filter((l) => l.networks.length === 0 || l.networks.includes(a.network as string));
      case 'ab_test_start': {
        // Roughly as the Rust side (which also steps over the network's other posts): the post is A, a draft copy of
        // it B, in the same slot a week later, or on the same day two hours apart when the time varies.
        const a0 = f.posts.find((p) => p.id === a.postId);
        if (!a0) return reject('not_found', `post ${String(a.postId)}`);
        const varied = a.varied as VariedElement;
        const shift = (at: string, hours: number) =>
          new Date(Date.parse(`${at}:00Z`) + hours * 3_600_000).toISOString().slice(0, 16);
        const place = (at: string) => {
          if (varied !== 'time') return shift(at, 7 * 24);
          const later = shift(at, 2);
          return later.slice(0, 10) === at.slice(0, 10) ? later : shift(at, -2);
        };
        const b: Post = {
          ...a0,
          id: f.nextId++,
          status: a0.status === 'idea' ? 'idea' : 'draft',
          scheduled_at: a0.scheduled_at ? place(a0.scheduled_at) : null,
        };
        f.posts = [...f.posts, b];
        const data = (label: string, p: Post) => ({
          label,
          post_id: p.id,
          post_title: p.title,
          network: p.network,
          scheduled_at: p.scheduled_at,
          from_results: false,
          successes: null,
          trials: null,
        });
        const test: AbTest = {
          id: f.nextId++,
          variant_data: [data('A', a0), data('B', b)],
          comparisons: [],
          verdicts: [],
          status: 'waiting_for_data',
          winner: null,
          networks: [a0.network],
          name: `${a.language === 'fr' ? 'Test A/B : ' : 'A/B test: '}${a0.title || `#${a0.id}`}`,
          hypothesis: '',
          varied,
          metric: 'click_through',
          numerator: null,
          denominator: null,
          variants: [
            { label: 'A', post_id: a0.id, successes: null, trials: null },
            { label: 'B', post_id: b.id, successes: null, trials: null },
          ],
          learning: '',
        };
        f.abTests = [test, ...f.abTests];
        return test;
      }
      case 'post_format_set': {
        const r = resultsOf(a.postId as number);
        const format = a.format as ContentFormat | null;
        const publication = r.publication ?? { external_id: '', permalink: '', format: null, unplanned: false };
        f.results[r.post_id] = { ...r, publication: r.publication || format ? { ...publication, format } : null };
        return f.results[r.post_id];
      }
      default:
        return objectives.handle(cmd, a);
    }
  };
  return { fake: f, handle };
}

/** Installs the fake calendar (and objectives) backend; returns its state to inspect and change. */
export function installCalendarBackend(partial: Partial<Omit<CalFake, 'obj'>> = {}, obj: Partial<ObjFake> = {}): CalFake {
  const { fake, handle } = createCalendarFake(partial, obj);
  mockIPC((cmd, args) => handle(cmd, (args ?? {}) as Record<string, unknown>));
  return fake;
}

/**
 * Installs the fake on the sample's calendar (its first month, `test/sample.ts`): its rows, posts, ideas, editorial
 * items, findings and today are Rust's, and `calendar_get` over that month answers Rust's view; the rest is the fake.
 */
export function installSampleCalendarBackend(): { fake: CalFake; view: CalendarView } {
  const view = sampleCalendarView();
  const fake = installCalendarBackend(
    {
      rows: view.rows,
      posts: [...view.calendar.posts, ...view.calendar.ideas],
      editorial: view.calendar.editorial,
      findings: view.checks.findings,
      today: view.today,
    },
    sampleObjectives(),
  );
  fake.overrides.calendar_get = (a) =>
    a.from === view.from && a.to === view.to ? sampleCalendarView() : viewOf(fake, a.from as string, a.to as string);
  return { fake, view };
}
