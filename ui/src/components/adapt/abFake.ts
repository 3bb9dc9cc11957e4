// An in-memory stand-in for the Rust commands of step 5's A/B tests and adaptations, for the component tests of
// AbTests.tsx and Adaptations.tsx. The calendar and the objectives are the calendar's fake (which has the
// objectives'). Nothing here judges a test or applies an action as the Rust side does: the tests set the answers
// they need (`overrides`, or the tests and adaptations as stored).
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AbTest,
  AbTestInput,
  AbVariantData,
  AbVariantInput,
  Adaptation,
  AdaptationAction,
  AdaptationInput,
  ApiError,
  Evaluation,
  Strategy,
  Text,
} from '../../bindings';
import type { ObjFake } from '../objectives/testBackend';
import { createCalendarFake, post, type CalFake } from '../calendar/testBackend';
import { fakeAppInfo } from '../../test/appInfo';

export interface Step5Fake {
  cal: CalFake;
  tests: AbTest[];
  adaptations: Adaptation[];
  evaluation: Evaluation;
  /** What `adaptation_apply` records as changed; empty: it rejects as the Rust side does when nothing changes. */
  applyChanges: Adaptation['changes'];
  nextId: number;
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Record<string, unknown>[];
}

export const text = (en: string, fr: string): Text => ({ en, fr });

export function strategy(id: number): Strategy {
  return {
    id,
    name: `Strategy ${id}`,
    organisation: 'Acme',
    sector: 'Retail',
    language: 'en',
    timezone: 'Europe/Paris',
    start_date: '2027-01-04',
    current_step: 'test_adapt',
    steps: [],
    created_at: '2027-01-01T09:00:00Z',
    updated_at: '2027-01-01T09:00:00Z',
  };
}

export function emptyEvaluation(partial: Partial<Evaluation> = {}): Evaluation {
  const totals = { posts: 0, impressions: 0, engagements: 0, clicks: 0, engagement_rate: null, click_through_rate: null };
  return {
    from: '2027-01-04',
    to: '2027-02-15',
    today: '2027-02-15',
    objectives: [],
    overall: totals,
    groups: [],
    posts: [],
    top: [],
    bottom: [],
    underperformers: [],
    ...partial,
  };
}

/** A test as the Rust side answers it. `variants` here are the computed ones (`variant_data`); the input variants
 *  are `inputs`, or made from the computed ones (typed counts where the counts do not come from results). */
export function abTest(
  id: number,
  partial: Partial<Omit<AbTest, 'variants' | 'variant_data'>> & { variants?: AbVariantData[]; inputs?: AbVariantInput[] } = {},
): AbTest {
  const { inputs, variants: computed, ...rest } = partial;
  const variants: AbVariantData[] = computed ?? [
    { label: 'A', post_id: null, post_title: '', network: '', scheduled_at: null, from_results: false, successes: null, trials: null },
    { label: 'B', post_id: null, post_title: '', network: '', scheduled_at: null, from_results: false, successes: null, trials: null },
  ];
  return {
    id,
    name: `Test ${id}`,
    hypothesis: '',
    varied: 'photo',
    metric: 'click_through',
    numerator: null,
    denominator: null,
    learning: '',
    comparisons: [],
    verdicts: [],
    status: 'waiting_for_data',
    winner: null,
    networks: [],
    ...rest,
    variant_data: variants,
    variants:
      inputs ??
      variants.map((v) => ({
        label: v.label,
        post_id: v.post_id,
        successes: v.from_results ? null : v.successes,
        trials: v.from_results ? null : v.trials,
      })),
  };
}

/** An adaptation as the fake answers it. Whether its review is due is Rust's rule: the fake never decides it, the
 *  test's data says so (`due`, false by default), and an adaptation the fake writes is not due. */
export function adaptation(id: number, partial: Partial<Adaptation> = {}): Adaptation {
  return {
    id,
    date: '2027-02-01',
    observation: '',
    decision: `Decision ${id}`,
    evidence: { kind: 'none', ref_id: null, label: '' },
    expected_effect: '',
    review_on: null,
    reviewed: false,
    action: null,
    changes: [],
    due: false,
    ...partial,
  };
}

