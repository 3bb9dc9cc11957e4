// The home screen's "Reviews due": the adaptations of every strategy whose review date has come and that are not
// reviewed yet (the Rust side decides which, in each strategy's time zone). "Open" opens the strategy at step 5.
// Nothing shows when there is none.
import './logDueTexts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DueReview } from '../../bindings';
import { notifyError } from '../../errors';
import { formatDay } from '../../format';
import { api } from '../../ipc';
import { useNav } from '../../nav';
import { qk } from '../../queries';
import { lastSection } from './lastSection';
import { useReviewsDue } from './logDueIpc';

export function ReviewsDue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const nav = useNav();
  const client = useQueryClient();
  const due = useReviewsDue();
  // Step 5 first, so that the strategy opens on it.
  const open = useMutation({
    mutationFn: (r: DueReview) => api.strategySetCurrentStep(r.strategy_id, 'test_adapt'),
    onSuccess: (s) => {
      client.setQueryData(qk.strategy(s.id), s);
      lastSection.set(s.id, 'adaptations');
      nav.openStrategy(s.id);
    },
    onError: notifyError,
  });

  const list = due.data ?? [];
  if (list.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="lg" data-testid="reviews-due" component="section" aria-labelledby="reviews-due-title">
      <Group gap="xs" mb={4}>
        <IconCalendarEvent size={20} aria-hidden />
        <Title order={3} size="h4" id="reviews-due-title">
          {t('adaptLog.home.title')}
        </Title>
        <Badge color="orange" variant="light">
          {list.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('adaptLog.home.help')}
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {list.map((r) => (
          <Group
            key={r.adaptation_id}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="md"
            data-testid={`review-${r.adaptation_id}`}
          >
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} lineClamp={1}>
                {r.strategy_name}
              </Text>
              <Text size="sm" lineClamp={2}>
                {r.decision.trim() || t('adaptLog.home.noDecision')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('adaptLog.home.reviewOn', { date: formatDay(r.review_on, lang) })}
              </Text>
            </div>
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconPlayerPlay size={14} />}
              aria-label={t('adaptLog.home.openLabel', { strategy: r.strategy_name })}
              loading={open.isPending && open.variables?.adaptation_id === r.adaptation_id}
              onClick={() => open.mutate(r)}
              data-testid={`review-open-${r.adaptation_id}`}
            >
              {t('adaptLog.home.open')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
