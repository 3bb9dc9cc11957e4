import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  AppShell,
  Badge,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconCopy,
  IconFileExport,
  IconFileImport,
  IconPencil,
  IconPlayerPlay,
  IconPlus,
  IconSparkles,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Strategy, StrategySummary } from '../bindings';
import { useImport, useSampleCreate } from '../actions';
import { notifyError, notifySuccess } from '../errors';
import { formatDateTime, formatNumber } from '../format';
import { api } from '../ipc';
import { useNav } from '../nav';
import { qk, useStrategies } from '../queries';
import { STEP_COUNT } from '../steps';
import { Brand, SettingsButton } from './Brand';
import { StrategyFormModal } from '../lazy';
import { ReviewsDue } from './adapt/logDue';

function RowAction({
  label,
  onClick,
  children,
  color,
  testId,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  color?: string;
  testId: string;
}) {
  return (
    <Tooltip label={label} withinPortal>
      <ActionIcon
        variant="subtle"
        color={color}
        aria-label={label}
        data-testid={testId}
        onClick={(e: MouseEvent) => {
          e.stopPropagation();
          onClick();
        }}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

export function StrategiesScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const nav = useNav();
  const queryClient = useQueryClient();
  const list = useStrategies();
  const [form, setForm] = useState<{ opened: boolean; strategy: Strategy | null }>({
    opened: false,
    strategy: null,
  });

  const ready = list.isSuccess || list.isError;
  useEffect(() => {
    if (ready) nav.markReady();
  }, [ready, nav]);

  const refreshList = () => queryClient.invalidateQueries({ queryKey: qk.strategies });

  const sample = useSampleCreate();
  const importer = useImport((s) => nav.openStrategy(s.id));

  const edit = useMutation({
    mutationFn: api.strategyGet,
    onSuccess: (s) => setForm({ opened: true, strategy: s }),
    onError: notifyError,
  });

  const duplicate = useMutation({
    mutationFn: (id: number) => api.strategyDuplicate(id, lang),
    onSuccess: (s) => {
      void refreshList();
      notifySuccess(t('strategies.duplicated', { name: s.name }));
    },
    onError: notifyError,
  });

  const exporter = useMutation({
    mutationFn: api.strategyExport,
    onSuccess: (path) => {
      if (path) notifySuccess(t('strategies.exported', { path }));
    },
    onError: notifyError,
  });

  const restore = useMutation({
    mutationFn: api.strategyRestore,
    onSuccess: (s) => {
      notifications.hide(`deleted-${s.id}`);
      void refreshList();
      notifySuccess(t('strategies.restored', { name: s.name }));
    },
    onError: notifyError,
  });

  const remove = useMutation({
    mutationFn: (s: StrategySummary) => api.strategyDelete(s.id),
    onSuccess: (_r, s) => {
      void refreshList();
      notifications.show({
        id: `deleted-${s.id}`,
        autoClose: 10000,
        withBorder: true,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{t('strategies.deleted', { name: s.name })}</Text>
            <Button size="compact-sm" variant="light" data-testid="undo-delete" onClick={() => restore.mutate(s.id)}>
              {t('strategies.undo')}
            </Button>
          </Group>
        ),
      });
    },
    onError: notifyError,
  });

  const confirmDelete = (s: StrategySummary) =>
    modals.openConfirmModal({
      title: t('strategies.deleteTitle'),
      centered: true,
      children: <Text size="sm">{t('strategies.deleteBody', { name: s.name })}</Text>,
      labels: { confirm: t('strategies.deleteConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as Record<string, unknown>,
      cancelProps: { 'data-testid': 'cancel-delete' } as Record<string, unknown>,
      onConfirm: () => remove.mutate(s),
    });

  const rows = (list.data ?? []).map((s) => (
    <Table.Tr key={s.id} data-testid="strategy-row" style={{ cursor: 'pointer' }} onClick={() => nav.openStrategy(s.id)}>
      <Table.Td>
        <Text fw={600} size="sm" lineClamp={2} data-testid="strategy-name">
          {s.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {s.organisation}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {s.sector}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(s.updated_at, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={s.completed_steps >= STEP_COUNT ? 'teal' : 'gray'}>
          {t('strategies.stepsDone', {
            done: formatNumber(s.completed_steps, lang),
            total: formatNumber(STEP_COUNT, lang),
          })}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" justify="flex-end">
          <RowAction label={t('strategies.action.open')} testId="row-open" onClick={() => nav.openStrategy(s.id)}>
            <IconPlayerPlay size={18} />
          </RowAction>
          <RowAction label={t('strategies.action.edit')} testId="row-edit" onClick={() => edit.mutate(s.id)}>
            <IconPencil size={18} />
          </RowAction>
          <RowAction
            label={t('strategies.action.duplicate')}
            testId="row-duplicate"
            onClick={() => duplicate.mutate(s.id)}
          >
            <IconCopy size={18} />
          </RowAction>
          <RowAction label={t('strategies.action.export')} testId="row-export" onClick={() => exporter.mutate(s.id)}>
            <IconFileExport size={18} />
          </RowAction>
          <RowAction label={t('strategies.action.delete')} testId="row-delete" color="red" onClick={() => confirmDelete(s)}>
            <IconTrash size={18} />
          </RowAction>
        </Group>
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <AppShell header={{ height: 60 }} padding="lg" data-testid="strategies">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Brand />
          <SettingsButton />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Group justify="space-between" align="flex-end" mb="lg" gap="md">
            <div>
              <Title order={2}>{t('strategies.title')}</Title>
              {list.data && (
                <Text c="dimmed" size="sm">
                  {t('strategies.count', { count: list.data.length })}
                </Text>
              )}
            </div>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconSparkles size={18} />}
                loading={sample.isPending}
                onClick={() => sample.mutate()}
                data-testid="strategies-sample"
              >
                {t('strategies.sample')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileImport size={18} />}
                loading={importer.isPending}
                onClick={() => importer.mutate()}
                data-testid="strategies-import"
              >
                {t('strategies.import')}
              </Button>
              <Button
                leftSection={<IconPlus size={18} />}
                onClick={() => setForm({ opened: true, strategy: null })}
                data-testid="strategies-new"
              >
                {t('strategies.new')}
              </Button>
            </Group>
          </Group>

          <ReviewsDue />
          {list.isPending && (
            <Center py="xl">
              <Loader />
            </Center>
          )}
          {list.isError && (
            <Alert color="red" title={t(`errors.${list.error.code}`, { message: list.error.message })}>
              {t('errors.detail', { message: list.error.message })}
            </Alert>
          )}
          {list.data && list.data.length === 0 && (
            <Paper withBorder p="xl" radius="md">
              <Text c="dimmed" ta="center">
                {t('strategies.empty')}
              </Text>
            </Paper>
          )}
          {list.data && list.data.length > 0 && (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={860}>
                <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="28%">{t('strategies.col.name')}</Table.Th>
                      <Table.Th>{t('strategies.col.organisation')}</Table.Th>
                      <Table.Th>{t('strategies.col.sector')}</Table.Th>
                      <Table.Th>{t('strategies.col.updated')}</Table.Th>
                      <Table.Th>{t('strategies.col.steps')}</Table.Th>
                      <Table.Th>
                        <Text size="sm" fw={700} ta="right">
                          {t('strategies.col.actions')}
                        </Text>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>{rows}</Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Container>
      </AppShell.Main>
      <StrategyFormModal
        opened={form.opened}
        strategy={form.strategy}
        onClose={() => setForm({ opened: false, strategy: null })}
        onSaved={(s) => {
          const created = form.strategy === null;
          setForm({ opened: false, strategy: null });
          if (created) nav.openStrategy(s.id);
          else notifySuccess(t('strategies.saved', { name: s.name }));
        }}
      />
    </AppShell>
  );
}
