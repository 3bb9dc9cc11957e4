// Part 1 of the objectives step: what the company needs (business goals) and what marketing must do for each
// (marketing objectives). The social objectives of part 2 serve these marketing objectives.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  BusinessGoal,
  BusinessGoalInput,
  BusinessOutcome,
  MarketingObjective,
  MarketingObjectiveInput,
} from '../../bindings';
import { Question } from '../StepFrame';
import { objApi } from './ipc';
import type { FieldsProps } from '../ItemParts';
import { confirmDelete, CreateItemModal, EditDeleteActions, EditItemModal } from './parts';
import { errorOf, useObj } from './state';

export const OUTCOMES: readonly BusinessOutcome[] = ['sales', 'leads', 'qualified_visits', 'sign_ups', 'retention', 'other'];

export const OUTCOME_COLORS: Record<BusinessOutcome, string> = {
  sales: 'teal',
  leads: 'indigo',
  qualified_visits: 'cyan',
  sign_ups: 'violet',
  retention: 'orange',
  other: 'gray',
};

const EMPTY_GOAL: BusinessGoalInput = { title: '', outcome: 'sales', description: '' };

type GoalEditing = { goal: BusinessGoal | null };
type MarketingEditing = { marketing: MarketingObjective | null; goalId: number | null };

export function Goals() {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useObj();
  const [goalEditing, setGoalEditing] = useState<GoalEditing | null>(null);
  const [marketingEditing, setMarketingEditing] = useState<MarketingEditing | null>(null);
  const { goals, marketing } = view.data;
  const goalIds = new Set(goals.map((g) => g.id));
  const unlinked = marketing.filter((m) => m.business_goal_id === null || !goalIds.has(m.business_goal_id));

  const removeGoal = (g: BusinessGoal) =>
    confirmDelete({
      title: t('objectives.goals.deleteTitle', { title: g.title }),
      body: t('objectives.goals.deleteBody'),
      onConfirm: () => {
        tracker.run(`goal-delete-${g.id}`, () => objApi.goalDelete(strategyId, g.id)).catch(() => undefined);
      },
    });
  const removeMarketing = (m: MarketingObjective) =>
    confirmDelete({
      title: t('objectives.goals.marketing.deleteTitle', { title: m.title }),
      body: t('objectives.goals.marketing.deleteBody'),
      onConfirm: () => {
        tracker
          .run(`marketing-delete-${m.id}`, () => objApi.marketingDelete(strategyId, m.id))
          .catch(() => undefined);
      },
    });

  const marketingCard = (m: MarketingObjective, linkSelect: boolean) => (
    <MarketingCard
      key={m.id}
      marketing={m}
      linkSelect={linkSelect}
      onEdit={() => setMarketingEditing({ marketing: m, goalId: m.business_goal_id })}
      onDelete={() => removeMarketing(m)}
    />
  );

  return (
    <Stack gap="lg">
      <Question
        title={t('objectives.goals.question')}
        help={t('objectives.goals.help')}
        example={t('objectives.goals.example')}
      />
      {goals.length === 0 && (
        <Text c="dimmed" data-testid="goals-empty">
          {t('objectives.goals.empty')}
        </Text>
      )}
      {goals.map((g) => {
        const served = marketing.filter((m) => m.business_goal_id === g.id);
        return (
          <Paper key={g.id} withBorder p="md" radius="md" data-testid="goal-card" data-goal-id={g.id}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="goal-title-text">
                    {g.title}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light" color={OUTCOME_COLORS[g.outcome]} data-testid="goal-outcome-badge">
                      {t(`objectives.outcomes.${g.outcome}`)}
                    </Badge>
                  </Group>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <EditDeleteActions
                    editLabel={t('objectives.goals.editLabel', { title: g.title })}
                    deleteLabel={t('objectives.goals.deleteLabel', { title: g.title })}
                    onEdit={() => setGoalEditing({ goal: g })}
                    onDelete={() => removeGoal(g)}
                    testIdPrefix="goal"
                    tooltips
                  />
                </Group>
              </Group>
              {g.description && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                  {g.description}
                </Text>
              )}
              <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
                <Text size="sm" fw={600} c="dimmed">
                  {t('objectives.goals.marketingHeading')}
                </Text>
                {served.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('objectives.goals.noMarketing')}
                  </Text>
                )}
                {served.map((m) => marketingCard(m, false))}
                <Group>
                  <Button
                    variant="light"
                    size="compact-sm"
                    leftSection={<IconPlus size={16} />}
                    onClick={() => setMarketingEditing({ marketing: null, goalId: g.id })}
                    aria-label={t('objectives.goals.marketing.addFor', { title: g.title })}
                    data-testid="marketing-add"
                  >
                    {t('objectives.goals.marketing.add')}
                  </Button>
                </Group>
              </Stack>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setGoalEditing({ goal: null })} data-testid="goal-add">
          {t('objectives.goals.add')}
        </Button>
      </Group>
      {unlinked.length > 0 && (
        <Paper withBorder p="md" radius="md" data-testid="marketing-unlinked">
          <Stack gap="sm">
            <Stack gap={2}>
              <Text fw={700}>{t('objectives.goals.marketing.unlinkedHeading')}</Text>
              <Text size="sm" c="dimmed">
                {t('objectives.goals.marketing.unlinkedHelp')}
              </Text>
            </Stack>
            {unlinked.map((m) => marketingCard(m, true))}
          </Stack>
        </Paper>
      )}
      {goalEditing &&
        (goalEditing.goal ? (
          <GoalEditForm goal={goalEditing.goal} onClose={() => setGoalEditing(null)} />
        ) : (
          <GoalCreateForm onClose={() => setGoalEditing(null)} />
        ))}
      {marketingEditing &&
        (marketingEditing.marketing ? (
          <MarketingEditForm marketing={marketingEditing.marketing} onClose={() => setMarketingEditing(null)} />
        ) : (
          <MarketingCreateForm goalId={marketingEditing.goalId} onClose={() => setMarketingEditing(null)} />
        ))}
    </Stack>
  );
}

