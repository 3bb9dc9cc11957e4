// The planner in step 4 ("Plan this period"): the request it sends from the period on screen, the preview of the
// planner's real answer (plan-week.json, written by a Rust test) by day with reasons and notes, adding the posts
// ticked in one change that one undo removes, an empty plan, errors under their field with nothing typed lost (EN and
// FR); the planned mark on cards, in the editor and the list's filter; the best times hinted in the post editor (EN
// and FR), and their refresh when a published post moves.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanRequest, ProposedPost } from '../../bindings';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { shownTime } from '../../test/dates';
import { bestTimes, networkBestTimes, slotEstimate } from '../adapt/testBackend';
import { useNetworkBestTimes } from '../adapt/state';
import { CalendarStep } from './CalendarStep';
import { ListView } from './ListView';
import { slotDay } from './PlanMarks';
import { PostEditor } from './PostEditor';
import { inputOf, useCal, type CalCtx } from './state';
import { installCalendarBackend, PLAN_WEEK, post } from './testBackend';
import { JANUARY, renderInCalendar, stubGridBoxes } from './testRender';

stubGridBoxes();

afterEach(async () => {
  await i18n.changeLanguage('en');
});

let nextStrategy = 1200;

/** The whole step on the week of 11 January 2027 (today the 12th), its help closed unless asked. */
async function renderStep({ lang = 'en', help = false } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  localStorage.setItem(`cinq.calendar.${strategyId}`, JSON.stringify({ mode: 'week', anchor: '2027-01-12' }));
  localStorage.setItem('cinq.calendar.help', help ? 'open' : 'closed');
  const user = userEvent.setup();
  render(
    <AppProviders client={createQueryClient()}>
      <CalendarStep strategyId={strategyId} />
    </AppProviders>,
  );
  await screen.findByTestId('calendar-grid');
  return user;
}

/** Opens the planner from the toolbar (it loads on demand). */
async function openPlanner(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('calendar-plan'));
  return screen.findByTestId('plan-modal', undefined, { timeout: 10_000 });
}

const requestOf = (args: Record<string, unknown>) => args.request as PlanRequest;

