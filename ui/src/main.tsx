import { markStartup } from './startup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './mantine.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { App } from './App';
import { AppProviders } from './Providers';
import { api } from './ipc';
import { createQueryClient, qk } from './queries';

markStartup('modules');
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

const client = createQueryClient();
// Fetch what the first screen shows before React renders it, so that it renders once, with its data, rather than a
// loader first. The wait is bounded: a slow answer shows the loader as usual.
const firstScreen = Promise.all([
  client
    .fetchQuery({ queryKey: qk.appInfo, queryFn: api.appInfo })
    .then((info) => {
      const id = info.last_strategy_id;
      if (id != null) return client.prefetchQuery({ queryKey: qk.strategy(id), queryFn: () => api.strategyGet(id) });
    })
    .catch(() => undefined),
  client.prefetchQuery({ queryKey: qk.settings, queryFn: api.settingsGet }),
]);
await Promise.race([firstScreen, new Promise((resolve) => setTimeout(resolve, 1000))]);

createRoot(root).render(
  <StrictMode>
    <AppProviders client={client}>
      <App />
    </AppProviders>
  </StrictMode>,
);
