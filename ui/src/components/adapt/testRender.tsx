// Renders step 5 in the app's providers, on the fake backend of testBackend.ts.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { TestAdaptStep } from './TestAdaptStep';

// The step remembers its last part per strategy: each render uses a strategy of its own.
let nextStrategy = 900;

export async function renderAdapt({ lang = 'en' as 'en' | 'fr' } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const onGoToStep = vi.fn();
  const utils = render(
    <AppProviders client={client}>
      <TestAdaptStep strategyId={strategyId} onGoToStep={onGoToStep} />
    </AppProviders>,
  );
  await screen.findByTestId('adapt');
  return { user, client, strategyId, onGoToStep, ...utils };
}

/** Keeps recharts quiet: jsdom lays nothing out, so every chart's container has no size. */
export function quietCharts() {
  const warn = console.warn.bind(console);
  return vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('of chart should be greater than 0')) return;
    warn(...args);
  });
}
