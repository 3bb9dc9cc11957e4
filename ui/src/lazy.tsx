// Dialogs that no first screen needs are loaded when they first open, so that start-up parses and runs less (the
// start-up benchmark in tests/bench/startup.sh measures this). The screens themselves stay in the main bundle: in
// the web view each extra file costs a request through the app's protocol, and a chain of them costs more than it
// saves.
import { lazy, Suspense, type ComponentProps } from 'react';

const StrategyFormModalImpl = lazy(() =>
  import('./components/StrategyFormModal').then((m) => ({ default: m.StrategyFormModal })),
);
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
