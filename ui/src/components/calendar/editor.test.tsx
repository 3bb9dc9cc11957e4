// The post editor and the editorial item editor of the calendar: fields, autosave (one save after a pause, a new post
// created once then updated), the length counter and how the text fits the other networks, the post's checks,
// validation errors that keep what was typed, deletion, and relay posts; what the A/B tests of step 5 taught on the
// post's network, and an A/B test started from the post.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import type { CalendarFinding, Learning, Measures, Objective, PostResults, Topic, TypedMeasures } from '../../bindings';
import { SAVE_DELAY_MS } from '../../autosave';
import i18n from '../../i18n';
import { runningFakeClock } from '../../test/clock';
import { pickDate, shownTime, typeTime } from '../../test/dates';
import { EMPTY_OBJECTIVE } from '../objectives/testBackend';
import { EditorialEditor } from './EditorialEditor';
import { PostEditor } from './PostEditor';
import { EMPTY_POST, inputOf, undoStackOf, type UndoEntry } from './state';
import { editorialItem, installCalendarBackend, post } from './testBackend';
import { renderInCalendar, WEEK } from './testRender';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

type User = ReturnType<typeof userEvent.setup>;

/** The options of a Mantine combobox once opened (jsdom never ends the dropdown's transition: it stays hidden). */
async function optionsOf(user: User, input: HTMLElement): Promise<HTMLElement> {
  await user.click(input);
  return waitFor(() => {
    const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!listbox) throw new Error('the dropdown is not open');
    return listbox;
  });
}

/** Opens a Mantine select and picks the option with this label. */
async function pick(user: User, input: HTMLElement, option: string) {
  const listbox = await optionsOf(user, input);
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

/** Jumps past the autosave's pause in fake time (the test starts with `runningFakeClock()`), to see that nothing
 *  more is sent: any save still waiting for the pause is sent. */
const settle = () => vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);

const NO_MEASURES: Measures = {
  impressions: null,
  reach: null,
  reactions: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
  video_views: null,
  follows: null,
  leads: null,
};

const NO_TYPED: TypedMeasures = {
  impressions: '',
  reach: '',
  reactions: '',
  comments: '',
  shares: '',
  saves: '',
  clicks: '',
  video_views: '',
  follows: '',
  leads: '',
};

const TOPIC: Topic = { id: 40, pillar: 'curation', name: 'Gardening tips', description: '' };
const OBJECTIVE: Objective = {
  ...EMPTY_OBJECTIVE,
  id: 50,
  title: 'More visits from Instagram',
  measurement: { source: '', frequency: null, reviewer: '' },
};

/** A finding about each of its posts (`postTitle`: how a post's checks name it), or, with `postTitle` null, about the
 *  plan or a network as a whole. */
function finding(
  postIds: number[],
  title: string,
  kind: CalendarFinding['kind'] = 'post_collision',
  postTitle: string | null = title,
): CalendarFinding {
  return {
    posts: postIds,
    editorial: [],
    post_title: postTitle === null ? null : { en: postTitle, fr: `FR ${postTitle}` },
    kind,
    severity: 'warning',
    network: 'instagram',
    title: { en: title, fr: `FR ${title}` },
    explanation: { en: `Why: ${title}`, fr: `Pourquoi : ${title}` },
    suggestion: { en: `Fix: ${title}`, fr: `Corriger : ${title}` },
    link: { step: 'calendar', section: 'checks', network: 'instagram', item: null, pillar: null },
  };
}

