// Part 4 of the benchmark: global trends worth adapting, even from other sectors.
import { useMemo, useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Trend, TrendInput } from '../../bindings';
import type { FieldsProps } from '../ItemParts';
import { benchApi } from './ipc';
import { Question } from '../StepFrame';
import { confirmDelete, CreateItemModal, EditDeleteActions, EditItemModal } from './parts';
import { errorOf, networkName, networkOptions, useBench } from './state';

/** The value of the "all networks" choice in the network list. */
const ALL = '__all__';

const EMPTY: TrendInput = { title: '', network: null, source: '', why: '', adaptation: '' };

export function Trends() {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useBench();
  const [editing, setEditing] = useState<{ trend: Trend | null } | null>(null);

  const remove = (tr: Trend) =>
    confirmDelete({
      title: t('benchmark.trends.deleteTitle', { title: tr.title }),
      body: t('benchmark.trends.deleteBody'),
      onConfirm: () => {
        tracker.run(`trend-delete-${tr.id}`, () => benchApi.trendDelete(strategyId, tr.id)).catch(() => undefined);
      },
    });

  return (
    <Stack gap="lg">
      <Question
        title={t('benchmark.trends.question')}
        help={t('benchmark.trends.help')}
        example={t('benchmark.trends.example')}
      />
      {view.benchmark.trends.length === 0 && (
        <Text c="dimmed" data-testid="trends-empty">
          {t('benchmark.trends.empty')}
        </Text>
      )}
      {view.benchmark.trends.map((tr) => (
        <Paper key={tr.id} withBorder p="md" radius="md" data-testid="trend-card" data-trend-id={tr.id}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="xs" style={{ minWidth: 0 }}>
                <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                  {tr.title}
                </Text>
                <Badge variant="outline" size="sm" tt="none">
                  {tr.network ? networkName(view.networks, tr.network) : t('benchmark.common.allNetworks')}
                </Badge>
              </Group>
              <Group gap={4} wrap="nowrap">
                <EditDeleteActions
                  editLabel={t('benchmark.trends.editLabel', { title: tr.title })}
                  deleteLabel={t('benchmark.trends.deleteLabel', { title: tr.title })}
                  onEdit={() => setEditing({ trend: tr })}
                  onDelete={() => remove(tr)}
                  testIdPrefix="trend"
                />
              </Group>
            </Group>
            {tr.source && (
              <Text size="sm" c="dimmed">
                {t('benchmark.trends.sourceLine', { source: tr.source })}
              </Text>
            )}
            {tr.why && <Labelled label={t('benchmark.trends.why')} text={tr.why} />}
            {tr.adaptation && <Labelled label={t('benchmark.trends.adaptation')} text={tr.adaptation} />}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ trend: null })} data-testid="trend-add">
          {t('benchmark.trends.add')}
        </Button>
      </Group>
      {editing && <TrendForm trend={editing.trend} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}

function TrendForm({ trend, onClose }: { trend: Trend | null; onClose: () => void }) {
  return trend ? <TrendEditForm trend={trend} onClose={onClose} /> : <TrendCreateForm onClose={onClose} />;
}

/** A new trend: it exists once it has a title, so it is added with a button. */
function TrendCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useBench();
  return (
    <CreateItemModal
      title={t('benchmark.trends.newTitle')}
      initial={EMPTY}
      tracker={tracker}
      saveKey="trend-new"
      send={(values) => benchApi.trendSave(strategyId, null, values)}
      onClose={onClose}
      submitTestId="trend-save"
      fields={(p) => <TrendFields {...p} />}
    />
  );
}

/** An existing trend: every change saves itself, after a pause in typing or on blur. */
function TrendEditForm({ trend, onClose }: { trend: Trend; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useBench();
  return (
    <EditItemModal
      title={t('benchmark.trends.editTitle', { title: trend.title })}
      autosave={{
        key: `${strategyId}:trend:${trend.id}`,
        initial: () => ({
          title: trend.title,
          network: trend.network,
          source: trend.source,
          why: trend.why,
          adaptation: trend.adaptation,
        }),
        send: (values: TrendInput) => benchApi.trendSave(strategyId, trend.id, values),
        tracker,
      }}
      onClose={onClose}
      closeTestId="trend-close"
      fields={(p) => <TrendFields {...p} />}
    />
  );
}

function TrendFields({ values, errors, set, onBlur }: FieldsProps<TrendInput>) {
  const { t } = useTranslation();
  const { view, audited } = useBench();
  const networkData = useMemo(
    () => [{ value: ALL, label: t('benchmark.common.allNetworks') }, ...networkOptions(view.networks, audited)],
    [view.networks, audited, t],
  );
  return (
    <>
      <TextInput
        label={t('benchmark.trends.title')}
        placeholder={t('benchmark.trends.titleHint')}
        value={values.title}
        onChange={(e) => set('title', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'title')}
        withAsterisk
        data-autofocus
        data-testid="trend-title"
        errorProps={{ 'data-testid': 'trend-title-error' }}
      />
      <Select
        label={t('benchmark.trends.network')}
        data={networkData}
        value={values.network ?? ALL}
        onChange={(v) => set('network', v && v !== ALL ? v : null, 'now')}
        error={errorOf(errors, 'network')}
        allowDeselect={false}
        searchable
        data-testid="trend-network"
      />
      <TextInput
        label={t('benchmark.trends.source')}
        placeholder={t('benchmark.trends.sourceHint')}
        value={values.source}
        onChange={(e) => set('source', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'source')}
        data-testid="trend-source"
      />
      <Textarea
        label={t('benchmark.trends.why')}
        placeholder={t('benchmark.trends.whyHint')}
        value={values.why}
        onChange={(e) => set('why', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'why')}
        autosize
        minRows={2}
        data-testid="trend-why"
      />
      <Textarea
        label={t('benchmark.trends.adaptation')}
        placeholder={t('benchmark.trends.adaptationHint')}
        value={values.adaptation}
        onChange={(e) => set('adaptation', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'adaptation')}
        autosize
        minRows={2}
        data-testid="trend-adaptation"
      />
    </>
  );
}
