// An in-memory stand-in for the Rust benchmark commands, for component tests. `createBenchmarkFake` gives a
// command handler that another fake can delegate to; `installBenchmarkBackend` installs it alone with `mockIPC`.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type {
  ApiError,
  BenchmarkProgress,
  BenchmarkView,
  ComparisonRow,
  Coverage,
  CustomerVoice,
  Finding,
  Network,
  Observation,
  ObservationInput,
  Player,
  PlayerInput,
  Text,
  Trend,
  TrendInput,
} from '../../bindings';
import { frOf } from '../../test/networks';
import { rustFieldErrors } from '../../test/rustErrors';
import { sampleBenchmarkView, sampleStrategy } from '../../test/sample';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface BrandFigures {
  followers: number | null;
  posts_per_week: number | null;
  engagement_per_post: number | null;
}

export interface BenchFake {
  networks: Network[];
  players: Player[];
  /** In any order: the view lists them newest first. */
  observations: Observation[];
  voice: CustomerVoice;
  trends: Trend[];
  brandThemes: string[];
  /** The brand's name in the comparison and the survey. */
  brandName: string;
  /** The brand's figures per network, as the audit would give them. */
  brandFigures: Record<string, BrandFigures>;
  /** Returned with every view. */
  findings: Finding[];
  /** Which parts are filled in, returned with every view as the test sets it (Rust's rule: the fake never decides). */
  progress: BenchmarkProgress;
  calls: Call[];
  /** Commands answered by a custom function (e.g. to reject). */
  overrides: Record<string, (args: Record<string, unknown>) => unknown>;
  callsTo: (cmd: string) => Call[];
}

/** A few networks of the real catalogue. */
export const BENCH_NETWORKS: Network[] = [
  { key: 'facebook', name: 'Facebook', kind: 'social', max_length: 63206, formats: ['photo', 'video', 'link'], custom: false, fr: frOf('facebook', 'Facebook') },
  { key: 'instagram', name: 'Instagram', kind: 'social', max_length: 2200, formats: ['photo', 'video', 'carousel', 'story'], custom: false, fr: frOf('instagram', 'Instagram') },
  { key: 'linkedin', name: 'LinkedIn', kind: 'social', max_length: 3000, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('linkedin', 'LinkedIn') },
  { key: 'tiktok', name: 'TikTok', kind: 'social', max_length: 4000, formats: ['video', 'short_video'], custom: false, fr: frOf('tiktok', 'TikTok') },
  { key: 'blog', name: 'Blog', kind: 'owned', max_length: null, formats: ['photo', 'text', 'link'], custom: false, fr: frOf('blog', 'Blog') },
];

function apiError(code: ApiError['code'], message: string, fields: ApiError['fields'] = []): ApiError {
  return { code, message, fields };
}

const validation = (fields: ApiError['fields']) => apiError('validation', 'invalid input', fields);

/** Trims, drops empty and repeated themes (case-insensitive), keeping the first spelling. */
function cleanThemes(themes: readonly string[]): string[] {
  const seen = new Set<string>();
  return themes
    .map((t) => t.trim())
    .filter((t) => t !== '' && !seen.has(t.toLowerCase()) && (seen.add(t.toLowerCase()), true));
}

const newestFirst = (a: Observation, b: Observation) =>
  a.observed_on === b.observed_on ? b.id - a.id : a.observed_on < b.observed_on ? 1 : -1;

function latest(b: BenchFake): Observation[] {
  const out: Observation[] = [];
  for (const o of [...b.observations].sort(newestFirst)) {
    if (!out.some((x) => x.player_id === o.player_id && x.network === o.network)) out.push(o);
  }
  return out;
}

function comparison(b: BenchFake): ComparisonRow[] {
  const last = latest(b);
  const rows: ComparisonRow[] = [];
  for (const n of b.networks) {
    const seen = last.filter((o) => o.network === n.key);
    if (seen.length === 0) continue;
    const brand = b.brandFigures[n.key];
    rows.push({
      network: n.key,
      player_id: null,
      name: b.brandName,
      player_type: null,
      followers: brand?.followers ?? null,
      posts_per_week: brand?.posts_per_week ?? null,
      engagement_per_post: brand?.engagement_per_post ?? null,
      observed_on: null,
    });
    for (const p of b.players) {
      const o = seen.find((x) => x.player_id === p.id);
      if (!o) continue;
      rows.push({
        network: n.key,
        player_id: p.id,
        name: p.name,
        player_type: p.player_type,
        followers: o.followers,
        posts_per_week: o.posts_per_week,
        engagement_per_post: o.engagement_per_post,
        observed_on: o.observed_on,
      });
    }
  }
  return rows;
}

