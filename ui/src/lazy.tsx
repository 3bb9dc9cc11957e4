// What no first screen needs is loaded when it first opens, so that start-up parses and runs less (the start-up
// benchmark in tests/bench/startup.sh measures this): dialogs, the overview, and the steps after the audit (the
// audit is where a strategy starts, so it stays in the main bundle). Everything the main bundle reaches goes in one
// file (see vite.config.ts): in the web view each extra file costs a request through the app's protocol.
import { lazy, Suspense, type ComponentProps } from 'react';
import type { StepId } from './bindings';
import { StepLoading } from './components/StepFrame';

const StrategyFormModalImpl = lazy(() =>
  import('./components/StrategyFormModal').then((m) => ({ default: m.StrategyFormModal })),
);
const stepCode = {
  benchmark: () => import('./components/benchmark/BenchmarkStep'),
  objectives: () => import('./components/objectives/ObjectivesStep'),
  calendar: () => import('./components/calendar/CalendarStep'),
  test_adapt: () => import('./components/adapt/TestAdaptStep'),
} satisfies Partial<Record<StepId, () => Promise<unknown>>>;

/** Starts loading the code of `step` (nothing for the audit, which is in the main bundle): at start-up, as soon as
 *  the step the strategy opens on is known, so that it loads while the strategy's frame renders. */
export function preloadStep(step: StepId): void {
  if (step !== 'audit') void stepCode[step]().catch(() => undefined);
}

const BenchmarkStepImpl = lazy(() => stepCode.benchmark().then((m) => ({ default: m.BenchmarkStep })));
const ObjectivesStepImpl = lazy(() => stepCode.objectives().then((m) => ({ default: m.ObjectivesStep })));
const CalendarStepImpl = lazy(() => stepCode.calendar().then((m) => ({ default: m.CalendarStep })));
const TestAdaptStepImpl = lazy(() => stepCode.test_adapt().then((m) => ({ default: m.TestAdaptStep })));
const OverviewImpl = lazy(() => import('./components/overview/Overview').then((m) => ({ default: m.Overview })));
const SettingsModalImpl = lazy(() =>
  import('./components/SettingsModal').then((m) => ({ default: m.SettingsModal })),
);

/** The strategy form, loaded the first time it opens. */
export function StrategyFormModal(props: ComponentProps<typeof StrategyFormModalImpl>) {
  if (!props.opened) return null;
  return (
    <Suspense fallback={null}>
      <StrategyFormModalImpl {...props} />
    </Suspense>
  );
}

/** The settings, loaded the first time they open. */
export function SettingsModal(props: ComponentProps<typeof SettingsModalImpl>) {
  if (!props.opened) return null;
  return (
    <Suspense fallback={null}>
      <SettingsModalImpl {...props} />
    </Suspense>
  );
}

/** The strategy overview, loaded the first time it opens. */
export function Overview(props: ComponentProps<typeof OverviewImpl>) {
  return (
    <Suspense fallback={null}>
      <OverviewImpl {...props} />
    </Suspense>
  );
}

/** Step 2, loaded the first time it opens. */
export function BenchmarkStep(props: ComponentProps<typeof BenchmarkStepImpl>) {
  return (
    <Suspense fallback={<StepLoading testId="benchmark-loading" />}>
      <BenchmarkStepImpl {...props} />
    </Suspense>
  );
}

/** Step 3, loaded the first time it opens. */
export function ObjectivesStep(props: ComponentProps<typeof ObjectivesStepImpl>) {
  return (
    <Suspense fallback={<StepLoading testId="objectives-loading" />}>
      <ObjectivesStepImpl {...props} />
    </Suspense>
  );
}

/** Step 4, loaded the first time it opens. */
export function CalendarStep(props: ComponentProps<typeof CalendarStepImpl>) {
  return (
    <Suspense fallback={<StepLoading testId="calendar-loading" />}>
      <CalendarStepImpl {...props} />
    </Suspense>
  );
}

/** Step 5, loaded the first time it opens. */
export function TestAdaptStep(props: ComponentProps<typeof TestAdaptStepImpl>) {
  return (
    <Suspense fallback={<StepLoading testId="adapt-loading" />}>
      <TestAdaptStepImpl {...props} />
    </Suspense>
  );
}
