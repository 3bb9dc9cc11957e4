import { useEffect, useState } from 'react';
import {
  ActionIcon,
  AppShell,
  Box,
  Button,
  Center,
  Container,
  Divider,
  Group,
  Loader,
  NavLink,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconCircleCheck,
  IconFileText,
  IconPencil,
  IconSquare,
} from '@tabler/icons-react';
import { useIsFetching, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StepId, Strategy } from '../bindings';
import { notifyError } from '../errors';
import { formatDay, formatNumber } from '../format';
import { api } from '../ipc';
import { useNav } from '../nav';
import { qk, useStrategy } from '../queries';
import { STEP_COUNT, STEPS } from '../steps';
import { Brand, SettingsButton } from './Brand';
import { modals } from '@mantine/modals';
import type { ObjectivesView } from '../bindings';
import { StepErrorBoundary } from './StepErrorBoundary';
import { stepLoadingShown, useStepLoadingShown } from './StepFrame';
import { BenchmarkStep, CalendarStep, ObjectivesStep, Overview, StrategyFormModal, TestAdaptStep } from '../lazy';
import { AuditStep } from './audit/AuditStep';

function isCompleted(s: Strategy, step: StepId): boolean {
  return s.steps.some((st) => st.step === step && st.completed);
}

function useStrategyMutations(id: number) {
  const queryClient = useQueryClient();
  const key = qk.strategy(id);

  const optimistic = (patch: (s: Strategy) => Strategy) => {
    const previous = queryClient.getQueryData<Strategy>(key);
    if (previous) queryClient.setQueryData(key, patch(previous));
    return { previous };
  };
  const settle = {
    onSuccess: (s: Strategy) => {
      queryClient.setQueryData(key, s);
      void queryClient.invalidateQueries({ queryKey: qk.strategies });
    },
    onError: (e: Parameters<typeof notifyError>[0], _v: unknown, ctx: { previous?: Strategy } | undefined) => {
      if (ctx?.previous) queryClient.setQueryData(key, ctx.previous);
      notifyError(e);
    },
  };

  const setStep = useMutation({
    mutationFn: (step: StepId) => api.strategySetCurrentStep(id, step),
    onMutate: (step) => optimistic((s) => ({ ...s, current_step: step })),
    ...settle,
  });
  const setCompleted = useMutation({
    mutationFn: ({ step, completed }: { step: StepId; completed: boolean }) =>
      api.strategySetStepCompleted(id, step, completed),
    onMutate: ({ step, completed }) =>
      optimistic((s) => ({
        ...s,
        steps: STEPS.map((st) => ({
          step: st,
          completed: st === step ? completed : isCompleted(s, st),
        })),
      })),
    ...settle,
  });
  return { setStep, setCompleted };
}