function coverage(b: BenchFake): Coverage {
  const last = latest(b);
  const themes = cleanThemes([...b.brandThemes, ...last.flatMap((o) => o.themes)]);
  const covered_by = themes.map((t) =>
    b.players
      .filter((p) => last.some((o) => o.player_id === p.id && o.themes.some((x) => x.trim().toLowerCase() === t.toLowerCase())))
      .map((p) => p.id),
  );
  const observed = new Set(last.map((o) => o.player_id)).size;
  return {
    themes,
    covered_by,
    white_space: themes.filter((_, i) => covered_by[i].length === 0),
    crowded: themes.filter((_, i) => observed >= 2 && covered_by[i].length === observed),
  };
}

function survey(brand: string, voice: CustomerVoice): Text {
  const qs = voice.questions.map((q) => q.trim()).filter((q) => q !== '');
  if (qs.length === 0) return { en: '', fr: '' };
  const list = qs.map((q, i) => `${i + 1}. ${q}\n`).join('');
  return {
    en: `${brand} would like your opinion\n\nIt takes two minutes and helps us share what matters to you.\n\n${list}\nThank you!\n`,
    fr: `${brand} aimerait avoir votre avis\n\nCela prend deux minutes et nous aide à partager ce qui compte pour vous.\n\n${list}\nMerci !\n`,
  };
}

export function benchmarkView(b: BenchFake): BenchmarkView {
  return structuredClone({
    benchmark: {
      players: b.players,
      observations: [...b.observations].sort(newestFirst),
      voice: b.voice,
      trends: b.trends,
      brand_themes: b.brandThemes,
    },
    networks: b.networks,
    comparison: comparison(b),
    coverage: coverage(b),
    findings: b.findings,
    survey: survey(b.brandName, b.voice),
    progress: b.progress,
  });
}

