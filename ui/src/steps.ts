import type { StepId } from './bindings';

export const STEPS: readonly StepId[] = ['audit', 'benchmark', 'objectives', 'calendar', 'test_adapt'];
export const STEP_COUNT = STEPS.length;
