import { markStartup } from './startup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './mantine.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { App } from './App';
import { AppProviders } from './Providers';
import { prefetchFirstScreen } from './firstScreen';
import { createQueryClient } from './queries';

markStartup('modules');
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

const client = createQueryClient();
// The first screen's data, waited for a bounded time: a slow answer shows the loader as usual.
const firstScreen = prefetchFirstScreen(client);
await Promise.race([firstScreen, new Promise((resolve) => setTimeout(resolve, 1000))]);

createRoot(root).render(
  <StrictMode>
    <AppProviders client={client}>
      <App />
    </AppProviders>
  </StrictMode>,
);