export function StrategyView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const nav = useNav();
  const query = useStrategy(id);
  const { setStep, setCompleted } = useStrategyMutations(id);
  const [editing, setEditing] = useState(false);
  const [overview, setOverview] = useState(false);
  const queryClient = useQueryClient();

  const strategy = query.data;
  const failed = query.isError;
  useEffect(() => {
    // The strategy cannot be opened (deleted meanwhile, …): say why and show the list.
    if (failed && query.error) {
      notifyError(query.error);
      nav.goList();
    }
  }, [failed, query.error, nav]);

  if (!strategy) {
    return (
      <Center h="100vh" data-testid="strategy-loading">
        <Loader />
      </Center>
    );
  }

  const current = STEPS.includes(strategy.current_step) ? strategy.current_step : STEPS[0];
  const index = STEPS.indexOf(current);
  const next = index < STEP_COUNT - 1 ? STEPS[index + 1] : null;
  const completedCount = STEPS.filter((s) => isCompleted(strategy, s)).length;
  const currentDone = isCompleted(strategy, current);

  // Marking the objectives done while an objective cannot be measured asks first: it is the step's blocking finding.
  const toggleCompleted = () => {
    const blocking =
      current === 'objectives' && !currentDone
        ? (queryClient.getQueryData<ObjectivesView>(['objectives', strategy.id])?.findings ?? []).filter(
            (f) => f.severity === 'blocking',
          )
        : [];
    if (blocking.length === 0) {
      setCompleted.mutate({ step: current, completed: !currentDone });
      return;
    }
    modals.openConfirmModal({
      title: t('wizard.blockingTitle', { count: blocking.length }),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('wizard.blockingBody')}</Text>
          {blocking.map((f, i) => (
            <Text key={i} size="sm" fw={600}>
              {f.title[lang]}
            </Text>
          ))}
        </Stack>
      ),
      labels: { confirm: t('wizard.blockingConfirm'), cancel: t('common.cancel') },
      confirmProps: { 'data-testid': 'step-complete-anyway' } as Record<string, unknown>,
      onConfirm: () => setCompleted.mutate({ step: current, completed: true }),
    });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 290, breakpoint: 'xs' }}
      padding="xl"
      data-testid="strategy-view"
    >
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Brand />
            <Divider orientation="vertical" />
            <Title order={4} data-testid="strategy-title" lineClamp={1} style={{ minWidth: 0 }}>
              {strategy.name}
            </Title>
            <Tooltip label={t('wizard.edit')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('wizard.edit')}
                data-testid="strategy-edit"
                onClick={() => setEditing(true)}
              >
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="subtle"
              leftSection={<IconArrowLeft size={18} />}
              onClick={nav.goList}
              data-testid="nav-strategies"
            >
              {t('wizard.strategies')}
            </Button>
            <SettingsButton />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md">
        <Stack gap={6} mb="md">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('wizard.stepsNav')}
          </Text>
          <Text size="sm" data-testid="step-progress">
            {t('wizard.progress', {
              count: completedCount,
              total: STEP_COUNT,
            })}
          </Text>
          <Progress
            value={(completedCount / STEP_COUNT) * 100}
            color="teal"
            size="sm"
            aria-label={t('wizard.progress', { count: completedCount, total: STEP_COUNT })}
          />
        </Stack>
        <nav aria-label={t('wizard.stepsNav')}>
          {STEPS.map((step, i) => {
            const done = isCompleted(strategy, step);
            return (
              <NavLink
                key={step}
                component="button"
                data-testid={`step-${step}`}
                data-completed={done ? 'true' : 'false'}
                aria-current={step === current && !overview ? 'step' : undefined}
                active={step === current && !overview}
                label={t(`steps.${step}.name`)}
                onClick={() => {
                  setOverview(false);
                  if (step !== current) setStep.mutate(step);
                }}
                leftSection={
                  <ThemeIcon
                    size={26}
                    radius="xl"
                    variant={done ? 'filled' : 'light'}
                    color={done ? 'teal' : undefined}
                    aria-hidden
                  >
                    <Text size="xs" fw={700} c="inherit">
                      {formatNumber(i + 1, lang)}
                    </Text>
                  </ThemeIcon>
                }
                rightSection={
                  done ? (
                    <IconCircleCheck
                      size={20}
                      color="var(--mantine-color-teal-6)"
                      aria-label={t('wizard.completed')}
                      role="img"
                      data-testid="step-completed-icon"
                    />
                  ) : null
                }
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
                mb={4}
              />
            );
          })}
        </nav>
        <NavLink
          component="button"
          data-testid="nav-overview"
          active={overview}
          aria-current={overview ? 'page' : undefined}
          label={t('wizard.overview')}
          description={t('wizard.overviewHint')}
          onClick={() => setOverview(true)}
          leftSection={
            <ThemeIcon size={26} radius="xl" variant="light" color="gray" aria-hidden>
              <IconFileText size={15} />
            </ThemeIcon>
          }
          styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
          mt="xs"
        />
        <Box mt="auto" pt="md">
          <Divider mb="sm" />
          <Stack gap={2}>
            {strategy.organisation && (
              <Text size="sm" fw={600} lineClamp={1}>
                {strategy.organisation}
              </Text>
            )}
            {strategy.sector && (
              <Text size="sm" c="dimmed" lineClamp={1}>
                {strategy.sector}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('wizard.startsOn', { date: formatDay(strategy.start_date, lang) })} · {strategy.timezone}
            </Text>
          </Stack>
        </Box>
      </AppShell.Navbar>

      <AppShell.Main>
        {overview ? (
          <Container size="lg" px={0}>
            <Overview strategyId={strategy.id} onClose={() => setOverview(false)} />
          </Container>
        ) : (
          <Container size={current === 'calendar' ? '100%' : 'md'} px={0}>
            <Stack gap="lg">
              <div>
                <Text size="sm" c="dimmed" fw={600}>
                  {t('wizard.stepOf', { n: formatNumber(index + 1, lang), total: formatNumber(STEP_COUNT, lang) })}
                </Text>
                <Title order={1} data-testid="step-title">
                  {t(`steps.${current}.name`)}
                </Title>
              </div>
              <Text size="lg" data-testid="step-intro">
                {t(`steps.${current}.intro`)}
              </Text>
              <ReadyWhenIdle />
              <StepErrorBoundary key={current}>
                {current === 'audit' ? (
                  <AuditStep strategyId={strategy.id} onGoToStep={(step) => setStep.mutate(step)} />
                ) : current === 'benchmark' ? (
                  <BenchmarkStep strategyId={strategy.id} onGoToStep={(step) => setStep.mutate(step)} />
                ) : current === 'objectives' ? (
                  <ObjectivesStep
                    strategyId={strategy.id}
                    onGoToStep={(step) => setStep.mutate(step)}
                    onOpenOverview={() => setOverview(true)}
                  />
                ) : current === 'calendar' ? (
                  <CalendarStep strategyId={strategy.id} onGoToStep={(step) => setStep.mutate(step)} />
                ) : (
                  <TestAdaptStep strategyId={strategy.id} onGoToStep={(step) => setStep.mutate(step)} />
                )}
              </StepErrorBoundary>
              <Group justify="space-between" gap="md">
                {currentDone ? (
                  // Once marked, the step says it is complete and offers to reopen it.
                  <Group gap="sm" wrap="nowrap">
                    <Group gap={6} wrap="nowrap" data-testid="step-is-complete">
                      <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
                      <Text fw={600} c="teal.7">
                        {t('wizard.isComplete')}
                      </Text>
                    </Group>
                    <Button
                      variant="subtle"
                      color="gray"
                      size="compact-sm"
                      data-testid="step-complete"
                      data-completed="true"
                      onClick={() => toggleCompleted()}
                    >
                      {t('wizard.reopen')}
                    </Button>
                  </Group>
                ) : (
                  <Button
                    variant="default"
                    leftSection={<IconSquare size={20} />}
                    data-testid="step-complete"
                    data-completed="false"
                    onClick={() => toggleCompleted()}
                  >
                    {t('wizard.complete')}
                  </Button>
                )}
                {next ? (
                  <Button
                    rightSection={<IconArrowRight size={18} />}
                    onClick={() => setStep.mutate(next)}
                    data-testid="step-next"
                  >
                    {t('wizard.next', { step: t(`steps.${next}.name`) })}
                  </Button>
                ) : (
                  <Button
                    variant="light"
                    leftSection={<IconArrowLeft size={18} />}
                    onClick={() => setStep.mutate(STEPS[0])}
                    data-testid="step-first"
                  >
                    {t('wizard.first')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Container>
        )}
      </AppShell.Main>

      <StrategyFormModal
        opened={editing}
        strategy={strategy}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </AppShell>
  );
}

/** Tells the app that its first screen is up (`markReady`) once nothing on it is still loading: no query is being
 *  fetched and no step shows its loader (a step loads its code, then its data). Checked after each commit that
 *  changes either; the start-up benchmark times up to the paint that follows. Once told, it unmounts its watcher, so
 *  that later fetches (a month, a drop) do not count queries for it. */
function ReadyWhenIdle() {
  const [done, setDone] = useState(false);
  return done ? null : <ReadyWatcher onReady={() => setDone(true)} />;
}

function ReadyWatcher({ onReady }: { onReady: () => void }) {
  const nav = useNav();
  const client = useQueryClient();
  const fetching = useIsFetching();
  const loading = useStepLoadingShown();
  useEffect(() => {
    if (client.isFetching() === 0 && stepLoadingShown() === 0) {
      nav.markReady();
      onReady();
    }
  }, [client, nav, onReady, fetching, loading]);
  return null;
}
