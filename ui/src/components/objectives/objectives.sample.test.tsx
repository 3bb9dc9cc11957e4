// The objectives step on the sample strategy's objectives as Rust answers them (test/fixtures/sample-objectives.json,
// written by src-tauri/cinq-core/tests/ui_fixtures.rs): the screen reads the shape Rust answers.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { sampleObjectivesView } from '../../test/sample';
import { ObjectivesStep } from './ObjectivesStep';
import { formatFigure } from './state';
import { installSampleObjectivesBackend } from './testBackend';

describe('the objectives on the sample strategy', () => {
  it('shows the sample’s goals, then its objectives with their baselines and targets, from Rust’s view', async () => {
    await i18n.changeLanguage('en');
    installSampleObjectivesBackend();
    const user = userEvent.setup();
    render(
      <AppProviders client={createQueryClient()}>
        <ObjectivesStep strategyId={1} />
      </AppProviders>,
    );
    await screen.findByTestId('objectives');
    const { data } = sampleObjectivesView();
    const goals = await screen.findAllByTestId('goal-title-text');
    expect(goals.map((g) => g.textContent)).toEqual(data.goals.map((g) => g.title));

    await user.click(screen.getByTestId('obj-tab-objectives'));
    const cards = await screen.findAllByTestId('objective-card');
    expect(cards).toHaveLength(data.objectives.length);
    const first = data.objectives[0];
    expect(within(cards[0]).getByTestId('objective-title-text')).toHaveTextContent(first.title);
    expect(first.target).not.toBeNull();
    expect(within(cards[0]).getByTestId('objective-kpi')).toHaveTextContent(
      `${formatFigure(first.baseline, 'en')} → ${formatFigure(first.target, 'en')}`,
    );
  });
});