describe('post editor', () => {
  it('shows every field of the post', async () => {
    const fake = installCalendarBackend(
      {
        posts: [
          post(1, {
            network: 'linkedin',
            title: 'Spring guide',
            text: 'Our spring guide is out',
            link: 'https://example.com/spring',
            media_notes: 'Photo of the garden',
            pillar: 'curation',
            topic_id: 40,
            status: 'ready',
            editorial_item_id: 5,
            objective_id: 50,
            campaign: 'Spring',
          }),
        ],
        editorial: [editorialItem(5)],
      },
      { topics: [TOPIC], objectives: [OBJECTIVE] },
    );
    await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    expect(await screen.findByTestId('post-editor-network')).toHaveValue('LinkedIn');
    const editor = screen.getByTestId('post-editor');
    expect(editor).toHaveTextContent('Edit the post');
    expect(await screen.findByTestId('post-editor-day')).toHaveTextContent('January 12, 2027');
    expect(shownTime('post-editor-time')).toBe('09:30');
    expect(screen.getByTestId('post-editor-idea')).not.toBeChecked();
    expect(screen.getByTestId('post-editor-title')).toHaveValue('Spring guide');
    expect(screen.getByTestId('post-editor-text')).toHaveValue('Our spring guide is out');
    expect(screen.getByTestId('post-editor-link')).toHaveValue('https://example.com/spring');
    expect(screen.getByTestId('post-editor-media')).toHaveValue('Photo of the garden');
    expect(within(screen.getByTestId('post-editor-pillar')).getByLabelText('Curation')).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('post-editor-topic')).toHaveValue('Gardening tips'));
    expect(screen.getByTestId('post-editor-status-select')).toHaveValue('Ready');
    expect(screen.getByTestId('post-editor-objective')).toHaveValue('More visits from Instagram');
    expect(screen.getByTestId('post-editor-editorial')).toHaveValue('Article 5 — January 13, 2027');
    expect(screen.getByTestId('post-editor-campaign')).toHaveValue('Spring');
    expect(screen.getByTestId('post-editor-status')).toHaveAttribute('data-status', 'idle');
    expect(fake.callsTo('post_save')).toHaveLength(0);
  });

  it('saves the text once after a pause in typing, as one undo group, and Ctrl+Enter saves at once and closes', async () => {
    runningFakeClock();
    const fake = installCalendarBackend({ posts: [post(1, { text: 'Hello' })] });
    const onClose = vi.fn();
    const { user, strategyId } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={onClose} />);

    const text = await screen.findByTestId('post-editor-text');
    // Pasted in one change, so that no pause in typing (which a busy machine makes) can save a part of it.
    await user.click(text);
    await user.paste(' world');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(1));
    expect(fake.callsTo('post_save')[0].args).toEqual({
      strategyId,
      postId: 1,
      input: { ...inputOf(post(1)), text: 'Hello world' },
      ...WEEK,
    });
    await waitFor(() => expect(screen.getByTestId('post-editor-status')).toHaveTextContent('Saved'));
    await settle();
    expect(fake.callsTo('post_save')).toHaveLength(1);

    // A select saves at once; Ctrl+Enter sends what is typed without waiting, then closes.
    await pick(user, screen.getByTestId('post-editor-status-select'), 'Ready');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(2));
    expect(fake.callsTo('post_save')[1].args.input).toMatchObject({ status: 'ready', text: 'Hello world' });
    await user.type(screen.getByTestId('post-editor-title'), '!');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('post_save')).toHaveLength(3);
    expect(fake.callsTo('post_save')[2].args.input).toMatchObject({ title: 'Post 1!', text: 'Hello world' });
    // The three saves make one undo entry: back to the post as it was opened.
    const entry = undoStackOf(strategyId).peekUndo();
    expect(entry?.undo.posts).toEqual([post(1, { text: 'Hello' })]);
    expect(entry?.redo.posts[0]).toMatchObject({ title: 'Post 1!', text: 'Hello world', status: 'ready' });
  });

  it('counts the text against the network’s limit and shows how it fits the other networks', async () => {
    const fake = installCalendarBackend({ posts: [post(1, { network: 'x', text: 'a'.repeat(300) })] });
    const { user } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    const counter = await screen.findByTestId('post-editor-counter');
    expect(counter).toHaveTextContent('300 / 280');
    expect(counter).toHaveAttribute('data-over', 'true');
    expect(screen.getByTestId('post-editor-over')).toHaveTextContent('Too long for X: remove 20 characters.');
    expect(screen.getByTestId('post-editor-fit-instagram')).toHaveTextContent('Instagram 300/2,200 ✓');
    expect(screen.getByTestId('post-editor-fit-linkedin')).toHaveAttribute('data-fits', 'true');
    expect(screen.queryByTestId('post-editor-fit-x')).not.toBeInTheDocument();
    const live = within(screen.getByTestId('post-editor-checks')).getByTestId('post-editor-check');
    expect(live).toHaveAttribute('data-kind', 'post_too_long');
    expect(live).toHaveTextContent('Too long for X');

    // On Instagram it fits; X is now among the other networks, where it does not.
    await pick(user, screen.getByTestId('post-editor-network'), 'Instagram');
    expect(screen.getByTestId('post-editor-counter')).toHaveTextContent('300 / 2,200');
    expect(screen.getByTestId('post-editor-counter')).toHaveAttribute('data-over', 'false');
    expect(screen.getByTestId('post-editor-fit-x')).toHaveTextContent('X 300/280 ✗');
    expect(screen.getByTestId('post-editor-fit-x')).toHaveAttribute('data-fits', 'false');
    expect(screen.queryByTestId('post-editor-check')).not.toBeInTheDocument();
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(1));
    expect(fake.callsTo('post_save')[0].args.input).toMatchObject({ network: 'instagram' });

    // Typing updates the count.
    await user.clear(screen.getByTestId('post-editor-text'));
    await user.type(screen.getByTestId('post-editor-text'), 'Short');
    expect(screen.getByTestId('post-editor-counter')).toHaveTextContent('5 / 2,200');
    expect(screen.getByTestId('post-editor-fit-x')).toHaveTextContent('X 5/280 ✓');
  });

  it('lists the findings about this post, and only those', async () => {
    const fake = installCalendarBackend({
      posts: [post(1), post(2)],
      findings: [finding([1, 2], 'Two posts too close'), finding([2], 'Serves no objective', 'post_without_objective')],
    });
    await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    const checks = await screen.findByTestId('post-editor-checks');
    const items = within(checks).getAllByTestId('post-editor-check');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Two posts too close');
    expect(items[0]).toHaveTextContent('Fix: Two posts too close');
    expect(checks).not.toHaveTextContent('Serves no objective');
  });

  it('leaves out the findings about the plan or a network, and names the post’s own findings for the post', async () => {
    const fake = installCalendarBackend({
      posts: [post(1), post(2)],
      findings: [
        // About the network as a whole: its posts are named only so they can be selected.
        finding([1, 2], 'Too few posts on Instagram', 'frequency_too_low', null),
        finding([1, 2], 'The mix on Instagram is off its target', 'mix_off_target', null),
        // About each of its posts: the post's checks say it of this post.
        finding([1, 2], '2 posts serve no objective', 'post_without_objective', 'This post serves no objective'),
      ],
    });
    await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    const checks = await screen.findByTestId('post-editor-checks');
    const items = within(checks).getAllByTestId('post-editor-check');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual(['post_without_objective']);
    // The alert's title speaks of this post (its explanation stays the finding's).
    expect(items[0].querySelector('.mantine-Alert-title')).toHaveTextContent(/^This post serves no objective$/);
    expect(checks).not.toHaveTextContent('Too few posts');
    expect(checks).not.toHaveTextContent('The mix on Instagram');
  });

  it('shows the texts and the findings in French', async () => {
    const fake = installCalendarBackend({ posts: [post(1)], findings: [finding([1], 'Two posts too close')] });
    await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />, { lang: 'fr' });

    const editor = await screen.findByTestId('post-editor');
    await waitFor(() => expect(editor).toHaveTextContent('Modifier la publication'));
    expect(editor).toHaveTextContent('Titre ou accroche');
    expect(editor).toHaveTextContent('Pas encore de date (la garder comme idée)');
    expect(screen.getByTestId('post-editor-status-select')).toHaveValue('Brouillon');
    expect(screen.getByTestId('post-editor-checks')).toHaveTextContent('FR Two posts too close');
    expect(screen.getByTestId('post-editor-checks')).toHaveTextContent('Conseil : Corriger : Two posts too close');
    expect(screen.getByTestId('post-editor-counter')).toHaveTextContent('14 / 2 200');
  });

  it('creates a new post on the first change, then updates it', async () => {
    runningFakeClock();
    const fake = installCalendarBackend();
    const { user, strategyId } = await renderInCalendar(
      <PostEditor
        opened
        post={null}
        preset={{ network: 'instagram', scheduled_at: '2027-01-14T10:00' }}
        onClose={() => undefined}
      />,
    );

    const editor = await screen.findByTestId('post-editor');
    expect(editor).toHaveTextContent('New post');
    expect(screen.getByTestId('post-editor-network')).toHaveValue('Instagram');
    expect(await screen.findByTestId('post-editor-day')).toHaveTextContent('January 14, 2027');
    expect(screen.queryByTestId('post-editor-delete')).not.toBeInTheDocument();
    await settle();
    expect(fake.callsTo('post_save')).toHaveLength(0);

    // Each text is pasted in one change: no pause in typing (which a busy machine makes) can save a part of it.
    await user.click(screen.getByTestId('post-editor-title'));
    await user.paste('Hello');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(1));
    expect(fake.callsTo('post_save')[0].args).toEqual({
      strategyId,
      postId: null,
      // The row's defaults from Rust: the mission's first pillar (Instagram's mission serves no single objective).
      input: { ...EMPTY_POST, network: 'instagram', scheduled_at: '2027-01-14T10:00', title: 'Hello', pillar: 'interaction' },
      ...WEEK,
    });
    await waitFor(() => expect(editor).toHaveTextContent('Edit the post'));
    expect(screen.getByTestId('post-editor-delete')).toBeInTheDocument();

    await user.click(screen.getByTestId('post-editor-text'));
    await user.paste('Spring is here');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(2));
    expect(fake.callsTo('post_save')[1].args.postId).toBe(1000);
    expect(fake.callsTo('post_save')[1].args.input).toMatchObject({ title: 'Hello', text: 'Spring is here' });
    expect(fake.posts).toHaveLength(1);

    // The time moves the post on its day; an idea has no date, and a status that needs one is not offered.
    await typeTime(user, 'post-editor-time', '18:45');
    expect(shownTime('post-editor-time')).toBe('18:45');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(3));
    expect(fake.callsTo('post_save')[2].args.input).toMatchObject({ scheduled_at: '2027-01-14T18:45' });
    await user.click(screen.getByTestId('post-editor-idea'));
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(4));
    expect(fake.callsTo('post_save')[3].args.input).toMatchObject({ scheduled_at: null });
    expect(screen.queryByTestId('post-editor-day')).not.toBeInTheDocument();
    const listbox = await optionsOf(user, screen.getByTestId('post-editor-status-select'));
    expect(within(listbox).getByRole('option', { name: 'Scheduled', hidden: true })).toHaveAttribute('data-combobox-disabled', 'true');
  });

  it('waits for a network before creating a post, and sets the pillar from the topic', async () => {
    const fake = installCalendarBackend({}, { topics: [TOPIC] });
    const { user } = await renderInCalendar(<PostEditor opened post={null} preset={{}} onClose={() => undefined} />);

    await user.type(await screen.findByTestId('post-editor-text'), 'An idea');
    await waitFor(() => expect(screen.getByTestId('post-editor-status')).toHaveTextContent('Not saved'));
    expect(screen.getByTestId('post-editor-network').closest('.mantine-InputWrapper-root')).toHaveTextContent(
      'Choose a network first',
    );
    expect(fake.callsTo('post_save')).toHaveLength(0);

    await pick(user, screen.getByTestId('post-editor-network'), 'LinkedIn');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(1));
    expect(fake.callsTo('post_save')[0].args).toMatchObject({
      postId: null,
      input: { network: 'linkedin', text: 'An idea', scheduled_at: null },
    });
    await waitFor(() => expect(screen.getByTestId('post-editor-status')).toHaveTextContent('Saved'));

    await pick(user, screen.getByTestId('post-editor-topic'), 'Gardening tips');
    await waitFor(() => expect(fake.callsTo('post_save')).toHaveLength(2));
    expect(fake.callsTo('post_save')[1].args).toMatchObject({
      postId: 1000,
      input: { topic_id: 40, pillar: 'curation' },
    });
    expect(within(screen.getByTestId('post-editor-pillar')).getByLabelText('Curation')).toBeChecked();
  });

  it('shows a validation error under its field, keeps the typed text, and asks before closing; Escape closes', async () => {
    const fake = installCalendarBackend({ posts: [post(1)] });
    fake.overrides.post_save = () => {
      // The limit comes with the error (Rust's); the editor quotes it and keeps no copy.
      throw { code: 'validation', message: '', fields: [{ field: 'title', code: 'too_long', max: 280 }] };
    };
    const onClose = vi.fn();
    const { user } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={onClose} />);

    await user.type(await screen.findByTestId('post-editor-title'), ' with more words');
    expect(await screen.findByTestId('post-editor-title-error')).toHaveTextContent('At most 280 characters.');
    expect(screen.getByTestId('post-editor-title')).toHaveValue('Post 1 with more words');
    expect(screen.getByTestId('post-editor-status')).toHaveTextContent('Not saved: At most 280 characters.');

    await user.click(screen.getByTestId('post-editor-close'));
    await user.click(await screen.findByTestId('editor-discard-cancel'));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('post-editor-title')).toHaveValue('Post 1 with more words');

    // Once accepted, the error goes and closing asks nothing.
    delete fake.overrides.post_save;
    await user.type(screen.getByTestId('post-editor-title'), '!');
    await waitFor(() => expect(screen.queryByTestId('post-editor-title-error')).not.toBeInTheDocument());
    expect(fake.posts[0].title).toBe('Post 1 with more words!');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('deletes the post after asking', async () => {
    const fake = installCalendarBackend({ posts: [post(1), post(2)] });
    const onClose = vi.fn();
    const { user, strategyId } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={onClose} />);

    await user.click(await screen.findByTestId('post-editor-delete'));
    expect(fake.callsTo('post_delete')).toHaveLength(0);
    await user.click(await screen.findByTestId('post-editor-delete-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('post_delete')[0].args).toEqual({ strategyId, postId: 1, ...WEEK });
    expect(fake.posts.map((p) => p.id)).toEqual([2]);
  });

  it('duplicates the post and opens the copy', async () => {
    const fake = installCalendarBackend({ posts: [post(1)] });
    const { user, openPost } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    await user.click(await screen.findByTestId('post-editor-duplicate'));
    await waitFor(() => expect(openPost).toHaveBeenCalled());
    expect(fake.callsTo('post_save')[0].args).toMatchObject({ postId: null, input: inputOf(post(1)) });
    expect(openPost.mock.calls[0][0]).toEqual({ ...post(1), id: 1000 });
  });
});

