// A post on the grid or in the ideas: coloured by its pillar, with its time, title and status. `PostCard` can be
// dragged (and opened with a click or Enter); `PostCardView` only shows it (the card that follows the pointer).
import { memo, type CSSProperties } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { Box, Text, Tooltip } from '@mantine/core';
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

export function PostCardView({ post, compact, selected, overlay, dragging }: {
  post: Post;
  /** The month view's small chip: time and a short title. */
  compact: boolean;
  selected?: boolean;
  overlay?: boolean;
  dragging?: boolean;
}) {
  const { t } = useTranslation();
  const name = post.title.trim() || post.text.trim().slice(0, 60) || t('calendar.grid.untitled');
  const style: CSSProperties = { borderInlineStartColor: pillarColor(post) };
  return (
    <Box
      className={classes.card}
      data-compact={compact || undefined}
      data-selected={selected || undefined}
      data-overlay={overlay || undefined}
      data-dragging={dragging || undefined}
      data-status={post.status}
      style={style}
    >
      {post.scheduled_at && (
        <Text component="span" size="xs" fw={700} className={classes.time}>
          {timeOf(post.scheduled_at)}
        </Text>
      )}
      <Text component="span" size="xs" className={classes.title} lineClamp={compact ? 1 : 2}>
        {name}
      </Text>
      {!compact && (
        <Text component="span" size="xs" c="dimmed" className={classes.status}>
          {STATUS_MARK[post.status]} {t(`calendar.status.${post.status}`)}
        </Text>
      )}
    </Box>
  );
}

export const PostCard = memo(function PostCard({ post, compact, selected, label, onOpen }: {
  post: Post;
  compact: boolean;
  selected: boolean;
  /** The card's accessible name (title, network, time, status). */
  label: string;
  onOpen: (post: Post) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `post|${post.id}`,
    data: { post } satisfies DragData,
  });
  const card = (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      aria-roledescription={undefined}
      className={classes.draggable}
      data-testid={`post-card-${post.id}`}
      data-post-id={post.id}
      onClick={() => onOpen(post)}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented) onOpen(post);
      }}
    >
      <PostCardView post={post} compact={compact} selected={selected} dragging={isDragging} />
    </div>
  );
  return compact ? (
    <Tooltip label={label} openDelay={400} withinPortal>
      {card}
    </Tooltip>
  ) : (
    card
  );
});
