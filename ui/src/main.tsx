import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { App } from './App';
import { AppProviders } from './Providers';
import { createQueryClient } from './queries';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders client={createQueryClient()}>
      <App />
    </AppProviders>
  </StrictMode>,
);
