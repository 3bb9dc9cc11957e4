// Typed wrappers around the commands of step 5 (test, evaluate, adapt) on the Rust side; every rejection is
// normalised into an `ApiError`. The post editor of the calendar uses the results commands too.
import type {
  BestTimes,
  ContentFormat,
  Evaluation,
  KpiReading,
  Post,
  PostResults,
  ResultsImportReport,
  ResultsMapping,
  ResultsPicked,
  TypedMeasures,
} from '../../bindings';
import { call } from '../../ipc';

/** The payload of the `results-import-progress` event (not among the generated bindings: the Rust side sends it as
 *  an event, never as a command's answer). */
export interface ImportProgress {
  done: number;
  total: number;
}

/** The event a results import sends as it goes. */
export const IMPORT_PROGRESS_EVENT = 'results-import-progress';

export const adaptApi = {
  /** `from`, `to`: `YYYY-MM-DD`, inclusive; null for the strategy's start and today. */
  evaluation: (strategyId: number, from: string | null, to: string | null) =>
    call<Evaluation>('evaluation_get', { strategyId, from, to }),
  /** The best times of the strategy's networks (only `network`'s when given: rejects with `validation` when it is
   *  not one of the strategy's networks). Step 4 hints them where a post's time is chosen. */
  bestTimes: (strategyId: number, network: string | null = null) =>
    call<BestTimes>('best_times_get', { strategyId, network }),
  /** The days a post on `day` (`YYYY-MM-DD`; empty: today) moves to when a best slot is picked, one per weekday,
   *  Monday first (its own week, or the next one rather than the past). */
  bestTimeDays: (strategyId: number, day: string) => call<string[]>('best_time_days', { strategyId, day }),
  /** A native open dialog, then, for a known export, a dry run of the file picked (`report`), or, for any other
   *  CSV, its first rows and a suggested column mapping (`preview`); the file is kept for `resultsImportRun`. Null
   *  when the dialog was cancelled. */
  resultsPick: (strategyId: number) => call<ResultsPicked | null>('results_pick', { strategyId }),
  /** The dry run of importing the CSV picked last through this mapping; rejects with `validation` when the date
   *  column is missing or a column is out of range. */
  resultsMappingCheck: (strategyId: number, mapping: ResultsMapping) =>
    call<ResultsImportReport>('results_mapping_check', { strategyId, mapping }),
  /** Imports the file picked last (`mapping`: null for a known export, the columns of any other CSV); rejects with
   *  `cancelled` when `resultsImportCancel` stopped it. */
  resultsImportRun: (strategyId: number, skipInvalid: boolean, mapping: ResultsMapping | null) =>
    call<ResultsImportReport>('results_import_run', { strategyId, skipInvalid, mapping }),
  resultsImportCancel: () => call<null>('results_import_cancel', {}),
  unplannedList: (strategyId: number) => call<Post[]>('unplanned_list', { strategyId }),
  /** The planned post takes the unplanned one's results; the unplanned post goes. */
  unplannedLink: (strategyId: number, unplannedId: number, plannedId: number) =>
    call<PostResults>('unplanned_link', { strategyId, unplannedId, plannedId }),
  /** One reading per objective and day: another one on the same day replaces it. */
  kpiReadingSave: (strategyId: number, objectiveId: number, takenOn: string, value: number, note: string) =>
    call<KpiReading[]>('kpi_reading_save', { strategyId, objectiveId, takenOn, value, note }),
  kpiReadingDelete: (strategyId: number, readingId: number) =>
    call<null>('kpi_reading_delete', { strategyId, readingId }),
  postResults: (strategyId: number, postId: number) => call<PostResults>('post_results_get', { strategyId, postId }),
  /** Replaces the numbers of that day as a whole (null: unknown); all null deletes that day's numbers. */
  /** The numbers as typed: Rust checks each box (a count, or empty for not known). */
  postResultsSave: (strategyId: number, postId: number, takenOn: string, measures: TypedMeasures) =>
    call<PostResults>('post_results_save', { strategyId, postId, takenOn, measures }),
  postFormatSet: (strategyId: number, postId: number, format: ContentFormat | null) =>
    call<PostResults>('post_format_set', { strategyId, postId, format }),
};

export type AdaptApi = typeof adaptApi;
