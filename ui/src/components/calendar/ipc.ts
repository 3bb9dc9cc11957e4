// Typed wrappers around the calendar commands of the Rust side (step 4). Every change answers with the view of the
// period on screen (`from`..=`to`, `YYYY-MM-DD`), its checks recomputed; every rejection is normalised into an
// `ApiError`.
import type {
  AbTest,
  CalendarChange,
  CalendarChanged,
  PostMoved,
  CalendarImported,
  CalendarView,
  ColumnMapping,
  CsvPreview,
  EditorialItemInput,
  ExportOptions,
  Language,
  Learning,
  Plan,
  PlanRequest,
  PostInput,
  ProposedPost,
  ScopedChecks,
  VariedElement,
} from '../../bindings';
import { call } from '../../ipc';

/** The period the screen shows. */
export interface Range {
  from: string;
  to: string;
}

export const calApi = {
  get: (strategyId: number, r: Range) => call<CalendarView>('calendar_get', { strategyId, ...r }),
  /** The whole plan's checks (what `cinq calendar check` prints without a period). */
  planChecks: (strategyId: number) => call<ScopedChecks>('calendar_plan_checks', { strategyId }),
  /** `postId` null creates the post. */
  postSave: (strategyId: number, postId: number | null, input: PostInput, r: Range) =>
    call<CalendarChanged>('post_save', { strategyId, postId, input, ...r }),
  /** `scheduledAt` null sends the post back to the ideas; `copy` adds a copy there instead of moving it. */
  postMove: (strategyId: number, postId: number, network: string, scheduledAt: string | null, copy: boolean, r: Range) =>
    call<PostMoved>('post_move', { strategyId, postId, network, scheduledAt, copy, ...r }),
  postDelete: (strategyId: number, postId: number, r: Range) =>
    call<CalendarView>('post_delete', { strategyId, postId, ...r }),
  /** `itemId` null creates the editorial item. */
  editorialSave: (strategyId: number, itemId: number | null, input: EditorialItemInput, r: Range) =>
    call<CalendarChanged>('editorial_save', { strategyId, itemId, input, ...r }),
  /** The posts that relayed it stay, unlinked. */
  editorialDelete: (strategyId: number, itemId: number, r: Range) =>
    call<CalendarChanged>('editorial_delete', { strategyId, itemId, ...r }),
  /** A draft relay post of the item on each network, on its day, its text fitted to the network's limit. */
  relayCreate: (strategyId: number, itemId: number, networks: string[], r: Range) =>
    call<CalendarChanged>('relay_posts_create', { strategyId, itemId, networks, ...r }),
  /** The posts the planner proposes for a period, and its notes. Writes nothing. */
  plan: (strategyId: number, request: PlanRequest) => call<Plan>('calendar_plan', { strategyId, request }),
  /** Writes the proposed posts kept as planned drafts, in one change; answers with them as stored. */
  planAccept: (strategyId: number, posts: ProposedPost[], r: Range) =>
    call<CalendarChanged>('calendar_plan_accept', { strategyId, posts, ...r }),
  /** Writes back what undo or redo restores (posts and items with their ids, and deletions). */
  apply: (strategyId: number, change: CalendarChange, r: Range) =>
    call<CalendarView>('calendar_apply', { strategyId, change, ...r }),
  /** A native save dialog (a folder for Hootsuite); the paths written, or null when cancelled. */
  export: (strategyId: number, options: ExportOptions) =>
    call<string[] | null>('calendar_export', { strategyId, options }),
  /** A native open dialog; the file's preview, or null when cancelled. The file is kept for `importRun`. */
  importPick: () => call<CsvPreview | null>('calendar_import_pick', {}),
  /** Imports the file picked last: as it stands when `mapping` is null (a Cinq CSV), else through the mapping. */
  importRun: (
    strategyId: number,
    mapping: ColumnMapping | null,
    skipInvalid: boolean,
    dryRun: boolean,
    r: Range,
  ) => call<CalendarImported>('calendar_import_run', { strategyId, mapping, skipInvalid, dryRun, ...r }),
  /** What the decided A/B tests (step 5) taught that applies to a post on `network`. */
  learnings: (strategyId: number, network: string) => call<Learning[]>('learnings_get', { strategyId, network }),
  /** Starts an A/B test from a saved post (variant A) and a draft copy of it (variant B), named in `language` (the
   *  UI's). Answers with the test, not with the calendar: its views are to be fetched again. */
  abTestStart: (strategyId: number, postId: number, varied: VariedElement, language: Language) =>
    call<AbTest>('ab_test_start', { strategyId, postId, varied, language }),
};

export type CalApi = typeof calApi;
