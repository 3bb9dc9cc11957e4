// A post on the grid or in the ideas: coloured by its pillar, with its time, title and status. `PostCard` can be
// dragged (and opened with a click or Enter); `PostCardView` only shows it (the card that follows the pointer).
// A month holds hundreds of cards, and every drag re-renders them all: they are plain elements styled by the CSS
// module (no Mantine component, no tooltip component: the browser's `title` shows the full name).
import { memo, useMemo, type CSSProperties } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../bindings';
import type { DragData } from './Board';
import { PILLAR_COLORS, timeOf } from './state';
import classes from './calendar.module.css';

function pillarColor(post: Post): string {
  return post.pillar ? `var(--mantine-color-${PILLAR_COLORS[post.pillar]}-6)` : 'var(--mantine-color-gray-5)';
}

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
  tooLong: string;
  status: Record<Post['status'], string>;
}

export function useCardTexts(): CardTexts {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      untitled: t('calendar.grid.untitled'),
      tooLong: t('calendar.grid.tooLong'),
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
export function postName(post: Post, texts: CardTexts): string {
  return post.title.trim() || post.text.trim().slice(0, 60) || texts.untitled;
}

export function PostCardView({ post, texts, compact, selected, overlay, dragging, tooLong }: {
  post: Post;
  texts: CardTexts;
  /** The month view's small chip: time and a short title. */
  compact: boolean;
  selected?: boolean;
  overlay?: boolean;
  dragging?: boolean;
  /** Its text is longer than its network allows (e.g. after a move to X). */
  tooLong?: boolean;
}) {
  const name = postName(post, texts);
  const style: CSSProperties = { borderInlineStartColor: pillarColor(post) };
  return (
    <div
      className={classes.card}
      data-compact={compact || undefined}
      data-selected={selected || undefined}
      data-overlay={overlay || undefined}
      data-dragging={dragging || undefined}
      data-status={post.status}
      style={style}
    >
      {post.scheduled_at && (
        <span className={classes.time}>
          {timeOf(post.scheduled_at)}
          {tooLong && (
            <span className={classes.warn} title={texts.tooLong} data-testid="post-too-long">
              {' '}⚠
            </span>
          )}
        </span>
      )}
      <span className={classes.title} data-clamp={compact ? undefined : 2}>
        {name}
      </span>
      {!compact && (
        <span className={classes.status}>
          {STATUS_MARK[post.status]} {texts.status[post.status]}
        </span>
      )}
    </div>
  );
}

export const PostCard = memo(function PostCard({ post, texts, compact, selected, tooLong, label, onOpen }: {
  post: Post;
  texts: CardTexts;
  compact: boolean;
  selected: boolean;
  tooLong?: boolean;
  /** The card's accessible name (title, network, time, status), also its tooltip. */
  label: string;
  onOpen: (post: Post) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `post|${post.id}`,
    data: { post } satisfies DragData,
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      title={label}
      className={classes.draggable}
      data-testid={`post-card-${post.id}`}
      data-post-id={post.id}
      onClick={() => onOpen(post)}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented && !isDragging) onOpen(post);
      }}
    >
      <PostCardView
        post={post}
        texts={texts}
        compact={compact}
        selected={selected}
        dragging={isDragging}
        tooLong={tooLong}
      />
    </div>
  );
});
