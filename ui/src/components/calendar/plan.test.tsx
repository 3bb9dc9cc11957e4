// The planner in step 4 ("Plan this period"): the request it sends from the period on screen; the planner's real
// answer (plan-week.json, written by a Rust test) shown on the week and month grids as ghost cards with their reasons,
// and the bar with the notes; proposals dropped (× and Delete), the rest accepted in one change that one Ctrl+Z
// removes and Ctrl+Shift+Z re-adds; discard and Escape writing nothing; back to the options; the preview following the
// navigation; an empty plan, a failed accept, errors under their field with nothing typed lost (EN and FR); the planned mark on cards, in the editor and the list's filter; the best times hinted in the post editor (EN
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
import { PostEditor } from './PostEditor';
import { inputOf, useCal, type CalCtx } from './state';
import { installCalendarBackend, PLAN_WEEK, post } from './testBackend';
import { JANUARY, renderInCalendar, stubGridBoxes } from './testRender';

stubGridBoxes();

afterEach(async () => {
  await i18n.changeLanguage('en');
});

let nextStrategy = 1200;

/** The whole step on the week of 11 January 2027 (today the 12th), or the week or month of `anchor`, its help closed
 *  unless asked. */
async function renderStep({ lang = 'en', help = false, mode = 'week', anchor = '2027-01-12' } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  localStorage.setItem(`cinq.calendar.${strategyId}`, JSON.stringify({ mode, anchor }));
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
  it('shows the proposals on the grid as ghosts with their reasons; one dropped by its ×, one by Delete; accepts the rest in one change, which one Ctrl+Z removes and Ctrl+Shift+Z re-adds', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep();
    const modal = await openPlanner(user);

    expect(within(modal).getByTestId('plan-show')).toHaveTextContent('Show on the calendar');
    await user.click(within(modal).getByTestId('plan-show'));
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

    // The dialog closes; the bar and the ghosts show, each in its network's row and day, with its title and reason.
    await waitFor(() => expect(screen.queryByTestId('plan-modal')).not.toBeInTheDocument());
    const count = PLAN_WEEK.posts.length;
    const bar = await screen.findByTestId('plan-bar');
    expect(within(bar).getByTestId('plan-bar-count')).toHaveTextContent(`${count} proposals left`);
    PLAN_WEEK.posts.forEach((p, i) => {
      const cell = screen.getByTestId(`cell-${p.network}-${p.scheduled_at!.slice(0, 10)}`);
      const ghost = within(cell).getByTestId(`ghost-${i}`);
      expect(ghost).toHaveTextContent('Proposed');
      expect(ghost).toHaveTextContent(p.title);
      expect(within(ghost).getByTestId(`ghost-reason-${i}`)).toHaveTextContent(p.reason.en);
      expect(ghost).toHaveAttribute('tabindex', '0');
      // Not a post: not draggable, and a click opens no editor.
      expect(ghost).not.toHaveAttribute('aria-roledescription');
    });
    expect(screen.getByTestId('ghost-0')).toHaveAccessibleName(/^Proposed post: Offers, Instagram, Tuesday, January 12 10:00/);
    // The notes, folded.
    expect(within(bar).queryByTestId('plan-bar-notes')).not.toBeInTheDocument();
    await user.click(within(bar).getByTestId('plan-bar-notes-toggle'));
    expect(within(bar).getByTestId('plan-bar-notes')).toHaveTextContent(PLAN_WEEK.notes[0].en);
    // Nothing written yet.
    expect(fake.callsTo('calendar_plan_accept')).toHaveLength(0);
    expect(fake.posts).toEqual([]);

    // One dropped by its ×: the focus goes to the next ghost on the grid (Instagram's row, the next day), which the
    // Delete key drops.
    await user.click(within(screen.getByTestId('ghost-0')).getByRole('button', { name: 'Drop this proposal' }));
    expect(screen.queryByTestId('ghost-0')).not.toBeInTheDocument();
    expect(within(bar).getByTestId('plan-bar-count')).toHaveTextContent(`${count - 1} proposals left`);
    expect(screen.getByTestId('ghost-3')).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(screen.queryByTestId('ghost-3')).not.toBeInTheDocument();
    expect(within(bar).getByTestId('plan-bar-count')).toHaveTextContent(`${count - 2} proposals left`);
    expect(fake.callsTo('calendar_plan_accept')).toHaveLength(0);

    // The others accepted, in one change.
    const accept = within(bar).getByTestId('plan-bar-accept');
    expect(accept).toHaveTextContent(`Accept ${count - 2} as drafts`);
    await user.click(accept);
    await waitFor(() => expect(fake.callsTo('calendar_plan_accept')).toHaveLength(1));
    const sent = fake.callsTo('calendar_plan_accept')[0].args;
    expect(sent.posts as ProposedPost[]).toEqual([1, 2, 4].map((i) => PLAN_WEEK.posts[i]));
    await waitFor(() => expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument());
    expect(screen.queryAllByTestId(/^ghost-\d+$/)).toHaveLength(0);

    // On the grid, as planned drafts.
    const added = fake.posts.map((p) => p.id);
    expect(added).toHaveLength(count - 2);
    for (const id of added) {
      const card = await screen.findByTestId(`post-card-${id}`);
      expect(card).toHaveAttribute('data-planned', 'true');
      expect(card).toHaveAttribute('data-status', 'draft');
    }
    await waitFor(() => expect(screen.getByTestId('calendar-undo')).toBeEnabled());

    // One Ctrl+Z removes them all.
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(1));
    expect(fake.callsTo('calendar_apply')[0].args.change).toMatchObject({ delete_posts: added, posts: [] });
    await waitFor(() => expect(screen.queryByTestId(`post-card-${added[0]}`)).not.toBeInTheDocument());
    expect(fake.posts).toEqual([]);
    for (const id of added) expect(screen.queryByTestId(`post-card-${id}`)).not.toBeInTheDocument();

    // Ctrl+Shift+Z adds them back, as they were.
    await waitFor(() => expect(screen.getByTestId('calendar-redo')).toBeEnabled());
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(fake.callsTo('calendar_apply')).toHaveLength(2));
    const redone = fake.callsTo('calendar_apply')[1].args.change as { posts: { id: number }[]; delete_posts: number[] };
    expect(redone.posts.map((p) => p.id)).toEqual(added);
    expect(redone.delete_posts).toEqual([]);
    for (const id of added) expect(await screen.findByTestId(`post-card-${id}`)).toHaveAttribute('data-planned', 'true');
    expect(fake.posts.map((p) => p.id)).toEqual(added);
    // Nothing of the preview came back with them.
    expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument();
  });

  it('discards the preview with its button or Escape, writing nothing; "Back to the options" reopens the dialog on them', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep();
    let modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-show'));
    const bar = await screen.findByTestId('plan-bar');
    await user.click(within(screen.getByTestId('ghost-2')).getByRole('button', { name: 'Drop this proposal' }));

    await user.click(within(bar).getByTestId('plan-bar-discard'));
    expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument();
    expect(screen.queryAllByTestId(/^ghost-\d+$/)).toHaveLength(0);

    // Again, with re-runs: the options come back with the preview.
    modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-recycle'));
    await user.type(await within(modal).findByTestId('plan-cooldown'), '45');
    await user.click(within(modal).getByTestId('plan-show'));
    await waitFor(() => expect(fake.callsTo('calendar_plan')).toHaveLength(2));
    expect(requestOf(fake.callsTo('calendar_plan')[1].args)).toMatchObject({ recycle: true, cooldown_days: 45 });
    await screen.findByTestId('plan-bar');
    expect(screen.getAllByTestId(/^ghost-\d+$/)).toHaveLength(PLAN_WEEK.posts.length);

    await user.click(screen.getByTestId('plan-bar-back'));
    modal = await screen.findByTestId('plan-modal');
    expect(within(modal).getByTestId('plan-recycle')).toBeChecked();
    expect(within(modal).getByTestId('plan-cooldown')).toHaveValue('45');
    // Escape closes the dialog; the preview stays.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('plan-modal')).not.toBeInTheDocument());
    expect(screen.getByTestId('plan-bar')).toBeInTheDocument();
    expect(screen.getAllByTestId(/^ghost-\d+$/)).toHaveLength(PLAN_WEEK.posts.length);

    // Escape on the calendar leaves the preview.
    screen.getByTestId('ghost-0').focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument();
    expect(screen.queryAllByTestId(/^ghost-\d+$/)).toHaveLength(0);

    // Nothing written: only reads and the planner's (which writes nothing) were asked.
    const writes = fake.calls.map((c) => c.cmd).filter((cmd) => !['calendar_get', 'calendar_plan'].includes(cmd) && !cmd.endsWith('_get'));
    expect(writes).toEqual([]);
    expect(fake.posts).toEqual([]);
  });

  it('opens on the planned period’s first week, and the ghosts follow the navigation', async () => {
    const [a, b] = PLAN_WEEK.posts;
    const plan = {
      ...PLAN_WEEK,
      from: '2027-01-12',
      to: '2027-01-24',
      posts: [a, { ...b, scheduled_at: '2027-01-20T10:00', title: 'Next week' }],
    };
    const fake = installCalendarBackend({ today: '2027-01-12', plan });
    // The week before today on screen.
    const user = await renderStep({ anchor: '2027-01-05' });
    expect(screen.getByTestId('calendar-period')).toHaveTextContent('January 4 – 10, 2027');
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-show'));
    // The week of the period's first day (today, the period on screen being past).
    expect(requestOf(fake.callsTo('calendar_plan')[0].args).from).toBe('2027-01-12');
    await waitFor(() => expect(screen.getByTestId('calendar-period')).toHaveTextContent('January 11 – 17, 2027'));
    expect(await screen.findByTestId('ghost-0')).toHaveTextContent(a.title);
    expect(screen.queryByTestId('ghost-1')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('calendar-next'));
    const next = await screen.findByTestId('ghost-1');
    expect(within(screen.getByTestId('cell-linkedin-2027-01-20')).getByTestId('ghost-1')).toBe(next);
    expect(screen.queryByTestId('ghost-0')).not.toBeInTheDocument();
    expect(screen.getByTestId('plan-bar-count')).toHaveTextContent('2 proposals left');
  });

  it('shows the ghosts in the month view too, in their day, with their reasons; dropped there and accepted', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep({ mode: 'month' });
    const modal = await openPlanner(user);
    // The month on screen, from today.
    await user.click(within(modal).getByTestId('plan-show'));
    expect(requestOf(fake.callsTo('calendar_plan')[0].args)).toMatchObject({ from: '2027-01-12', to: '2027-01-31' });
    await screen.findByTestId('plan-bar');
    PLAN_WEEK.posts.forEach((p, i) => {
      const ghost = within(screen.getByTestId(`day-${p.scheduled_at!.slice(0, 10)}`)).getByTestId(`ghost-${i}`);
      expect(ghost).toHaveAttribute('data-compact', 'true');
      expect(ghost).toHaveTextContent(p.title);
      expect(ghost).toHaveTextContent(p.reason.en);
    });
    screen.getByTestId('ghost-4').focus();
    await user.keyboard('{Delete}');
    expect(screen.queryByTestId('ghost-4')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('plan-bar-accept'));
    await waitFor(() => expect(fake.callsTo('calendar_plan_accept')).toHaveLength(1));
    expect(fake.callsTo('calendar_plan_accept')[0].args.posts).toEqual(PLAN_WEEK.posts.slice(0, 4));
    await waitFor(() => expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument());
    expect(screen.queryAllByTestId(/^ghost-\d+$/)).toHaveLength(0);
  });

  it('keeps the preview when the proposals cannot be written, and says why', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    fake.overrides.calendar_plan_accept = () => {
      throw { code: 'not_found', message: 'topic 1', fields: [] };
    };
    const user = await renderStep();
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-show'));
    await screen.findByTestId('plan-bar');
    await user.click(within(screen.getByTestId('ghost-0')).getByRole('button', { name: 'Drop this proposal' }));
    await user.click(screen.getByTestId('plan-bar-accept'));
    await waitFor(() => expect(fake.callsTo('calendar_plan_accept')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('plan-bar-accept')).toBeEnabled());
    // Still there, as the user left it: the one dropped stays dropped.
    expect(screen.getByTestId('plan-bar-count')).toHaveTextContent(`${PLAN_WEEK.posts.length - 1} proposals left`);
    expect(screen.queryByTestId('ghost-0')).not.toBeInTheDocument();
    expect(screen.getByTestId('ghost-1')).toBeInTheDocument();
    expect(fake.posts).toEqual([]);
  });

  it('sends the days to avoid picked in the period', async () => {
    const fake = installCalendarBackend({ today: '2027-01-12' });
    const user = await renderStep();
    const modal = await openPlanner(user);
    // The picker opens on the period (jsdom leaves its dropdown hidden).
    await user.click(within(modal).getByTestId('plan-avoid'));
    await user.click(await screen.findByRole('button', { name: '14 January 2027', hidden: true }));
    await user.click(within(modal).getByTestId('plan-show'));
    await waitFor(() => expect(fake.callsTo('calendar_plan')).toHaveLength(1));
    expect(requestOf(fake.callsTo('calendar_plan')[0].args).avoid).toEqual(['2027-01-14']);
  });

  it('says so when the plan is empty, with the notes, and shows nothing on the calendar', async () => {
    const note = { en: 'Every post the missions ask for is already there.', fr: 'Toutes les publications que demandent les missions sont déjà là.' };
    const fake = installCalendarBackend({ today: '2027-01-12', plan: { ...PLAN_WEEK, posts: [], notes: [note] } });
    const user = await renderStep();
    const modal = await openPlanner(user);
    await user.click(within(modal).getByTestId('plan-show'));
    expect(await within(modal).findByTestId('plan-empty')).toHaveTextContent('The planner proposes no post for this period.');
    expect(within(modal).getByTestId('plan-notes')).toHaveTextContent(note.en);
    expect(screen.queryByTestId('plan-bar')).not.toBeInTheDocument();
    expect(fake.callsTo('calendar_plan_accept')).toHaveLength(0);
  });

  it('shows the planner’s refusals under their field, in French, and keeps what was chosen; then the preview in French', async () => {
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
    expect(within(modal).getByTestId('plan-show')).toHaveTextContent('Afficher dans le calendrier');
    await user.click(within(modal).getByTestId('plan-recycle'));
    await user.type(await within(modal).findByTestId('plan-cooldown'), '45');
    await user.click(within(modal).getByTestId('plan-show'));
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
    await user.click(within(modal).getByTestId('plan-show'));
    expect(await within(modal).findByTestId('plan-error')).toHaveTextContent(
      'Aucune mission ne fixe de nombre de publications par semaine.',
    );
    expect(within(modal).queryByTestId('plan-to-error')).not.toBeInTheDocument();

    // Accepted: the preview in French, the reasons in French.
    delete fake.overrides.calendar_plan;
    await user.click(within(modal).getByTestId('plan-show'));
    const bar = await screen.findByTestId('plan-bar');
    expect(within(bar).getByTestId('plan-bar-count')).toHaveTextContent(
      `${PLAN_WEEK.posts.length} propositions restantes, du lundi 11 janvier au dimanche 17 janvier`,
    );
    const ghost = screen.getByTestId('ghost-0');
    expect(ghost).toHaveTextContent('Proposée');
    expect(within(ghost).getByTestId('ghost-reason-0')).toHaveTextContent(PLAN_WEEK.posts[0].reason.fr);
    expect(within(ghost).getByRole('button', { name: 'Écarter cette proposition' })).toBeInTheDocument();
    expect(ghost).toHaveAccessibleName(/^Publication proposée : Offers, Instagram, mardi 12 janvier 10:00/);
    await user.click(within(bar).getByTestId('plan-bar-notes-toggle'));
    expect(within(bar).getByTestId('plan-bar-notes')).toHaveTextContent(PLAN_WEEK.notes[0].fr);
    expect(within(bar).getByTestId('plan-bar-accept')).toHaveTextContent(`Accepter ${PLAN_WEEK.posts.length} brouillons`);
    expect(within(bar).getByTestId('plan-bar-back')).toHaveTextContent('Revenir aux options');
    expect(within(bar).getByTestId('plan-bar-discard')).toHaveTextContent('Abandonner');
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
