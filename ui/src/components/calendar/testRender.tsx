// Renders a part of the calendar screen inside its providers, on the fake backend of testBackend.ts.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { CalProvider } from './CalProvider';
import type { Range } from './ipc';

let nextStrategy = 700;

export const JANUARY: Range = { from: '2027-01-01', to: '2027-01-31' };
export const WEEK: Range = { from: '2027-01-11', to: '2027-01-17' };

/** Renders `ui` in the calendar's providers over `range`; `openPost` and `openEditorial` are spies. */
export async function renderInCalendar(ui: ReactNode, { range = WEEK, lang = 'en' as 'en' | 'fr' } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const openPost = vi.fn();
  const openEditorial = vi.fn();
  const utils = render(
    <AppProviders client={client}>
      <CalProvider strategyId={strategyId} range={range} onOpenPost={openPost} onOpenEditorial={openEditorial}>
        {ui}
      </CalProvider>
    </AppProviders>,
  );
  return { user, client, strategyId, openPost, openEditorial, ...utils };
}
