import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CalendarFinding, MixGauge, Topic } from '../../bindings';
import i18n from '../../i18n';
import { ChecksPanel } from './ChecksPanel';
import { ListView } from './ListView';
import { useCal } from './state';
import { calendarFinding, editorialItem, installCalendarBackend, post, viewOf } from './testBackend';
import { renderInCalendar } from './testRender';

type User = ReturnType<typeof userEvent.setup>;

beforeAll(() => {
  // jsdom lays nothing out, so the donut's container has no size: recharts says so for every chart; keep quiet.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('of chart should be greater than 0')) return;
    warn(...args);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Prints the calendar's selection: "1,2|7" (posts | editorial item). */
function Probe() {
  const { selectedPosts, selectedEditorial } = useCal();
  return <div data-testid="probe">{`${[...selectedPosts].sort((a, b) => a - b).join(',')}|${selectedEditorial ?? ''}`}</div>;
}


const TOPICS: Topic[] = [
  { id: 1, pillar: 'promotion', name: 'Café of the week', description: '' },
  { id: 2, pillar: 'curation', name: 'Barista tips', description: '' },
  { id: 3, pillar: 'interaction', name: 'Customer stories', description: '' },
];

const POSTS = [
  post(1, { title: 'Café latte', network: 'instagram', pillar: 'promotion', topic_id: 1, status: 'draft', campaign: 'Spring' }),
  post(2, {
    title: 'Hiring',
    network: 'linkedin',
    pillar: 'curation',
    topic_id: 2,
    status: 'ready',
    scheduled_at: '2027-01-13T11:00',
    text: 'We are hiring baristas\nsecond line',
  }),
  post(3, {
    title: 'Poll',
    network: 'x',
    pillar: 'interaction',
    topic_id: 1,
    status: 'scheduled',
    scheduled_at: '2027-01-11T08:00',
    media_notes: 'photo of the ÉCLAIR',
    campaign: 'Spring',
  }),
  post(4, { title: 'Beans', network: 'instagram', pillar: 'promotion', topic_id: null, scheduled_at: '2027-01-14T10:00' }),
  post(5, { title: 'Some idea', network: 'instagram', scheduled_at: null, status: 'idea', pillar: null }),
];

const FINDINGS: CalendarFinding[] = [
  calendarFinding({ kind: 'post_without_objective', severity: 'info', posts: [4] }),
  calendarFinding({ kind: 'post_collision', severity: 'warning', network: 'instagram', posts: [1, 4] }),
  calendarFinding({ kind: 'post_too_long', severity: 'blocking', network: 'x', posts: [3] }),
  calendarFinding({ kind: 'editorial_not_relayed', severity: 'info', editorial: [9] }),
];

/** The options of a Mantine combobox once opened (jsdom never ends the dropdown's transition: it stays hidden). */
async function optionsOf(user: User, input: HTMLElement): Promise<HTMLElement> {
  await user.click(input);
  return waitFor(() => {
    const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!listbox) throw new Error('the dropdown is not open');
    return listbox;
  });
}

async function pick(user: User, testId: string, option: string) {
  const listbox = await optionsOf(user, screen.getByTestId(testId));
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
  await user.keyboard('{Escape}');
}

const rowIds = () => screen.queryAllByTestId('list-row').map((r) => Number(r.getAttribute('data-post-id')));

describe('ChecksPanel', () => {
  it('shows the findings, most severe first, with the period and the counts', async () => {
    installCalendarBackend({ posts: POSTS, findings: FINDINGS, editorial: [editorialItem(9)] }, { topics: TOPICS });
    await renderInCalendar(<ChecksPanel />);
    const panel = await screen.findByTestId('checks-panel');
    const items = within(panel).getAllByTestId('calendar-finding');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual([
      'post_too_long',
      'post_collision',
      'post_without_objective',
      'editorial_not_relayed',
    ]);
    expect(items[0]).toHaveTextContent('EN post too long');
    expect(items[0]).toHaveTextContent('Because of post too long.');
    expect(items[0]).toHaveTextContent('Suggestion: Fix post too long.');
    // What the Rust side says the checks cover.
    expect(screen.getByTestId('checks-period')).toHaveTextContent('The posts from 2027-01-11 to 2027-01-17, and the ideas.');
    expect(screen.getByTestId('checks-count-blocking')).toHaveTextContent('1 blocking');
    expect(screen.getByTestId('checks-count-warning')).toHaveTextContent('1 warning');
    expect(screen.getByTestId('checks-count-info')).toHaveTextContent('2 tips');
    expect(screen.getByTestId('checks-group-blocking')).toHaveTextContent('To fix');
    expect(screen.getByTestId('checks-help')).toHaveTextContent('What do the checks look at?');
  });

  it('speaks French', async () => {
    installCalendarBackend({ posts: POSTS, findings: FINDINGS }, { topics: TOPICS });
    await renderInCalendar(<ChecksPanel />, { lang: 'fr' });
    const items = await screen.findAllByTestId('calendar-finding');
    expect(items[0]).toHaveTextContent('FR post too long');
    expect(items[0]).toHaveTextContent('À cause de post too long.');
    expect(items[0]).toHaveTextContent('Suggestion : Corrigez post too long.');
    expect(screen.getByTestId('checks-count-info')).toHaveTextContent('2 conseils');
    expect(screen.getByTestId('checks-period')).toHaveTextContent('Les publications du 2027-01-11 au 2027-01-17, et les idées.');
    expect(screen.getByTestId('checks-help')).toHaveTextContent('Que regardent les vérifications ?');
    expect(screen.getByTestId('topic-counts')).toHaveTextContent('2 publications');
  });

  it('says when there is nothing to report', async () => {
    installCalendarBackend({ posts: POSTS, findings: [] });
    await renderInCalendar(<ChecksPanel />);
    expect(await screen.findByTestId('checks-findings-empty')).toHaveTextContent('Nothing to report');
    expect(screen.getByTestId('checks-counts')).toHaveTextContent('No findings');
    expect(screen.queryByTestId('checks-clear-selection')).not.toBeInTheDocument();
  });

  it('selects the posts of a finding on click or Enter, and clears the selection', async () => {
    installCalendarBackend({ posts: POSTS, findings: FINDINGS, editorial: [editorialItem(9)] }, { topics: TOPICS });
    const { user } = await renderInCalendar(
      <>
        <ChecksPanel />
        <Probe />
      </>,
    );
    const collision = (await screen.findAllByTestId('calendar-finding')).find(
      (i) => i.getAttribute('data-kind') === 'post_collision',
    )!;
    expect(collision).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('probe')).toHaveTextContent(/^\|$/);

    await user.click(collision);
    expect(screen.getByTestId('probe')).toHaveTextContent('1,4|');
    expect(collision).toHaveAttribute('aria-pressed', 'true');

    // Another one, with the keyboard: the first one is no longer active.
    const unrelayed = screen
      .getAllByTestId('calendar-finding')
      .find((i) => i.getAttribute('data-kind') === 'editorial_not_relayed')!;
    unrelayed.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('probe')).toHaveTextContent(/^\|9$/);
    expect(unrelayed).toHaveAttribute('aria-pressed', 'true');
    expect(collision).toHaveAttribute('aria-pressed', 'false');

    await user.click(screen.getByTestId('checks-clear-selection'));
    expect(screen.getByTestId('probe')).toHaveTextContent(/^\|$/);
    expect(unrelayed).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByTestId('checks-clear-selection')).not.toBeInTheDocument();

    // A second click on an active finding deselects it.
    await user.click(collision);
    await user.click(collision);
    expect(screen.getByTestId('probe')).toHaveTextContent(/^\|$/);
  });

  it('opens the post of a finding about one post, or its editorial item', async () => {
    installCalendarBackend({ posts: POSTS, findings: FINDINGS, editorial: [editorialItem(9)] }, { topics: TOPICS });
    const { user, openPost, openEditorial } = await renderInCalendar(<ChecksPanel />);
    const items = await screen.findAllByTestId('calendar-finding');
    const cardOf = (kind: string) => items.find((i) => i.getAttribute('data-kind') === kind)!.closest('li')!;
    expect(within(cardOf('post_collision')).queryByTestId('calendar-finding-open-post')).not.toBeInTheDocument();
    await user.click(within(cardOf('post_too_long')).getByTestId('calendar-finding-open-post'));
    expect(openPost).toHaveBeenCalledWith(expect.objectContaining({ id: 3, title: 'Poll' }));
    await user.click(within(cardOf('editorial_not_relayed')).getByTestId('calendar-finding-open-editorial'));
    expect(openEditorial).toHaveBeenCalledWith(expect.objectContaining({ id: 9 }));
  });

  it('shows each gauge: target against actual, and whether it is within tolerance', async () => {
    const fake = installCalendarBackend({ posts: POSTS }, { topics: TOPICS, mix: { strategy: { promotion: 50, curation: 30, interaction: 20 }, networks: [] } });
    const gauges: MixGauge[] = [
      {
        network: 'linkedin',
        target: { promotion: 20, curation: 60, interaction: 20 },
        actual: { promotion: 70, curation: 20, interaction: 10 },
        posts: 10,
        within_tolerance: false,
      },
      { network: 'x', target: { promotion: 33, curation: 33, interaction: 34 }, actual: null, posts: 0, within_tolerance: true },
    ];
    fake.overrides.calendar_get = (a) => {
      const v = viewOf(fake, a.from as string, a.to as string);
      return { ...v, checks: { ...v.checks, gauges: [...gauges, ...v.checks.gauges] } };
    };
    await renderInCalendar(<ChecksPanel />);

    const strategy = await screen.findByTestId('mix-gauge-strategy');
    // The strategy's gauge comes first, whatever the backend's order.
    const all = screen.getAllByTestId(/^mix-gauge-(strategy|linkedin|x)$/);
    expect(all.map((g) => g.getAttribute('data-testid'))).toEqual(['mix-gauge-strategy', 'mix-gauge-linkedin', 'mix-gauge-x']);
    // 4 posts with a pillar: 2 promotion, 1 curation, 1 interaction.
    expect(strategy).toHaveTextContent('All networks');
    expect(strategy).toHaveTextContent('Promotion: 50 % / target 50 %');
    expect(strategy).toHaveTextContent('Curation: 25 % / target 30 %');
    expect(strategy).toHaveTextContent('Interaction: 25 % / target 20 %');
    expect(strategy).toHaveTextContent('From 4 posts with a pillar');
    expect(within(strategy).getByTestId('mix-gauge-status')).toHaveTextContent('Too few posts to judge');
    expect(await within(strategy).findByTestId('mix-donut-target')).toBeInTheDocument();
    expect(within(strategy).getByTestId('mix-donut-actual')).toBeInTheDocument();

    const linkedin = screen.getByTestId('mix-gauge-linkedin');
    expect(linkedin).toHaveTextContent('LinkedIn');
    expect(linkedin).toHaveAttribute('data-state', 'off');
    expect(within(linkedin).getByTestId('mix-gauge-status')).toHaveTextContent('Off target');
    expect(linkedin).toHaveTextContent('Promotion: 70 % / target 20 %');
    expect(linkedin).toHaveTextContent('Follows the strategy’s mix');
    const off = within(linkedin)
      .getAllByTestId('mix-gauge-pillar')
      .filter((p) => p.hasAttribute('data-off'))
      .map((p) => p.getAttribute('data-pillar'));
    expect(off).toEqual(['promotion', 'curation']);

    const x = screen.getByTestId('mix-gauge-x');
    expect(within(x).getByTestId('mix-gauge-empty')).toHaveTextContent('No post with a pillar yet.');
    expect(x).toHaveTextContent('Promotion: target 33 %');
    expect(within(x).queryByTestId('mix-gauge-status')).not.toBeInTheDocument();
  });

  it('says a gauge with enough posts is within tolerance', async () => {
    const many = [1, 2, 3, 4, 5, 6].map((id) => post(id, { pillar: id <= 2 ? 'promotion' : id <= 4 ? 'curation' : 'interaction' }));
    installCalendarBackend({ posts: many });
    await renderInCalendar(<ChecksPanel />);
    const strategy = await screen.findByTestId('mix-gauge-strategy');
    expect(within(strategy).getByTestId('mix-gauge-status')).toHaveTextContent('Within tolerance');
    expect(strategy).toHaveTextContent('Promotion: 33 % / target 33 %');
  });

  it('counts the posts per topic, most used first, the unused ones marked', async () => {
    installCalendarBackend({ posts: POSTS }, { topics: TOPICS });
    await renderInCalendar(<ChecksPanel />);
    const list = await screen.findByTestId('topic-counts');
    await waitFor(() => expect(within(list).getAllByTestId('topic-count')).toHaveLength(3));
    const rows = within(list).getAllByTestId('topic-count');
    expect(rows.map((r) => r.getAttribute('data-topic-id'))).toEqual(['1', '2', '3']);
    expect(rows[0]).toHaveTextContent('Café of the week');
    expect(rows[0]).toHaveTextContent('2 posts');
    expect(rows[1]).toHaveTextContent('1 post');
    expect(rows[2]).toHaveAttribute('data-unused', 'true');
    expect(within(rows[2]).getByTestId('topic-unused')).toHaveTextContent('unused');
    expect(rows[0]).not.toHaveAttribute('data-unused');
  });
});