/** A marketing objective under its goal, or in the unlinked list with a select to link it. */
function MarketingCard({
  marketing: m,
  linkSelect,
  onEdit,
  onDelete,
}: {
  marketing: MarketingObjective;
  linkSelect: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useObj();
  const count = view.data.objectives.filter((o) => o.marketing_objective_id === m.id).length;
  const link = (goalId: string | null) => {
    if (goalId === null) return;
    tracker
      .run(`marketing-link-${m.id}`, () =>
        objApi.marketingSave(strategyId, m.id, { title: m.title, business_goal_id: Number(goalId) }),
      )
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="marketing-card" data-marketing-id={m.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="marketing-title-text">
              {m.title}
            </Text>
            <Text size="xs" c="dimmed">
              {t('objectives.goals.socialCount', { count })}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <EditDeleteActions
              editLabel={t('objectives.goals.marketing.editLabel', { title: m.title })}
              deleteLabel={t('objectives.goals.marketing.deleteLabel', { title: m.title })}
              onEdit={onEdit}
              onDelete={onDelete}
              testIdPrefix="marketing"
              tooltips
            />
          </Group>
        </Group>
        {linkSelect && view.data.goals.length > 0 && (
          <Select
            aria-label={t('objectives.goals.marketing.linkTo', { title: m.title })}
            placeholder={t('objectives.goals.marketing.goalHint')}
            data={view.data.goals.map((g) => ({ value: String(g.id), label: g.title }))}
            value={null}
            onChange={link}
            size="xs"
            maw={360}
            data-testid="marketing-link"
          />
        )}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Business goal forms.

/** A new business goal: it exists once it has a title, so it is added with a button. */
function GoalCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  return (
    <CreateItemModal
      title={t('objectives.goals.newTitle')}
      initial={EMPTY_GOAL}
      tracker={tracker}
      saveKey="goal-new"
      send={(values) => objApi.goalSave(strategyId, null, values)}
      onClose={onClose}
      submitTestId="goal-save"
      closeTestId="goal-close"
      fields={(p) => <GoalFields {...p} />}
    />
  );
}

/** An existing business goal: every change saves itself, after a pause in typing or on blur. */
function GoalEditForm({ goal, onClose }: { goal: BusinessGoal; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  return (
    <EditItemModal
      title={t('objectives.goals.editTitle', { title: goal.title })}
      autosave={{
        key: `${strategyId}:goal:${goal.id}`,
        initial: () => ({ title: goal.title, outcome: goal.outcome, description: goal.description }),
        send: (values: BusinessGoalInput) => objApi.goalSave(strategyId, goal.id, values),
        tracker,
      }}
      onClose={onClose}
      closeTestId="goal-close"
      fields={(p) => <GoalFields {...p} />}
    />
  );
}

function GoalFields({ values, errors, set, onBlur }: FieldsProps<BusinessGoalInput>) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('objectives.goals.title')}
        placeholder={t('objectives.goals.titleHint')}
        value={values.title}
        onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'title')}
        withAsterisk
        data-autofocus
        data-testid="goal-title"
        errorProps={{ 'data-testid': 'goal-title-error' }}
      />
      <Select
        label={t('objectives.goals.outcome')}
        description={t('objectives.goals.outcomeHelp')}
        data={OUTCOMES.map((o) => ({ value: o, label: t(`objectives.outcomes.${o}`) }))}
        value={values.outcome}
        onChange={(v) => v && set('outcome', v as BusinessOutcome, 'now')}
        error={errorOf(errors, 'outcome')}
        allowDeselect={false}
        data-testid="goal-outcome"
      />
      <Textarea
        label={t('objectives.goals.description')}
        placeholder={t('objectives.goals.descriptionHint')}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'description')}
        autosize
        minRows={3}
        data-testid="goal-description"
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Marketing objective forms.