describe('plan this period', () => {
  it('previews the planner’s posts by day, adds those ticked as planned drafts, and one undo removes them all', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep();
    const modal = await openPlanner(user);

    await user.click(within(modal).getByTestId('plan-preview'));
    await waitFor(() => expect(fake.callsTo('calendar_plan')).toHaveLength(1));
    // The week on screen, from today (it started the day before); every network the planner plans; no re-runs.
    expect(requestOf(fake.callsTo('calendar_plan')[0].args)).toEqual({
      from: '2027-01-12',
      to: '2027-01-17',
      networks: [],
      avoid: [],
      recycle: false,
      cooldown_days: null,
    } satisfies PlanRequest);
    expect(fake.posts).toEqual([]);

    const count = PLAN_WEEK.posts.length;
    expect(await within(modal).findByTestId('plan-count')).toHaveTextContent(`${count} proposed posts`);
    // By day, each post with its time, network, title, pillar and reason, ticked.
    const tuesday = within(modal).getByTestId('plan-day-2027-01-12');
    expect(tuesday).toHaveTextContent('Tuesday, January 12');
    const first = within(modal).getByTestId('plan-post-0');
    expect(first).toBeChecked();
    expect(tuesday).toHaveTextContent('10:00 · Instagram · Offers');
    expect(tuesday).toHaveTextContent(`Promotion — ${PLAN_WEEK.posts[0].reason.en}`);
    expect(within(modal).getByTestId('plan-notes')).toHaveTextContent(PLAN_WEEK.notes[0].en);

    // One left out: the others are added, in one change.
    await user.click(first);
    const add = within(modal).getByTestId('plan-add');
    expect(add).toHaveTextContent(`Add ${count - 1} posts`);
    await user.click(add);
    await waitFor(() => expect(fake.callsTo('calendar_plan_accept')).toHaveLength(1));
    const sent = fake.callsTo('calendar_plan_accept')[0].args;
    expect(sent.posts as ProposedPost[]).toEqual(PLAN_WEEK.posts.slice(1));
    expect([sent.from, sent.to]).toEqual(['2027-01-11', '2027-01-17']);
    await waitFor(() => expect(screen.queryByTestId('plan-modal')).not.toBeInTheDocument());

    // On the grid, marked as planned.
    const added = fake.posts.map((p) => p.id);
    expect(added).toHaveLength(count - 1);
    for (const id of added) {
      const card = await screen.findByTestId(`post-card-${id}`);
      expect(card).toHaveAttribute('data-planned', 'true');
      expect(within(card).getByTestId('post-planned')).toHaveTextContent('Planned');
    }
    await waitFor(() => expect(screen.getByTestId('calendar-undo')).toBeEnabled());

    // One undo removes them all.
    await user.click(screen.getByTestId('calendar-undo'));
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(1));
    expect(fake.callsTo('calendar_apply')[0].args.change).toMatchObject({ delete_posts: added, posts: [] });
    await waitFor(() => expect(screen.queryByTestId(`post-card-${added[0]}`)).not.toBeInTheDocument());
    expect(fake.posts).toEqual([]);
    for (const id of added) expect(screen.queryByTestId(`post-card-${id}`)).not.toBeInTheDocument();
  });

  it('sends the days to avoid picked in the period, and asks for a new preview when a choice changes', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep();
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-preview'));
    await within(modal).findByTestId('plan-count');
    expect(within(modal).getByTestId('plan-add')).toBeEnabled();

    // The picker opens on the period (jsdom leaves its dropdown hidden).
    await user.click(within(modal).getByTestId('plan-avoid'));
    await user.click(await screen.findByRole('button', { name: '14 January 2027', hidden: true }));
    expect(await within(modal).findByTestId('plan-stale')).toBeInTheDocument();
    expect(within(modal).getByTestId('plan-add')).toBeDisabled();

    await user.click(within(modal).getByTestId('plan-preview'));
    await waitFor(() => expect(fake.callsTo('calendar_plan')).toHaveLength(2));
    expect(requestOf(fake.callsTo('calendar_plan')[1].args).avoid).toEqual(['2027-01-14']);
    await waitFor(() => expect(within(modal).queryByTestId('plan-stale')).not.toBeInTheDocument());
    expect(within(modal).getByTestId('plan-add')).toBeEnabled();
  });

  it('says so when the plan is empty, with the notes, and offers nothing to add', async () => {
    const note = { en: 'Every post the missions ask for is already there.', fr: 'Toutes les publications que demandent les missions sont déjà là.' };
    const fake = installCalendarBackend({ today: '2027-01-12', plan: { ...PLAN_WEEK, posts: [], notes: [note] } });
    const user = await renderStep();
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-preview'));
    expect(await within(modal).findByTestId('plan-empty')).toHaveTextContent('The planner proposes no post for this period.');
    expect(within(modal).getByTestId('plan-notes')).toHaveTextContent(note.en);
    expect(within(modal).queryByTestId('plan-add')).not.toBeInTheDocument();
    expect(fake.callsTo('calendar_plan_accept')).toHaveLength(0);
  });

  it('shows the planner’s refusals under their field, in French, and keeps what was chosen', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    fake.overrides.calendar_plan = () => {
      throw {
        code: 'validation',
        message: 'to: the period ends before it starts',
        fields: [{ field: 'to', code: 'before_from' }],
      };
    };
    const user = await renderStep({ lang: 'fr' });
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-recycle'));
    await user.type(await within(modal).findByTestId('plan-cooldown'), '45');
    await user.click(within(modal).getByTestId('plan-preview'));
    expect(await within(modal).findByTestId('plan-to-error')).toHaveTextContent(
      'La période se termine avant de commencer.',
    );
    // Nothing lost: the switch and the cooldown are as they were, and sent as typed.
    expect(within(modal).getByTestId('plan-recycle')).toBeChecked();
    expect(within(modal).getByTestId('plan-cooldown')).toHaveValue('45');
    expect(requestOf(fake.callsTo('calendar_plan')[0].args)).toMatchObject({ recycle: true, cooldown_days: 45 });

    // A refusal of no field of the form (step 3 must set posts per week): above the form.
    fake.overrides.calendar_plan = () => {
      throw {
        code: 'validation',
        message: 'missions: no mission sets posts per week',
        fields: [{ field: 'missions', code: 'no_posts_per_week' }],
      };
    };
    await user.click(within(modal).getByTestId('plan-preview'));
    expect(await within(modal).findByTestId('plan-error')).toHaveTextContent(
      'Aucune mission ne fixe de nombre de publications par semaine.',
    );
    expect(within(modal).queryByTestId('plan-to-error')).not.toBeInTheDocument();

    // Accepted: the preview in French, the reasons in French.
    delete fake.overrides.calendar_plan;
    await user.click(within(modal).getByTestId('plan-preview'));
    expect(await within(modal).findByTestId('plan-count')).toHaveTextContent(
      `${PLAN_WEEK.posts.length} publications proposées`,
    );
    expect(within(modal).getByTestId('plan-day-2027-01-12')).toHaveTextContent(PLAN_WEEK.posts[0].reason.fr);
    expect(within(modal).getByTestId('plan-notes')).toHaveTextContent(PLAN_WEEK.notes[0].fr);
    expect(within(modal).queryByTestId('plan-error')).not.toBeInTheDocument();
    expect(within(modal).getByTestId('plan-add')).toHaveTextContent(`Ajouter ${PLAN_WEEK.posts.length} publications`);
  });

  it('is named in the help of step 4, in both languages', async () => {
    installCalendarBackend({ today: '2027-01-12' });
    await renderStep({ help: true });
    expect(screen.getByTestId('calendar-help-planner')).toHaveTextContent('“Plan this period” proposes the posts');
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByTestId('calendar-help-planner')).toHaveTextContent('« Planifier la période » propose');
  });
});