describe('ListView', () => {
  it('lists the period’s posts by date, with their details, and the ideas on demand', async () => {
    installCalendarBackend({ posts: POSTS }, { topics: TOPICS });
    const { user } = await renderInCalendar(<ListView />);
    await screen.findByTestId('calendar-list');
    await waitFor(() => expect(rowIds()).toEqual([3, 1, 2, 4]));
    expect(screen.getByTestId('list-count')).toHaveTextContent('4 of 4 posts');
    const hiring = screen.getAllByTestId('list-row')[2];
    expect(hiring).toHaveTextContent('LinkedIn');
    expect(hiring).toHaveTextContent('Hiring');
    expect(hiring).toHaveTextContent('We are hiring baristas');
    expect(hiring).not.toHaveTextContent('second line');
    expect(hiring).toHaveTextContent('Curation');
    expect(hiring).toHaveTextContent('Barista tips');
    expect(hiring).toHaveTextContent('Ready');
    expect(hiring).toHaveTextContent('11:00');
    // The table takes the width it is given (no minimum wider than a small window's list, which cut the last
    // columns): every column is there, the campaign last.
    const table = screen.getByTestId('calendar-list');
    expect(table.closest('[style*="min-width"]')).toBeNull();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual([
      'Date',
      'Network',
      'Title',
      'Pillar',
      'Topic',
      'Status',
      'Campaign',
    ]);
    expect(within(hiring).getAllByRole('cell').at(-1)).toHaveAttribute('data-testid', 'list-campaign');

    await user.click(screen.getByTestId('list-include-ideas'));
    expect(rowIds()).toEqual([3, 1, 2, 4, 5]);
    expect(screen.getByTestId('list-count')).toHaveTextContent('5 of 5 posts');
    expect(screen.getAllByTestId('list-row')[4]).toHaveTextContent('Idea, no date yet');

    // Newest first: the ideas stay at the end.
    await user.click(screen.getByTestId('list-sort-date'));
    expect(rowIds()).toEqual([4, 2, 1, 3, 5]);
    await user.click(screen.getByTestId('list-sort-network'));
    expect(rowIds()).toEqual([1, 4, 5, 2, 3]);
  });

  it('filters by network, pillar, status and campaign, and clears the filters', async () => {
    installCalendarBackend({ posts: POSTS }, { topics: TOPICS });
    const { user } = await renderInCalendar(<ListView />);
    await screen.findByTestId('calendar-list');

    await pick(user, 'list-filter-network', 'Instagram');
    expect(rowIds()).toEqual([1, 4]);
    expect(screen.getByTestId('list-count')).toHaveTextContent('2 of 4 posts');
    await pick(user, 'list-filter-network', 'X');
    expect(rowIds()).toEqual([3, 1, 4]);

    await pick(user, 'list-filter-campaign', 'Spring');
    expect(rowIds()).toEqual([3, 1]);

    await pick(user, 'list-filter-status', 'Scheduled');
    expect(rowIds()).toEqual([3]);

    await pick(user, 'list-filter-pillar', 'Curation');
    expect(rowIds()).toEqual([]);
    expect(screen.getByTestId('list-empty')).toHaveTextContent('No post matches these filters.');
    await user.click(screen.getByTestId('list-empty-clear'));
    expect(rowIds()).toEqual([3, 1, 2, 4]);
    expect(screen.queryByTestId('list-clear-filters')).not.toBeInTheDocument();

    await pick(user, 'list-filter-pillar', 'Promotion');
    expect(rowIds()).toEqual([1, 4]);
    await user.click(screen.getByTestId('list-clear-filters'));

    await pick(user, 'list-filter-topic', 'No topic');
    expect(rowIds()).toEqual([4]);
    await user.click(screen.getByTestId('list-clear-filters'));
    await pick(user, 'list-filter-campaign', 'No campaign');
    expect(rowIds()).toEqual([2, 4]);
  });

  it('searches titles, texts, campaigns, links and media notes, ignoring case and accents', async () => {
    installCalendarBackend({ posts: POSTS }, { topics: TOPICS });
    const { user } = await renderInCalendar(<ListView />);
    await screen.findByTestId('calendar-list');
    const search = screen.getByTestId('list-search');

    await user.type(search, 'cafe');
    expect(rowIds()).toEqual([1]);
    await user.clear(search);
    await user.type(search, 'eclair');
    expect(rowIds()).toEqual([3]);
    await user.clear(search);
    await user.type(search, 'SPRING poll');
    expect(rowIds()).toEqual([3]);
    await user.clear(search);
    await user.type(search, 'BARISTAS');
    expect(rowIds()).toEqual([2]);
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(rowIds()).toEqual([]);
    expect(screen.getByTestId('list-count')).toHaveTextContent('0 of 4 posts');
    await user.click(screen.getByTestId('list-empty-clear'));
    expect(search).toHaveValue('');
    expect(rowIds()).toHaveLength(4);
  });

  it('says when the period has no posts', async () => {
    installCalendarBackend({ posts: [] });
    await renderInCalendar(<ListView />);
    expect(await screen.findByTestId('list-empty')).toHaveTextContent('No posts in this period yet.');
    expect(screen.queryByTestId('list-empty-clear')).not.toBeInTheDocument();
  });

  it('opens a post on click or Enter, and highlights the posts a finding selects', async () => {
    installCalendarBackend({ posts: POSTS, findings: FINDINGS }, { topics: TOPICS });
    const { user, openPost } = await renderInCalendar(
      <>
        <ChecksPanel />
        <ListView />
      </>,
    );
    await screen.findByTestId('calendar-list');
    const rows = screen.getAllByTestId('list-row');
    await user.click(within(rows[1]).getByText('Café latte'));
    expect(openPost).toHaveBeenLastCalledWith(expect.objectContaining({ id: 1 }));
    rows[2].focus();
    await user.keyboard('{Enter}');
    expect(openPost).toHaveBeenLastCalledWith(expect.objectContaining({ id: 2 }));
    expect(openPost).toHaveBeenCalledTimes(2);

    expect(rows.filter((r) => r.hasAttribute('data-selected'))).toHaveLength(0);
    const collision = screen
      .getAllByTestId('calendar-finding')
      .find((i) => i.getAttribute('data-kind') === 'post_collision')!;
    await user.click(collision);
    const selected = screen
      .getAllByTestId('list-row')
      .filter((r) => r.hasAttribute('data-selected'))
      .map((r) => Number(r.getAttribute('data-post-id')));
    expect(selected).toEqual([1, 4]);
  });

  it('speaks French', async () => {
    installCalendarBackend({ posts: POSTS }, { topics: TOPICS });
    await renderInCalendar(<ListView />, { lang: 'fr' });
    await screen.findByTestId('calendar-list');
    expect(screen.getByTestId('list-count')).toHaveTextContent('4 sur 4 publications');
    expect(screen.getByTestId('calendar-list')).toHaveTextContent('Programmée');
    expect(screen.getByText('Inclure les idées')).toBeInTheDocument();
  });
});
