// Typed wrappers around the benchmark commands of the Rust side. Every command answers with the whole
// `BenchmarkView`; every rejection is normalised into an `ApiError`.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { BenchmarkView, CustomerVoice, Language, ObservationInput, PlayerInput, TrendInput } from '../../bindings';
import { toApiError } from '../../ipc';

async function call(cmd: string, args: InvokeArgs): Promise<BenchmarkView> {
  try {
    return await invoke<BenchmarkView>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const benchApi = {
  get: (strategyId: number) => call('benchmark_get', { strategyId }),
  /** `playerId` null creates the player. */
  playerSave: (strategyId: number, playerId: number | null, input: PlayerInput) =>
    call('player_save', { strategyId, playerId, input }),
  /** Deletes the player and its observations. */
  playerDelete: (strategyId: number, playerId: number) => call('player_delete', { strategyId, playerId }),
  /** `observationId` null creates the observation. */
  observationSave: (strategyId: number, observationId: number | null, input: ObservationInput) =>
    call('observation_save', { strategyId, observationId, input }),
  observationDelete: (strategyId: number, observationId: number) =>
    call('observation_delete', { strategyId, observationId }),
  voiceSave: (strategyId: number, voice: CustomerVoice) => call('voice_save', { strategyId, voice }),
  /** `trendId` null creates the trend. */
  trendSave: (strategyId: number, trendId: number | null, input: TrendInput) =>
    call('trend_save', { strategyId, trendId, input }),
  trendDelete: (strategyId: number, trendId: number) => call('trend_delete', { strategyId, trendId }),
  brandThemesSave: (strategyId: number, themes: string[]) => call('brand_themes_save', { strategyId, themes }),
  /** Asks where to save (a native dialog) and writes the survey text there; the path, or null when cancelled. */
  surveyExport: async (strategyId: number, language: Language): Promise<string | null> => {
    try {
      return await invoke<string | null>('survey_export', { strategyId, language });
    } catch (e) {
      throw toApiError(e);
    }
  },
};

export type BenchApi = typeof benchApi;
