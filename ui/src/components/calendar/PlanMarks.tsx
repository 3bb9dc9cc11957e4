// What the planner adds to the post editor (step 4): the mark of a planned post (and of a re-run), and the network's
// best times (step 5's estimate, `best_times_get`) hinted under the day and time, each a button that moves the post
// to that weekday and hour of its own week (the week the marketer chose stays; the next one when that day is past:
// `best_time_days`, Rust's rule).
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconClockStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../bindings';
import { formatFigure, slotName, useBestTimeDays, useBestTimes, useNetworkBestTimes } from '../adapt/state';
import { networkWords } from '../../networkWords';
import { dayLabel, useCal } from './state';

const k = (key: string) => `calendar.plan.${key}`;

/** "Planned" (and "Re-run of the post of …") on a post the planner proposed; nothing on others. */
export function PlannedMark({ post }: { post: Post | null }) {
  const { t } = useTranslation();
  const { lang } = useCal();
  if (!post?.planned && !post?.recycled_from) return null;
  return (
    <Group gap="xs" data-testid="post-editor-planned">
      {post.planned && (
        <Tooltip label={t(k('mark.plannedHelp'))}>
          <Badge variant="light" color="grape" size="sm">
            {t(k('mark.planned'))}
          </Badge>
        </Tooltip>
      )}
      {post.recycled_from && (
        <Text size="xs" c="dimmed" data-testid="post-editor-recycled">
          {t(k('mark.recycled'), { day: dayLabel(post.recycled_from, lang, true) })}
        </Text>
      )}
    </Group>
  );
}

/** The network's best times, under the post's day and time; `onPick` gets the day and time of the slot clicked. */
export function BestTimesHint({ network, day, onPick }: {
  network: string;
  /** The post's day, `YYYY-MM-DD` (empty: today's week). */
  day: string;
  onPick: (day: string, time: string) => void;
}) {
  const { t } = useTranslation();
  const { strategyId, view, lang } = useCal();
  const times = useNetworkBestTimes(strategyId, network).data;
  const hinted = useBestTimes(strategyId, (b) => b.hinted).data ?? 0;
  const days = useBestTimeDays(strategyId, day).data;
  if (network === '' || !times) return null;
  // The network in a sentence (French needs its preposition: "sur Instagram", "dans la newsletter").
  const words = networkWords(view.rows.find((r) => r.network === network), network);
  if (!times.enough_data) {
    return (
      <Text size="xs" c="dimmed" data-testid="post-editor-best-times">
        {t(k('best.notEnough'), { ...words, count: times.needed })}
      </Text>
    );
  }
  if (times.best.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="post-editor-best-times">
        {t(k('best.none'), words)}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid="post-editor-best-times">
      <IconClockStar size={14} aria-hidden />
      <Text size="xs" c="dimmed" title={t(k('best.pickHelp'))}>
        {t(k('best.label'), words)}
      </Text>
      {times.best.slice(0, hinted).map((s) => {
        const slot = slotName(s, lang);
        return (
          <Button
            key={`${s.weekday}-${s.hour}`}
            size="compact-xs"
            variant="light"
            aria-label={t(k('best.pick'), { slot })}
            title={t(k('best.pick'), { slot })}
            disabled={!days}
            onClick={() => days && onPick(days[s.weekday - 1], `${String(s.hour).padStart(2, '0')}:00`)}
            data-testid={`post-editor-best-${s.weekday}-${s.hour}`}
          >
            {t(k('best.slot'), { slot, rate: formatFigure(s.rate * 100, lang, 1) })}
          </Button>
        );
      })}
    </Group>
  );
}