function reject(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

/** The posts of the plan the tests use: two on Instagram, one on LinkedIn. */
export const PLAN_POSTS = [
  post(11, { network: 'instagram', title: 'Spring photo with Léa', scheduled_at: '2027-02-03T09:30' }),
  post(12, { network: 'instagram', title: 'Spring product shot', scheduled_at: '2027-02-03T11:30' }),
  post(13, { network: 'linkedin', title: 'Hiring baristas', scheduled_at: '2027-02-20T08:00' }),
];

export function installStep5Fake(
  init: Partial<Pick<Step5Fake, 'tests' | 'adaptations' | 'evaluation' | 'applyChanges'>> = {},
  obj: Partial<ObjFake> = {},
): Step5Fake {
  const { fake: cal, handle } = createCalendarFake({ posts: structuredClone(PLAN_POSTS), today: '2027-02-15' }, {
    today: '2027-02-15',
    missions: [
      { network: 'instagram', statement: 'Show the café', audiences: [], objectives: [], pillars: ['interaction'], posts_per_week: 3 },
      { network: 'linkedin', statement: 'Hire', audiences: [], objectives: [], pillars: ['curation'], posts_per_week: null },
    ],
    mix: { strategy: { promotion: 30, curation: 30, interaction: 40 }, networks: [] },
    ...obj,
  });
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const f: Step5Fake = {
    cal,
    tests: init.tests ?? [],
    adaptations: init.adaptations ?? [],
    evaluation: init.evaluation ?? emptyEvaluation(),
    applyChanges: init.applyChanges ?? [],
    nextId: 500,
    overrides: {},
    callsTo: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
  const testOf = (id: number, input: AbTestInput): AbTest =>
    abTest(id, {
      ...input,
      inputs: input.variants,
      variants: input.variants.map((v) => {
        const p = cal.posts.find((x) => x.id === v.post_id);
        return {
          label: v.label,
          post_id: p?.id ?? null,
          post_title: p?.title ?? '',
          network: p?.network ?? '',
          scheduled_at: p?.scheduled_at ?? null,
          from_results: false,
          successes: v.successes,
          trials: v.trials,
        };
      }),
    });
  const sorted = () => [...f.adaptations].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);

  mockIPC((cmd, payload) => {
    const a = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (f.overrides[cmd]) return f.overrides[cmd](a);
    switch (cmd) {
      case 'app_info':
        return fakeAppInfo();
      case 'strategy_get':
        return strategy(a.id as number);
      case 'ab_tests_get':
        return f.tests;
      case 'ab_test_save': {
        const input = a.input as AbTestInput;
        if (input.name.trim() === '') reject('validation', 'invalid input', [{ field: 'name', code: 'required' }]);
        const id = (a.testId as number | null) ?? f.nextId++;
        const t = testOf(id, input);
        f.tests = a.testId == null ? [t, ...f.tests] : f.tests.map((x) => (x.id === id ? t : x));
        return f.tests;
      }
      case 'ab_test_delete':
        f.tests = f.tests.filter((x) => x.id !== a.testId);
        return f.tests;
      case 'evaluation_get':
        return f.evaluation;
      case 'adaptations_get':
        return sorted();
      case 'adaptation_save': {
        const input = a.input as AdaptationInput;
        const id = a.adaptationId as number | null;
        if (id == null) f.adaptations.push(adaptation(f.nextId++, { ...input }));
        else f.adaptations = f.adaptations.map((x) => (x.id === id ? { ...x, ...input, due: false } : x));
        return sorted();
      }
      case 'adaptation_delete':
        f.adaptations = f.adaptations.filter((x) => x.id !== a.adaptationId);
        return sorted();
      case 'adaptation_apply': {
        if (f.applyChanges.length === 0) {
          reject('conflict', 'this action would change nothing in the plan, so it was not applied');
        }
        const input = a.input as AdaptationInput;
        f.adaptations.push(
          adaptation(f.nextId++, { ...input, action: a.action as AdaptationAction, changes: f.applyChanges }),
        );
        return sorted();
      }
      default:
        return handle(cmd, a);
    }
  });
  return f;
}
