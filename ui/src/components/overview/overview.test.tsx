import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, Objective } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { createObjectivesFake, EMPTY_OBJECTIVE, overviewOf } from '../objectives/testBackend';
import { Overview } from './Overview';

const OBJECTIVE: Objective = {
  ...EMPTY_OBJECTIVE,
  id: 7,
  title: 'Collect leads',
  objective_type: 'leads',
  kpi_metric: 'leads',
  kpi_name: 'Quote requests',
  kpi_unit: 'leads / month',
  baseline: 4,
  target: 12.5,
  deadline: '2026-12-01',
  measurement: { source: 'CRM', frequency: 'monthly', reviewer: 'Ana' },
};

const AUDIT_FINDING: Finding = {
  kind: 'stale_account',
  severity: 'warning',
  network: 'facebook',
  title: { en: 'Facebook is asleep', fr: 'Facebook dort' },
  explanation: { en: 'No post for 47 days.', fr: 'Aucune publication depuis 47 jours.' },
  suggestion: { en: 'Post again or drop it.', fr: 'Republiez ou abandonnez-le.' },
  link: { step: 'audit', section: 'presence', network: 'facebook', item: null, pillar: null },
};

function install() {
  const { fake } = createObjectivesFake({
    objectives: [OBJECTIVE],
    missions: [
      { network: 'instagram', statement: 'Tell our story', audiences: [1], objectives: [7], pillars: ['interaction'], posts_per_week: 2.5 },
    ],
    mix: { strategy: { promotion: 20, curation: 30, interaction: 50 }, networks: [{ network: 'linkedin', weights: { promotion: 10, curation: 60, interaction: 30 } }] },
    topics: [{ id: 3, pillar: 'curation', name: 'Design', description: '' }],
  });
  const overview = overviewOf(fake, {
    audiences: [{ id: 1, name: 'Léa', description: 'Decorates her flat', audience_type: 'b2c', age_min: 30, age_max: 40, usage: [] }],
  });
  overview.findings = [AUDIT_FINDING, ...overview.findings];
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (cmd === 'overview_get') return overview;
    if (cmd === 'window_print') return null;
    throw new Error(`unexpected ${cmd}`);
  });
  return calls;
}

async function renderOverview(lang: 'en' | 'fr' = 'en') {
  await i18n.changeLanguage(lang);
  const user = userEvent.setup();
  let closed = 0;
  render(
    <AppProviders client={createQueryClient()}>
      <Overview strategyId={1} onClose={() => (closed += 1)} />
    </AppProviders>,
  );
  await screen.findByTestId('overview');
  return { user, closed: () => closed };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the strategy overview', () => {
  it('sums up audiences, missions, objectives with their KPIs, the mix and the open findings by step', async () => {
    install();
    await renderOverview();
    expect(within(screen.getByTestId('overview-audiences')).getByText('Léa')).toBeInTheDocument();
    const instagram = screen.getAllByTestId('overview-network').find((n) => n.dataset.network === 'instagram')!;
    expect(within(instagram).getByTestId('overview-mission')).toHaveTextContent('Tell our story');
    expect(instagram).toHaveTextContent('2.5 posts / week');
    expect(instagram).toHaveTextContent('Serves: Collect leads');
    // LinkedIn is kept and has no mission: the page says so.
    const linkedin = screen.getAllByTestId('overview-network').find((n) => n.dataset.network === 'linkedin')!;
    expect(within(linkedin).getByTestId('overview-no-mission')).toBeInTheDocument();

    const row = screen.getByTestId('overview-objective');
    expect(row).toHaveTextContent('Quote requests');
    expect(row).toHaveTextContent('4 → 12.5 leads / month');
    expect(row).toHaveTextContent('CRM');
    // The fake does not judge ambition (unknown) and the objective serves no business goal.
    const letters = within(row).getByTestId('overview-smart').querySelectorAll('[data-ok]');
    expect([...letters].map((l) => l.getAttribute('data-ok'))).toEqual(['true', 'true', 'false', 'false', 'true']);

    expect(screen.getByTestId('overview-mix')).toHaveTextContent('Interaction 50 %');
    expect(screen.getByTestId('overview-mix')).toHaveTextContent('Design');
    const findings = screen.getByTestId('overview-findings');
    expect(findings).toHaveTextContent('Audit');
    expect(findings).toHaveTextContent('Facebook is asleep');
    expect(findings).toHaveTextContent('Objectives');
    expect(findings).toHaveTextContent('linkedin has no mission');
  });

  it('prints through the native dialog, from the button and from Ctrl+P', async () => {
    const calls = install();
    const { user, closed } = await renderOverview();
    await user.click(screen.getByTestId('overview-print'));
    await user.keyboard('{Control>}p{/Control}');
    expect(calls.filter((c) => c === 'window_print')).toHaveLength(2);
    await user.click(screen.getByTestId('overview-close'));
    expect(closed()).toBe(1);
  });

  it('speaks French', async () => {
    install();
    await renderOverview('fr');
    expect(screen.getByText('Vue d’ensemble de la stratégie')).toBeInTheDocument();
    expect(screen.getByTestId('overview-objective')).toHaveTextContent('4 → 12,5 leads / month');
    expect(screen.getByTestId('overview-findings')).toHaveTextContent('Facebook dort');
  });
});
