// What the first screen needs, asked for before React renders it (see main.tsx).
import type { QueryClient } from '@tanstack/react-query';
import { preloadStep } from './lazy';
import { appInfoQuery, prefetchOpeningStep, settingsQuery, strategyQuery } from './queries';

/**
 * Fetches the app's state, the settings and the strategy to reopen, so that the first screen renders once, with its
 * data, rather than a loader first; it resolves once they are in `client` (or failed: the screens then show why).
 * The step the strategy opens on is asked for its code as well, not waited for (a later step's code loads while the
 * frame renders), and for its data, waited for: the first render then shows it.
 */
export function prefetchFirstScreen(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client
      .fetchQuery(appInfoQuery)
      .then((info) => {
        const id = info.last_strategy_id;
        if (id == null) return;
        return client
          .fetchQuery(strategyQuery(id))
          .then((strategy) => {
            preloadStep(strategy.current_step);
            return prefetchOpeningStep(client, strategy);
          });
      })
      .catch(() => undefined),
    client.prefetchQuery(settingsQuery),
  ]);
}