export function createBenchmarkFake(init: Partial<Omit<BenchFake, 'calls' | 'callsTo' | 'overrides'>> = {}) {
  let nextId = 1000;
  const b: BenchFake = {
    networks: structuredClone(BENCH_NETWORKS),
    players: [],
    observations: [],
    voice: { words: '', tone: '', shares: '', reactions: '', questions: [] },
    trends: [],
    brandThemes: [],
    brandName: 'Acme',
    brandFigures: {},
    findings: [],
    progress: { players: false, observations: false, voice: false, trends: false },
    ...structuredClone(init),
    calls: [],
    overrides: {},
    callsTo: (cmd) => b.calls.filter((c) => c.cmd === cmd),
  };

  const knownNetwork = (key: unknown) => {
    if (!b.networks.some((n) => n.key === key)) throw validation([{ field: 'network', code: 'unknown_network' }]);
  };

  /** Answers a benchmark command, or `undefined` when `cmd` is not one. */
  const handle = (cmd: string, args: Record<string, unknown>): BenchmarkView | undefined => {
    switch (cmd) {
      case 'benchmark_get':
        break;
      case 'player_save': {
        const input = args.input as PlayerInput;
        const name = input.name.trim();
        if (!name) throw validation([{ field: 'name', code: 'required' }]);
        const id = args.playerId as number | null;
        // As Rust does: another player of the same name, whatever its case, is refused on the name.
        if (b.players.some((p) => p.id !== id && p.name.trim().toLowerCase() === name.toLowerCase())) {
          throw validation([{ field: 'name', code: 'taken' }]);
        }
        const player: Player = { ...input, name, id: id ?? nextId++ };
        if (id == null) b.players.push(player);
        else {
          if (!b.players.some((p) => p.id === id)) throw apiError('not_found', `there is no player with id ${id}`);
          b.players = b.players.map((p) => (p.id === id ? player : p));
        }
        break;
      }
      case 'player_delete': {
        const id = args.playerId as number;
        if (!b.players.some((p) => p.id === id)) throw apiError('not_found', `there is no player with id ${id}`);
        b.players = b.players.filter((p) => p.id !== id);
        b.observations = b.observations.filter((o) => o.player_id !== id);
        break;
      }
      case 'observation_save': {
        const input = args.input as ObservationInput;
        const fields: ApiError['fields'] = [];
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.observed_on)) fields.push({ field: 'observed_on', code: 'invalid_date' });
        fields.push(...rustFieldErrors('observation_save', input));
        if (fields.length) throw validation(fields);
        if (!b.players.some((p) => p.id === input.player_id)) {
          throw validation([{ field: 'player_id', code: 'unknown_player' }]);
        }
        knownNetwork(input.network);
        const id = args.observationId as number | null;
        const o: Observation = { ...input, themes: cleanThemes(input.themes), id: id ?? nextId++ };
        if (id == null) b.observations.push(o);
        else {
          if (!b.observations.some((x) => x.id === id)) throw apiError('not_found', `there is no observation with id ${id}`);
          b.observations = b.observations.map((x) => (x.id === id ? o : x));
        }
        break;
      }
      case 'observation_delete': {
        const id = args.observationId as number;
        if (!b.observations.some((x) => x.id === id)) throw apiError('not_found', `there is no observation with id ${id}`);
        b.observations = b.observations.filter((x) => x.id !== id);
        break;
      }
      case 'voice_save': {
        const voice = args.voice as CustomerVoice;
        b.voice = structuredClone(voice);
        break;
      }
      case 'trend_save': {
        const input = args.input as TrendInput;
        if (!input.title.trim()) throw validation([{ field: 'title', code: 'required' }]);
        if (input.network != null) knownNetwork(input.network);
        const id = args.trendId as number | null;
        const trend: Trend = { ...input, id: id ?? nextId++ };
        if (id == null) b.trends.push(trend);
        else {
          if (!b.trends.some((x) => x.id === id)) throw apiError('not_found', `there is no trend with id ${id}`);
          b.trends = b.trends.map((x) => (x.id === id ? trend : x));
        }
        break;
      }
      case 'trend_delete': {
        const id = args.trendId as number;
        if (!b.trends.some((x) => x.id === id)) throw apiError('not_found', `there is no trend with id ${id}`);
        b.trends = b.trends.filter((x) => x.id !== id);
        break;
      }
      case 'brand_themes_save': {
        const themes = args.themes as string[];
        b.brandThemes = cleanThemes(themes);
        break;
      }
      default:
        return undefined;
    }
    return benchmarkView(b);
  };

  return { state: b, handle };
}

/** Installs the fake benchmark commands alone (the tests render the step by itself). */
export function installBenchmarkBackend(init: Parameters<typeof createBenchmarkFake>[0] = {}): BenchFake {
  const { state, handle } = createBenchmarkFake(init);
  mockIPC((cmd: string, payload?: InvokeArgs) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    state.calls.push({ cmd, args });
    const override = state.overrides[cmd];
    if (override) return override(args);
    const view = handle(cmd, args);
    if (view) return view;
    throw apiError('internal', `unknown command ${cmd}`);
  });
  return state;
}

/** The fake's state from the sample strategy's benchmark as Rust answers it (`test/sample.ts`). */
export function sampleBenchmark(): Parameters<typeof createBenchmarkFake>[0] {
  const view = sampleBenchmarkView();
  return {
    networks: view.networks,
    players: view.benchmark.players,
    observations: view.benchmark.observations,
    voice: view.benchmark.voice,
    trends: view.benchmark.trends,
    brandThemes: view.benchmark.brand_themes,
    brandName: sampleStrategy().organisation,
    findings: view.findings,
    progress: view.progress,
  };
}

/** Installs the fake on the sample's benchmark: `benchmark_get` answers Rust's view of it; changes go to the fake. */
export function installSampleBenchmarkBackend(): BenchFake {
  const b = installBenchmarkBackend(sampleBenchmark());
  b.overrides.benchmark_get = () => sampleBenchmarkView();
  return b;
}
