import { markFirstRenderFlushed, markStartup } from './startup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
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

// Rendered at once, in this task, rather than in one the scheduler posts: the first screen's render and its paint
// then follow each other, and the first paint comes sooner (tests/bench/README.md). "root" marks its start.
const reactRoot = createRoot(root);
markStartup('root');
flushSync(() =>
  reactRoot.render(
    <StrictMode>
      <AppProviders client={client}>
        <App />
      </AppProviders>
    </StrictMode>,
  ),
);
// The end of that task: the effects ran, and the renders they asked for (the benchmark's "flushed").
markFirstRenderFlushed();
