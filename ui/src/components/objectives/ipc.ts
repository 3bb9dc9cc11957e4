// Typed wrappers around the objectives commands of the Rust side (step 3). Every command answers with the whole
// `ObjectivesView`; every rejection is normalised into an `ApiError`.
import type {
  BusinessGoalInput,
  MarketingObjectiveInput,
  MeasurementPlan,
  Mission,
  MixWeights,
  ObjectiveInput,
  ObjectivesView,
  StrategyOverview,
  TopicInput,
} from '../../bindings';
import { call as callAny } from '../../ipc';

/** A step 3 command: most answer with the whole view. */
const call = <T = ObjectivesView>(cmd: string, args: Record<string, unknown>) => callAny<T>(cmd, args);

export const objApi = {
  get: (strategyId: number) => call('objectives_get', { strategyId }),
  /** `goalId` null creates the business goal. */
  goalSave: (strategyId: number, goalId: number | null, input: BusinessGoalInput) =>
    call('goal_save', { strategyId, goalId, input }),
  /** Its marketing objectives stay, unlinked. */
  goalDelete: (strategyId: number, goalId: number) => call('goal_delete', { strategyId, goalId }),
  /** `marketingId` null creates the marketing objective. */
  marketingSave: (strategyId: number, marketingId: number | null, input: MarketingObjectiveInput) =>
    call('marketing_save', { strategyId, marketingId, input }),
  /** Its social objectives stay, unlinked. */
  marketingDelete: (strategyId: number, marketingId: number) => call('marketing_delete', { strategyId, marketingId }),
  /** `objectiveId` null creates the social objective (it gets the highest id). */
  objectiveSave: (strategyId: number, objectiveId: number | null, input: ObjectiveInput) =>
    call('objective_save', { strategyId, objectiveId, input }),
  /** Deletes it with its measurement plan; missions stop serving it. */
  objectiveDelete: (strategyId: number, objectiveId: number) => call('objective_delete', { strategyId, objectiveId }),
  measurementSave: (strategyId: number, objectiveId: number, plan: MeasurementPlan) =>
    call('measurement_save', { strategyId, objectiveId, plan }),
  /** Creates or replaces the mission of `mission.network`. */
  missionSave: (strategyId: number, mission: Mission) => call('mission_save', { strategyId, mission }),
  /** `network` null is the strategy-wide mix; `weights` null removes a network's own mix. */
  mixSave: (strategyId: number, network: string | null, weights: MixWeights | null) =>
    call('mix_save', { strategyId, network, weights }),
  /** `topicId` null creates the topic. */
  topicSave: (strategyId: number, topicId: number | null, input: TopicInput) =>
    call('topic_save', { strategyId, topicId, input }),
  topicDelete: (strategyId: number, topicId: number) => call('topic_delete', { strategyId, topicId }),
  overview: (strategyId: number) => call<StrategyOverview>('overview_get', { strategyId }),
  /** The system's print dialog for the window (it can save as PDF). */
  print: () => call<null>('window_print', {}),
};

export type ObjApi = typeof objApi;
