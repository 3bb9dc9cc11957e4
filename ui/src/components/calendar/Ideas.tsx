// The ideas backlog: posts with no date yet. A drop target (a post dropped here loses its date) and a source (an
// idea dragged onto a day gets one).
import { memo } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { PostCard, useCardTexts } from './PostCard';
import { IDEAS, rowName, useCal } from './state';
import classes from './calendar.module.css';

export const Ideas = memo(function Ideas() {
  const { t } = useTranslation();
  const { view, lang, selectedPosts, openPost } = useCal();
  const ideas = view.calendar.ideas;
  const texts = useCardTexts();
  return (
    <section
      className={classes.ideas}
      data-drop={IDEAS}
      data-testid="ideas"
      aria-labelledby="calendar-ideas-title"
    >
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconBulb size={18} />
          <Text fw={700} id="calendar-ideas-title">
            {t('calendar.ideas.title')} ({formatNumber(ideas.length, lang)})
          </Text>
        </Group>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPlus size={14} />}
          data-testid="ideas-add"
          onClick={() => openPost(null, { scheduled_at: null, status: 'idea', network: view.rows[0]?.network ?? '' })}
        >
          {t('calendar.ideas.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb={6}>
        {t('calendar.ideas.help')}
      </Text>
      {ideas.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="ideas-empty">
          {t('calendar.ideas.empty')}
        </Text>
      ) : (
        <div className={classes.ideaList}>
          {ideas.map((p) => (
            <PostCard
              key={p.id}
              post={p}
              texts={texts}
              compact={false}
              selected={selectedPosts.has(p.id)}
              label={t('calendar.grid.ideaLabel', {
                name: p.title.trim() || p.text.trim().slice(0, 60) || t('calendar.grid.untitled'),
                network: rowName(view, p.network),
                status: t(`calendar.status.${p.status}`),
              })}
              onOpen={openPost}
            />
          ))}
        </div>
      )}
    </section>
  );
});