interface MarketingDraft {
  title: string;
  goal: string | null;
}

const marketingInput = (d: MarketingDraft): MarketingObjectiveInput => ({
  title: d.title,
  business_goal_id: d.goal === null ? null : Number(d.goal),
});

/** A new marketing objective, linked at first to the goal it was added under. */
function MarketingCreateForm({ goalId, onClose }: { goalId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  return (
    <CreateItemModal
      title={t('objectives.goals.marketing.newTitle')}
      initial={{ title: '', goal: goalId === null ? null : String(goalId) }}
      tracker={tracker}
      saveKey="marketing-new"
      send={(values: MarketingDraft) => objApi.marketingSave(strategyId, null, marketingInput(values))}
      onClose={onClose}
      submitTestId="marketing-save"
      closeTestId="marketing-close"
      fields={(p) => <MarketingFields {...p} />}
    />
  );
}

/** An existing marketing objective: every change saves itself. */
function MarketingEditForm({ marketing, onClose }: { marketing: MarketingObjective; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useObj();
  return (
    <EditItemModal
      title={t('objectives.goals.marketing.editTitle', { title: marketing.title })}
      autosave={{
        key: `${strategyId}:marketing:${marketing.id}`,
        initial: () => ({
          title: marketing.title,
          goal: marketing.business_goal_id === null ? null : String(marketing.business_goal_id),
        }),
        send: (values: MarketingDraft) => objApi.marketingSave(strategyId, marketing.id, marketingInput(values)),
        tracker,
      }}
      onClose={onClose}
      closeTestId="marketing-close"
      fields={(p) => <MarketingFields {...p} />}
    />
  );
}

function MarketingFields({ values, errors, set, onBlur }: FieldsProps<MarketingDraft>) {
  const { t } = useTranslation();
  const { view } = useObj();
  return (
    <>
      <TextInput
        label={t('objectives.goals.marketing.title')}
        placeholder={t('objectives.goals.marketing.titleHint')}
        value={values.title}
        onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'title')}
        withAsterisk
        data-autofocus
        data-testid="marketing-title"
        errorProps={{ 'data-testid': 'marketing-title-error' }}
      />
      <Select
        label={t('objectives.goals.marketing.goal')}
        placeholder={t('objectives.goals.marketing.goalHint')}
        data={view.data.goals.map((g) => ({ value: String(g.id), label: g.title }))}
        value={values.goal}
        onChange={(v) => set('goal', v, 'now')}
        error={errorOf(errors, 'business_goal_id')}
        clearable
        data-testid="marketing-goal"
      />
    </>
  );
}