describe('post editor and the A/B tests of step 5', () => {
  const learning = (id: number, networks: string[], text: string, winner = 'B'): Learning => ({
    test_id: id,
    name: `Test ${id}`,
    learning: text,
    winner,
    networks,
  });
  const LEARNINGS = [
    learning(7, ['instagram'], 'Photos with people get more clicks than product shots.'),
    learning(8, ['linkedin'], 'A question as the hook gets more comments.', 'A'),
    learning(9, [], 'Posting before 9:00 gets more reach.'),
  ];

  it('lists what the tests taught on the post’s network, and asks again when the network changes', async () => {
    const fake = installCalendarBackend({ posts: [post(1)], learnings: LEARNINGS.slice(0, 2) });
    const { user, strategyId } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);

    const box = await screen.findByTestId('post-learnings');
    expect(box).toHaveAttribute('data-network', 'instagram');
    expect(box).toHaveTextContent('What your tests taught on Instagram');
    expect(box).toHaveTextContent('1 learning');
    expect(screen.getByTestId('post-learning-7')).toHaveTextContent(
      'Photos with people get more clicks than product shots.Test “Test 7”: variant B won',
    );
    expect(screen.queryByTestId('post-learning-8')).not.toBeInTheDocument();
    expect(fake.callsTo('learnings_get').map((c) => c.args)).toEqual([{ strategyId, network: 'instagram' }]);

    await pick(user, screen.getByTestId('post-editor-network'), 'LinkedIn');
    await waitFor(() => expect(screen.getByTestId('post-learnings')).toHaveAttribute('data-network', 'linkedin'));
    expect(screen.getByTestId('post-learnings')).toHaveTextContent('What your tests taught on LinkedIn');
    expect(screen.getByTestId('post-learning-8')).toHaveTextContent('A question as the hook gets more comments.');
    expect(screen.getByTestId('post-learning-8')).toHaveTextContent('variant A won');
    expect(screen.queryByTestId('post-learning-7')).not.toBeInTheDocument();
    expect(fake.callsTo('learnings_get').at(-1)?.args).toEqual({ strategyId, network: 'linkedin' });

    // The box folds.
    const toggle = screen.getByRole('button', { name: /What your tests taught on LinkedIn/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    // Nothing taught on X: nothing shown.
    await pick(user, screen.getByTestId('post-editor-network'), 'X');
    await waitFor(() => expect(fake.callsTo('learnings_get').at(-1)?.args).toEqual({ strategyId, network: 'x' }));
    await waitFor(() => expect(screen.queryByTestId('post-learnings')).not.toBeInTheDocument());
  });

  it('asks nothing before the post has a network, and shows the learnings in French', async () => {
    runningFakeClock();
    const fake = installCalendarBackend({ learnings: [LEARNINGS[2]] });
    const { user } = await renderInCalendar(
      <PostEditor opened post={null} preset={{ scheduled_at: '2027-01-13T10:00' }} onClose={() => undefined} />,
      { lang: 'fr' },
    );
    await screen.findByTestId('post-editor-network');
    await settle();
    expect(fake.callsTo('learnings_get')).toHaveLength(0);
    expect(screen.queryByTestId('post-learnings')).not.toBeInTheDocument();
    expect(screen.queryByTestId('post-ab-start')).not.toBeInTheDocument();

    await pick(user, screen.getByTestId('post-editor-network'), 'X');
    const box = await screen.findByTestId('post-learnings');
    expect(box).toHaveTextContent('Ce que vos tests ont appris sur X');
    expect(box).toHaveTextContent('1 enseignement');
    expect(screen.getByTestId('post-learning-9')).toHaveTextContent('Test « Test 9 » : la variante B l’a emporté');
  });

  it('starts an A/B test from the post, saving what waits first, then opens and announces variant B', async () => {
    const fake = installCalendarBackend({ posts: [post(1)] });
    const { user, strategyId, openPost, client } = await renderInCalendar(
      <PostEditor opened post={fake.posts[0]} onClose={() => undefined} />,
    );
    client.setQueryData(['ab-tests', strategyId], []);
    const stack = undoStackOf(strategyId);
    stack.push({ label: 'earlier', undo: {} as UndoEntry['undo'], redo: {} as UndoEntry['redo'] });
    await user.type(await screen.findByTestId('post-editor-title'), '!');
    const gets = fake.callsTo('calendar_get').length;

    await user.click(screen.getByRole('button', { name: 'Start an A/B test' }));
    const menu = await screen.findByTestId('post-ab-menu');
    expect(within(menu).getByText('What will differ in variant B?')).toBeInTheDocument();
    expect(within(menu).getAllByRole('menuitem', { hidden: true }).map((i) => i.textContent)).toEqual([
      'The photo',
      'The title',
      'The text',
      'The time of day (B on the same day, two hours apart or more)',
      'The format',
    ]);
    expect(within(menu).getByText(/in the same slot \(weekday and time\) of a later week with no other post then/)).toBeInTheDocument();
    await user.click(screen.getByTestId('post-ab-varied-time'));

    await waitFor(() => expect(openPost).toHaveBeenCalled());
    expect(fake.callsTo('ab_test_start').map((c) => c.args)).toEqual([
      { strategyId, postId: 1, varied: 'time', language: 'en' },
    ]);
    // What was typed was saved before: B copies it.
    const cmds = fake.calls.map((c) => c.cmd);
    expect(cmds.indexOf('post_save')).toBeLessThan(cmds.indexOf('ab_test_start'));
    expect(openPost.mock.calls[0][0]).toEqual({ ...post(1), id: 1000, title: 'Post 1!', scheduled_at: '2027-01-12T11:30' });
    expect(
      await screen.findByText('A/B test created: change variant B, then follow its verdict in step 5.'),
    ).toBeInTheDocument();
    expect(fake.callsTo('calendar_get').length).toBeGreaterThan(gets);
    expect(client.getQueryState(['ab-tests', strategyId])?.isInvalidated).toBe(true);
    expect(stack.peekUndo()).toBeUndefined();
  });

  it('opens variant B when it falls outside the period on screen, and says so in French', async () => {
    const fake = installCalendarBackend({ posts: [post(1, { scheduled_at: '2027-01-17T23:00' })] });
    const { user, strategyId, openPost } = await renderInCalendar(
      <PostEditor opened post={fake.posts[0]} onClose={() => undefined} />,
      { lang: 'fr' },
    );
    await user.click(await screen.findByRole('button', { name: 'Lancer un test A/B' }));
    expect(await screen.findByRole('menuitem', { name: 'L’heure (B le même jour, à deux heures d’écart ou plus)', hidden: true })).toBeInTheDocument();
    await user.click(await screen.findByRole('menuitem', { name: 'La photo', hidden: true }));

    // B goes in the same slot a week later.
    await waitFor(() => expect(openPost).toHaveBeenCalled());
    // The test is named in the UI's language.
    expect(fake.callsTo('ab_test_start')[0].args).toEqual({ strategyId, postId: 1, varied: 'photo', language: 'fr' });
    expect(openPost.mock.calls[0][0]).toEqual({ ...post(1), id: 1000, status: 'draft', scheduled_at: '2027-01-24T23:00' });
    expect(fake.callsTo('calendar_get').at(-1)?.args).toEqual({ strategyId, from: '2027-01-24', to: '2027-01-24' });
    expect(
      await screen.findByText('Test A/B créé : modifiez la variante B, puis suivez son verdict à l’étape 5.'),
    ).toBeInTheDocument();
  });

  it('says why an A/B test could not be started, and opens nothing', async () => {
    const fake = installCalendarBackend({ posts: [post(1)] });
    fake.overrides.ab_test_start = () => {
      throw { code: 'internal', message: 'disk full', fields: [] };
    };
    const { user, openPost } = await renderInCalendar(<PostEditor opened post={fake.posts[0]} onClose={() => undefined} />);
    await user.click(await screen.findByTestId('post-ab-start'));
    await user.click(await screen.findByTestId('post-ab-varied-text'));

    await waitFor(() => expect(fake.callsTo('ab_test_start')).toHaveLength(1));
    expect(await screen.findByText(/disk full/)).toBeInTheDocument();
    expect(openPost).not.toHaveBeenCalled();
    expect(screen.getByTestId('post-ab-start')).not.toBeDisabled();
  });
});

describe('post editor results', () => {
  const RESULTS: PostResults = {
    post_id: 1,
    publication: { external_id: '178', permalink: 'https://www.instagram.com/p/abc/', format: 'photo', unplanned: true },
    snapshots: [
      {
        post_id: 1,
        taken_on: '2027-01-10',
        source: 'import',
        measures: { ...NO_MEASURES, impressions: 1000, reactions: 40, comments: 3 },
      },
    ],
  };

  it('shows the format, the link on the network and the snapshots of a dated post', async () => {
    installCalendarBackend({ posts: [post(1)], results: { 1: RESULTS } });
    await renderInCalendar(<PostEditor opened post={post(1)} onClose={() => undefined} />);

    const section = await screen.findByTestId('post-results');
    await waitFor(() => expect(within(section).getByTestId('post-results-format')).toHaveValue('Photo'));
    expect(within(section).getByTestId('post-results-permalink')).toHaveTextContent('On the network: https://www.instagram.com/p/abc/');
    expect(within(section).getByTestId('post-results-unplanned')).toHaveTextContent('Unplanned');
    // Three columns, whatever the measures: a day's numbers wrap in the drawer's width, each with its name.
    const table = within(section).getByTestId('post-results-snapshots');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Day', 'Source', 'Numbers']);
    const row = within(table).getByTestId('post-results-snapshot-2027-01-10');
    expect(row).toHaveTextContent('January 10, 2027ImportedImpressions 1,000Reactions 40Comments 3');
    expect(within(row).getAllByRole('listitem').map((li) => li.getAttribute('data-measure'))).toEqual([
      'impressions',
      'reactions',
      'comments',
    ]);
  });

  it('saves the numbers typed for a day as they are typed, as text for Rust to read, and sets the format', async () => {
    const fake = installCalendarBackend({ posts: [post(1)], results: { 1: RESULTS } });
    const { user, strategyId } = await renderInCalendar(<PostEditor opened post={post(1)} onClose={() => undefined} />);

    const section = await screen.findByTestId('post-results');
    const day = await within(section).findByTestId('post-results-day');
    expect(day).toHaveTextContent('January 12, 2027');
    expect(within(section).getByTestId('post-results-impressions')).toHaveValue('');
    expect(within(section).queryByRole('button', { name: /save/i })).not.toBeInTheDocument();

    await user.type(within(section).getByTestId('post-results-impressions'), '1500');
    await user.type(within(section).getByTestId('post-results-reactions'), '60');
    await user.type(within(section).getByTestId('post-results-clicks'), '12');
    // Saved after a pause in typing (how many saves on the way depends on the typing's speed; the last one holds
    // every box).
    await waitFor(() =>
      expect(fake.callsTo('post_results_save').at(-1)?.args).toEqual({
        strategyId,
        postId: 1,
        takenOn: '2027-01-12',
        measures: { ...NO_TYPED, impressions: '1500', reactions: '60', clicks: '12' },
      }),
    );
    expect(await within(section).findByTestId('post-results-snapshot-2027-01-12')).toHaveTextContent('Typed');
    await waitFor(() =>
      expect(within(section).getByTestId('post-results-status')).toHaveTextContent('Results of January 12, 2027 saved.'),
    );
    expect(screen.getByTestId('post-editor-status')).toHaveAttribute('data-status', 'saved');
    // Nothing else of the post is saved.
    expect(fake.callsTo('post_save')).toHaveLength(0);

    // Another day shows its numbers, to correct them.
    await pickDate(user, day, '2027-01-10');
    await waitFor(() => expect(within(section).getByTestId('post-results-impressions')).toHaveValue('1000'));
    expect(within(section).getByTestId('post-results-clicks')).toHaveValue('');
    // Emptying every box of a day removes its numbers.
    for (const m of ['impressions', 'reactions', 'comments']) await user.clear(within(section).getByTestId(`post-results-${m}`));
    await waitFor(() => expect(within(section).queryByTestId('post-results-snapshot-2027-01-10')).not.toBeInTheDocument());
    expect(within(section).getByTestId('post-results-status')).toHaveTextContent('Results of January 10, 2027 removed.');

    await pick(user, within(section).getByTestId('post-results-format'), 'Carousel');
    await waitFor(() => expect(fake.callsTo('post_format_set')).toHaveLength(1));
    expect(fake.callsTo('post_format_set')[0].args).toEqual({ strategyId, postId: 1, format: 'carousel' });
    await waitFor(() => expect(within(section).getByTestId('post-results-format')).toHaveValue('Carousel'));
  });

  /** Types `value` in a box of the results and closes the editor at once with `close`, in fake time: the pause after
   *  typing never ends, and the fake clock is dropped before anything else runs, so only the close can send what
   *  was typed. */
  async function typeThenClose(box: HTMLElement, value: string, close: () => void) {
    vi.useFakeTimers();
    try {
      fireEvent.change(box, { target: { value } });
      // The save waits for the end of the pause.
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      close();
    } finally {
      vi.useRealTimers();
    }
  }

  it.each([
    ['Done', () => fireEvent.click(screen.getByTestId('post-editor-close'))],
    ['Escape', () => fireEvent.keyDown(screen.getByTestId('post-results-reach'), { key: 'Escape' })],
    ['a click outside', () => fireEvent.click(document.querySelector('.mantine-Drawer-overlay')!)],
    ['Ctrl+Enter', () => fireEvent.keyDown(screen.getByTestId('post-results-reach'), { key: 'Enter', ctrlKey: true })],
  ])('sends the numbers typed when the editor closes at once (%s)', async (_, close) => {
    const fake = installCalendarBackend({ posts: [post(1)], results: { 1: RESULTS } });
    const onClose = vi.fn();
    const { strategyId } = await renderInCalendar(<PostEditor opened post={post(1)} onClose={onClose} />);
    const reach = await screen.findByTestId('post-results-reach');

    await typeThenClose(reach, '750', close);

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('post_results_save').map((c) => c.args)).toEqual([
      { strategyId, postId: 1, takenOn: '2027-01-12', measures: { ...NO_TYPED, reach: '750' } },
    ]);
    expect(fake.results[1].snapshots.map((x) => [x.taken_on, x.measures.reach])).toEqual([
      ['2027-01-10', null],
      ['2027-01-12', 750],
    ]);
  });

  it('sends the numbers typed when another post is opened in the editor', async () => {
    const fake = installCalendarBackend({ posts: [post(1), post(2)], results: { 1: RESULTS } });
    function Switcher() {
      const [shown, setShown] = useState(post(1));
      return (
        <>
          <button type="button" onClick={() => setShown(post(2))}>
            Open post 2
          </button>
          <PostEditor opened post={shown} onClose={() => undefined} />
        </>
      );
    }
    const { strategyId } = await renderInCalendar(<Switcher />);
    const reach = await screen.findByTestId('post-results-reach');

    await typeThenClose(reach, '80', () => fireEvent.click(screen.getByRole('button', { name: 'Open post 2', hidden: true })));

    await waitFor(() => expect(fake.callsTo('post_results_save')).toHaveLength(1));
    expect(fake.callsTo('post_results_save')[0].args).toEqual({
      strategyId,
      postId: 1,
      takenOn: '2027-01-12',
      measures: { ...NO_TYPED, reach: '80' },
    });
    await waitFor(() => expect(screen.getByTestId('post-editor-title')).toHaveValue('Post 2'));
  });

  it('shows the error Rust gives for a figure that is not a count, keeps it in its box, and asks before closing', async () => {
    const fake = installCalendarBackend({ posts: [post(1)], results: { 1: RESULTS } });
    const onClose = vi.fn();
    const { user, strategyId } = await renderInCalendar(<PostEditor opened post={post(1)} onClose={onClose} />);
    const section = await screen.findByTestId('post-results');
    const reach = await within(section).findByTestId('post-results-reach');

    // Sent as typed: Rust says what is wrong, under the box, and the drawer's status says it is not saved.
    await user.type(reach, '2,5');
    await waitFor(() => expect(fake.callsTo('post_results_save').at(-1)?.args).toMatchObject({ measures: { reach: '2,5' } }));
    expect(await within(section).findByTestId('post-results-reach-error')).toHaveTextContent('A whole number, 0 or more.');
    expect(reach).toHaveValue('2,5');
    await waitFor(() => expect(screen.getByTestId('post-editor-status')).toHaveAttribute('data-status', 'error'));
    expect(screen.getByTestId('post-editor-status')).toHaveTextContent('Not saved: A whole number, 0 or more.');
    expect(fake.results[1].snapshots).toHaveLength(1);

    // Closing asks first; keeping on editing keeps the figure.
    await user.click(screen.getByTestId('post-editor-close'));
    await user.click(await screen.findByTestId('editor-discard-cancel'));
    expect(onClose).not.toHaveBeenCalled();
    expect(reach).toHaveValue('2,5');

    // Another day: the figure refused stays, now for that day.
    await pickDate(user, within(section).getByTestId('post-results-day'), '2027-01-11');
    await waitFor(() => expect(fake.callsTo('post_results_save').at(-1)?.args).toMatchObject({ takenOn: '2027-01-11' }));
    expect(reach).toHaveValue('2,5');
    expect(within(section).getByTestId('post-results-reach-error')).toHaveTextContent('A whole number, 0 or more.');

    // Corrected (digits grouped by a space are a count): saved, the error gone, and the editor closes.
    await user.clear(reach);
    await user.type(reach, '2 500');
    await waitFor(() =>
      expect(fake.callsTo('post_results_save').at(-1)?.args).toEqual({
        strategyId,
        postId: 1,
        takenOn: '2027-01-11',
        measures: { ...NO_TYPED, reach: '2 500' },
      }),
    );
    await waitFor(() => expect(within(section).queryByTestId('post-results-reach-error')).not.toBeInTheDocument());
    expect(fake.results[1].snapshots.find((x) => x.taken_on === '2027-01-11')?.measures.reach).toBe(2500);
    await user.click(screen.getByTestId('post-editor-close'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('has no results section for an idea, and shows it in French', async () => {
    installCalendarBackend({ posts: [post(1, { scheduled_at: null, status: 'idea' }), post(2)] });
    const { unmount } = await renderInCalendar(
      <PostEditor opened post={post(1, { scheduled_at: null, status: 'idea' })} onClose={() => undefined} />,
    );
    await screen.findByTestId('post-editor-title');
    expect(screen.queryByTestId('post-results')).not.toBeInTheDocument();
    unmount();

    await renderInCalendar(<PostEditor opened post={post(2)} onClose={() => undefined} />, { lang: 'fr' });
    const section = await screen.findByTestId('post-results');
    expect(await within(section).findByTestId('post-results-none')).toHaveTextContent('Pas encore de résultats.');
    expect(section).toHaveTextContent('s’enregistrent à mesure que vous tapez');
    expect(within(section).getByLabelText('Abonnés gagnés')).toBeInTheDocument();
    // Rust's error under its box, in French.
    fireEvent.change(within(section).getByLabelText('Abonnés gagnés'), { target: { value: '-3' } });
    expect(await within(section).findByTestId('post-results-follows-error')).toHaveTextContent('Un nombre entier, 0 ou plus.');
  });
});

describe('editorial item editor', () => {
  it('shows the item and saves it as the user types', async () => {
    runningFakeClock();
    const { id: _id, ...input } = editorialItem(5, { theme: 'Garden', owner: 'Ana' });
    const fake = installCalendarBackend({ editorial: [editorialItem(5, input)] });
    const { user, strategyId } = await renderInCalendar(
      <EditorialEditor opened item={fake.editorial[0]} onClose={() => undefined} />,
    );

    const title = await screen.findByTestId('editorial-editor-title');
    expect(title).toHaveValue('Article 5');
    expect(screen.getByTestId('editorial-editor')).toHaveTextContent('Edit the editorial item');
    expect(screen.getByTestId('editorial-editor-type')).toHaveValue('Article');
    expect(await screen.findByTestId('editorial-editor-date')).toHaveTextContent('January 13, 2027');
    expect(screen.getByTestId('editorial-editor-theme')).toHaveValue('Garden');
    expect(screen.getByTestId('editorial-editor-owner')).toHaveValue('Ana');
    expect(screen.getByTestId('editorial-editor-status-select')).toHaveValue('Planned');
    expect(screen.getByTestId('editorial-editor-link')).toHaveValue('https://example.com/a');

    // Pasted in one change, so that no pause in typing (which a busy machine makes) can save a part of it.
    await user.click(title);
    await user.paste(' about spring');
    await waitFor(() => expect(fake.callsTo('editorial_save')).toHaveLength(1));
    expect(fake.callsTo('editorial_save')[0].args).toEqual({
      strategyId,
      itemId: 5,
      input: { ...input, title: 'Article 5 about spring' },
      ...WEEK,
    });
    await pick(user, screen.getByTestId('editorial-editor-type'), 'Newsletter');
    await waitFor(() => expect(fake.callsTo('editorial_save')).toHaveLength(2));
    expect(fake.callsTo('editorial_save')[1].args.input).toMatchObject({ item_type: 'newsletter' });
    await waitFor(() => expect(screen.getByTestId('editorial-editor-status')).toHaveTextContent('Saved'));
    await settle();
    expect(fake.callsTo('editorial_save')).toHaveLength(2);
  });

  it('creates a new item once it has a title', async () => {
    const fake = installCalendarBackend();
    const { user } = await renderInCalendar(
      <EditorialEditor opened item={null} preset={{ date: '2027-01-15' }} onClose={() => undefined} />,
    );

    expect(await screen.findByTestId('relay-section')).toHaveTextContent('Give it a title and a day first');
    await user.click(screen.getByTestId('editorial-editor-title'));
    await user.paste('Spring newsletter');
    await waitFor(() => expect(fake.callsTo('editorial_save')).toHaveLength(1));
    expect(fake.callsTo('editorial_save')[0].args).toMatchObject({
      itemId: null,
      input: { title: 'Spring newsletter', date: '2027-01-15', item_type: 'article' },
    });
    await waitFor(() => expect(screen.getByTestId('editorial-editor')).toHaveTextContent('Edit the editorial item'));
    expect(screen.getByTestId('relay-section')).toHaveTextContent('No post relays it yet.');
  });

  it('lists the relay posts and creates new ones on the networks chosen', async () => {
    const longTitle = 'A'.repeat(270);
    const fake = installCalendarBackend({
      editorial: [editorialItem(5, { title: longTitle })],
      posts: [post(1, { network: 'instagram', title: 'Read our guide', editorial_item_id: 5, scheduled_at: '2027-01-13T10:00' })],
    });
    const { user, strategyId, openPost } = await renderInCalendar(
      <EditorialEditor opened item={fake.editorial[0]} onClose={() => undefined} />,
    );

    const section = await screen.findByTestId('relay-section');
    const listed = within(section).getAllByTestId('relay-post');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toHaveTextContent('Instagram');
    expect(listed[0]).toHaveTextContent('Read our guide');
    await user.click(listed[0]);
    expect(openPost).toHaveBeenCalledWith(fake.posts[0]);

    // Instagram relays it already; the pre-filled text (title and link, 292 characters) is too long for X.
    expect(within(section).queryByTestId('relay-network-instagram')).not.toBeInTheDocument();
    expect(within(section).getByTestId('relay-network-x')).toHaveAttribute('data-shortened', 'true');
    expect(within(section).getByTestId('relay-network-linkedin')).toHaveAttribute('data-shortened', 'false');
    expect(within(section).getByTestId('relay-shortened-x')).toBeInTheDocument();
    expect(section).toHaveTextContent('292 / 280 characters');
    expect(screen.getByTestId('relay-create')).toBeDisabled();

    await user.click(within(section).getByTestId('relay-network-linkedin'));
    await user.click(within(section).getByTestId('relay-network-x'));
    await user.click(screen.getByTestId('relay-create'));
    await waitFor(() => expect(fake.callsTo('relay_posts_create')).toHaveLength(1));
    expect(fake.callsTo('relay_posts_create')[0].args).toEqual({
      strategyId,
      itemId: 5,
      networks: ['linkedin', 'x'],
      ...WEEK,
    });
    expect(await screen.findByTestId('relay-made')).toHaveTextContent('2 relay posts created');
    await waitFor(() => expect(within(section).getAllByTestId('relay-post')).toHaveLength(3));
    expect(within(section).getByTestId('relay-all-done')).toBeInTheDocument();
    expect(screen.queryByTestId('relay-create')).not.toBeInTheDocument();
  });

  it('deletes the item after asking', async () => {
    const fake = installCalendarBackend({ editorial: [editorialItem(5)] });
    const onClose = vi.fn();
    const { user } = await renderInCalendar(<EditorialEditor opened item={fake.editorial[0]} onClose={onClose} />);

    await user.click(await screen.findByTestId('editorial-editor-delete'));
    await user.click(await screen.findByTestId('editorial-editor-delete-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('editorial_delete')[0].args).toMatchObject({ itemId: 5 });
    expect(fake.editorial).toHaveLength(0);
  });
});