describe('planned posts', () => {
  it('are marked in the editor, with the day of the post a re-run copies', async () => {
    const planned = post(1, { planned: true, recycled_from: '2026-10-06' });
    installCalendarBackend({ posts: [planned] });
    await renderInCalendar(<PostEditor opened post={planned} onClose={() => undefined} />, { lang: 'fr' });
    const mark = await screen.findByTestId('post-editor-planned');
    expect(mark).toHaveTextContent('Planifiée');
    expect(within(mark).getByTestId('post-editor-recycled')).toHaveTextContent(
      'Recyclage de la publication du mardi 6 octobre',
    );
  });

  it('are not marked when the planner did not propose them', async () => {
    const mine = post(1);
    installCalendarBackend({ posts: [mine] });
    await renderInCalendar(<PostEditor opened post={mine} onClose={() => undefined} />);
    await screen.findByTestId('post-editor-title');
    expect(screen.queryByTestId('post-editor-planned')).not.toBeInTheDocument();
  });

  it('can be listed alone', async () => {
    installCalendarBackend({
      posts: [post(1, { title: 'Mine' }), post(2, { title: 'From the plan', planned: true, scheduled_at: '2027-01-13T10:00' })],
    });
    const { user } = await renderInCalendar(<ListView />, { range: JANUARY });
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('2 of 2 posts'));
    await user.click(screen.getByTestId('list-filter-planned'));
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('1 of 2 posts'));
    expect(screen.getByText('From the plan')).toBeInTheDocument();
    expect(screen.queryByText('Mine')).not.toBeInTheDocument();
  });
});

