// A post on the grid or in the ideas: coloured by its pillar, with its time, title and status. `PostCard` can be
// dragged (and opened with a click or Enter); `PostCardView` only shows it (the card that follows the pointer).
// A month holds hundreds of cards, and every drag re-renders them all: they are plain elements styled by the CSS
// module (no Mantine component, no tooltip component: the browser's `title` shows the full name).
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../bindings';
import { DRAG_HELP_ID, useBoard } from './Board';
import { timeOf } from './state';
import classes from './calendar.module.css';

const STATUS_MARK: Record<Post['status'], string> = {
  idea: '○',
  draft: '◔',
  ready: '◑',
  scheduled: '◕',
  published: '●',
};

/** The words a card shows, translated once by its parent rather than by each card. */
export interface CardTexts {
  untitled: string;
  /** What a card is, for screen readers ("draggable post"). */
  draggable: string;
  tooLong: string;
  status: Record<Post['status'], string>;
  /** The mark of a post the planner proposed and the user added. */
  planned: string;
}

export function useCardTexts(): CardTexts {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      untitled: t('calendar.grid.untitled'),
      draggable: t('calendar.drag.roleDescription'),
      tooLong: t('calendar.grid.tooLong'),
      planned: t('calendar.plan.mark.planned'),
      status: {
        idea: t('calendar.status.idea'),
        draft: t('calendar.status.draft'),
        ready: t('calendar.status.ready'),
        scheduled: t('calendar.status.scheduled'),
        published: t('calendar.status.published'),
      },
    }),
    // The texts change with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}

/** A post's name on a card: its title, or the start of its text. */
export function postName(post: Pick<Post, 'title' | 'text'>, texts: Pick<CardTexts, 'untitled'>): string {
  return post.title.trim() || post.text.trim().slice(0, 60) || texts.untitled;
}

/** What a card shows: the time (with a warning when the text is too long), the name and, unless compact, the status.
 *  A compact card (the month's) is one element and its text: the time comes from its `data-time`, drawn by the CSS
 *  (`.card[data-compact]::before`). A month shows hundreds of them, and the web view styles and lays out each
 *  element: with one instead of three, the layout before a new month's first paint took about a quarter less. */
function cardContent(post: Post, texts: CardTexts, compact: boolean, tooLong: boolean | undefined) {
  const warn = tooLong && (
    <span className={classes.warn} title={texts.tooLong} data-testid="post-too-long">
      {compact ? '⚠' : ' ⚠'}
    </span>
  );
  if (compact) {
    return (
      <>
        {warn}
        {postName(post, texts)}
      </>
    );
  }
  return (
    <>
      {post.scheduled_at && (
        <span className={classes.time}>
          {timeOf(post.scheduled_at)}
          {warn}
        </span>
      )}
      <span className={classes.title} data-clamp={2}>
        {postName(post, texts)}
      </span>
      <span className={classes.status}>
        {STATUS_MARK[post.status]} {texts.status[post.status]}
        {post.planned && <span data-testid="post-planned">{` · ${texts.planned}`}</span>}
      </span>
    </>
  );
}

/** The `data-time` of a compact card (see `cardContent`). */
const cardTime = (post: Post, compact: boolean) =>
  compact && post.scheduled_at ? timeOf(post.scheduled_at) : undefined;

/** A card that only shows a post (the one that follows the pointer during a drag). */
export function PostCardView({ post, texts, compact, overlay }: {
  post: Post;
  texts: CardTexts;
  compact: boolean;
  overlay?: boolean;
}) {
  return (
    <div
      className={classes.card}
      data-compact={compact || undefined}
      data-time={cardTime(post, compact)}
      data-overlay={overlay || undefined}
      data-status={post.status}
      data-pillar={post.pillar ?? undefined}
    >
      {cardContent(post, texts, compact, false)}
    </div>
  );
}

export const PostCard = memo(function PostCard({ post, texts, compact, network, selected, tooLong, label, onOpen }: {
  post: Post;
  texts: CardTexts;
  compact: boolean;
  /** In the month, the colour of the post's network (its row's place, see MonthGrid.tsx): the card's edge shows it
   *  instead of the pillar's. */
  network?: number;
  selected: boolean;
  tooLong?: boolean;
  /** The card's accessible name (title, network, time, status), also its tooltip. */
  label: string;
  onOpen: (post: Post) => void;
}) {
  const board = useBoard();
  // A planned post says so in its name (a compact card shows no status line).
  const name = post.planned ? `${label} · ${texts.planned}` : label;
  return (
    <div
      role="button"
      tabIndex={0}
      aria-roledescription={texts.draggable}
      aria-describedby={board ? DRAG_HELP_ID : undefined}
      aria-label={name}
      title={name}
      className={`${classes.draggable} ${classes.card}`}
      data-testid={`post-card-${post.id}`}
      data-post-id={post.id}
      data-compact={compact || undefined}
      data-time={cardTime(post, compact)}
      data-selected={selected || undefined}
      data-status={post.status}
      data-pillar={post.pillar ?? undefined}
      data-planned={post.planned || undefined}
      data-net={network}
      onPointerDown={board ? (e) => board.startPointer(e, post) : undefined}
      onClick={() => onOpen(post)}
      onKeyDown={(e) => {
        if (e.code === 'Space' && board) board.startKey(e, post);
        else if (e.key === 'Enter' && !e.defaultPrevented && !e.currentTarget.dataset.dragging) onOpen(post);
      }}
    >
      {cardContent(post, texts, compact, tooLong)}
    </div>
  );
});
