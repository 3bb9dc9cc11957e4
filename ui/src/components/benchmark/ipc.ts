// Typed wrappers around the benchmark commands of the Rust side. Every command answers with the whole
// `BenchmarkView`; every rejection is normalised into an `ApiError`.
import type { BenchmarkView, CustomerVoice, Language, ObservationInput, PlayerInput, TrendInput } from '../../bindings';
import { call } from '../../ipc';

/** A benchmark command: each answers with the whole view. */
const view = (cmd: string, args: Record<string, unknown>) => call<BenchmarkView>(cmd, args);

export const benchApi = {
  get: (strategyId: number) => view('benchmark_get', { strategyId }),
  /** `playerId` null creates the player. */
  playerSave: (strategyId: number, playerId: number | null, input: PlayerInput) =>
    view('player_save', { strategyId, playerId, input }),
  /** Deletes the player and its observations. */
  playerDelete: (strategyId: number, playerId: number) => view('player_delete', { strategyId, playerId }),
  /** `observationId` null creates the observation. */
  observationSave: (strategyId: number, observationId: number | null, input: ObservationInput) =>
    view('observation_save', { strategyId, observationId, input }),
  observationDelete: (strategyId: number, observationId: number) =>
    view('observation_delete', { strategyId, observationId }),
  voiceSave: (strategyId: number, voice: CustomerVoice) => view('voice_save', { strategyId, voice }),
  /** `trendId` null creates the trend. */
  trendSave: (strategyId: number, trendId: number | null, input: TrendInput) =>
    view('trend_save', { strategyId, trendId, input }),
  trendDelete: (strategyId: number, trendId: number) => view('trend_delete', { strategyId, trendId }),
  brandThemesSave: (strategyId: number, themes: string[]) => view('brand_themes_save', { strategyId, themes }),
  /** Asks where to save (a native dialog) and writes the survey text there; the path, or null when cancelled. */
  surveyExport: (strategyId: number, language: Language) =>
    call<string | null>('survey_export', { strategyId, language }),
};

export type BenchApi = typeof benchApi;