describe('the best times in the post editor', () => {
  const times = () =>
    bestTimes({
      networks: [
        networkBestTimes({
          network: 'instagram',
          best: [
            slotEstimate({ weekday: 2, hour: 10, rate: 0.055, posts: 8 }),
            slotEstimate({ weekday: 1, hour: 9, rate: 0.048, posts: 5 }),
            slotEstimate({ weekday: 4, hour: 18, rate: 0.041, posts: 4 }),
            slotEstimate({ weekday: 5, hour: 12, rate: 0.04, posts: 4 }),
          ],
        }),
        networkBestTimes({ network: 'linkedin', enough_data: false, needed: 4, best: [], slots: [] }),
      ],
    });

  it('hints the network’s best three slots with their rate; a click moves the post to that slot of its week', async () => {
    const p = post(1, { scheduled_at: '2027-01-13T15:00' });
    installCalendarBackend({ posts: [p], bestTimes: times() });
    const { user } = await renderInCalendar(<PostEditor opened post={p} onClose={() => undefined} />);
    const hint = await screen.findByTestId('post-editor-best-times');
    expect(hint).toHaveTextContent('Best times on Instagram:');
    expect(hint).toHaveTextContent('Tuesday 10:00 (5.5%)');
    expect(hint).toHaveTextContent('Monday 09:00 (4.8%)');
    expect(hint).toHaveTextContent('Thursday 18:00 (4.1%)');
    expect(hint).not.toHaveTextContent('Friday');

    // Tuesday of the post's week (today, the 12th), at 10:00.
    await user.click(screen.getByTestId('post-editor-best-2-10'));
    await waitFor(() => expect(screen.getByTestId('post-editor-day')).toHaveTextContent('January 12, 2027'));
    expect(shownTime('post-editor-time')).toBe('10:00');
    // Monday of that week is past: the next Monday.
    await user.click(screen.getByTestId('post-editor-best-1-9'));
    await waitFor(() => expect(screen.getByTestId('post-editor-day')).toHaveTextContent('January 18, 2027'));
    expect(shownTime('post-editor-time')).toBe('09:00');
  });

  it('says in French how many more posts a network needs', async () => {
    const p = post(1, { network: 'linkedin', scheduled_at: '2027-01-13T15:00' });
    installCalendarBackend({ posts: [p], bestTimes: times() });
    await renderInCalendar(<PostEditor opened post={p} onClose={() => undefined} />, { lang: 'fr' });
    expect(await screen.findByTestId('post-editor-best-times')).toHaveTextContent(
      'Meilleurs moments sur LinkedIn : pas encore assez de données (encore 4 publications avec résultats).',
    );
  });

  it('in French, names the slots and rates the French way', async () => {
    const p = post(1, { scheduled_at: '2027-01-13T15:00' });
    installCalendarBackend({ posts: [p], bestTimes: times() });
    await renderInCalendar(<PostEditor opened post={p} onClose={() => undefined} />, { lang: 'fr' });
    const hint = await screen.findByTestId('post-editor-best-times');
    expect(hint).toHaveTextContent('Meilleurs moments sur Instagram :');
    expect(hint).toHaveTextContent(/mardi 10:00 \(5,5\s%\)/);
  });

  it('are fetched again when a published post moves, not when its words change', async () => {
    const published = post(1, { status: 'published', scheduled_at: '2027-01-12T09:30' });
    const draft = post(2, { scheduled_at: '2027-01-12T15:00' });
    const fake = installCalendarBackend({ posts: [published, draft], bestTimes: times() });
    let cal: CalCtx | null = null;
    function Probe() {
      cal = useCal();
      const best = useNetworkBestTimes(cal.strategyId, 'instagram');
      return <span data-testid="probe">{best.data ? 'loaded' : 'loading'}</span>;
    }
    await renderInCalendar(<Probe />);
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('loaded'));
    expect(fake.callsTo('best_times_get')).toHaveLength(1);
    // A draft moved: the best times stay.
    await act(async () => {
      await cal!.actions.move(draft, 'instagram', '2027-01-13T15:00', false);
    });
    expect(fake.callsTo('best_times_get')).toHaveLength(1);
    // The published post moved: its time counts elsewhere now.
    await act(async () => {
      await cal!.actions.move(published, 'instagram', '2027-01-13T09:30', false);
    });
    await waitFor(() => expect(fake.callsTo('best_times_get')).toHaveLength(2));
    // Its words edited: nothing the best times learn from.
    const moved = fake.posts.find((p) => p.id === 1)!;
    await act(async () => {
      await cal!.actions.savePost(moved, { ...inputOf(moved), title: 'New words' });
    });
    expect(fake.callsTo('best_times_get')).toHaveLength(2);
    // Its time edited in the editor: fetched again.
    const renamed = fake.posts.find((p) => p.id === 1)!;
    await act(async () => {
      await cal!.actions.savePost(renamed, { ...inputOf(renamed), scheduled_at: '2027-01-14T18:00' });
    });
    await waitFor(() => expect(fake.callsTo('best_times_get')).toHaveLength(3));
  });
});

describe('slotDay', () => {
  it('keeps the post’s week, and goes to the next one rather than into the past', () => {
    // Wednesday 13 January 2027; today the 12th.
    expect(slotDay('2027-01-13', 2, '2027-01-12')).toBe('2027-01-12');
    expect(slotDay('2027-01-13', 7, '2027-01-12')).toBe('2027-01-17');
    expect(slotDay('2027-01-13', 1, '2027-01-12')).toBe('2027-01-18');
    // A post already in the past stays in its week.
    expect(slotDay('2027-01-06', 1, '2027-01-12')).toBe('2027-01-04');
  });
});
