// Part 1 of the benchmark: the players watched (competitors, leaders, inspiring brands).
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Player, PlayerInput, PlayerType } from '../../bindings';
import type { FieldsProps } from '../ItemParts';
import { benchApi } from './ipc';
import { Question } from '../StepFrame';
import { confirmDelete, CreateItemModal, EditDeleteActions, EditItemModal } from './parts';
import { errorOf, useBench } from './state';

export const PLAYER_TYPES: readonly PlayerType[] = ['direct_competitor', 'indirect_competitor', 'leader', 'inspiring'];

export const PLAYER_COLORS: Record<PlayerType, string> = {
  direct_competitor: 'orange',
  indirect_competitor: 'yellow',
  leader: 'teal',
  inspiring: 'grape',
};

const EMPTY: PlayerInput = { name: '', player_type: 'direct_competitor', website: '', notes: '' };

export function Players() {
  const { t } = useTranslation();
  const { view, strategyId, tracker } = useBench();
  const [editing, setEditing] = useState<{ player: Player | null } | null>(null);
  const { players, observations } = view.benchmark;

  const remove = (p: Player) =>
    confirmDelete({
      title: t('benchmark.players.deleteTitle', { name: p.name }),
      body: t('benchmark.players.deleteBody'),
      onConfirm: () => {
        tracker.run(`player-delete-${p.id}`, () => benchApi.playerDelete(strategyId, p.id)).catch(() => undefined);
      },
    });

  return (
    <Stack gap="lg">
      <Question
        title={t('benchmark.players.question')}
        help={t('benchmark.players.help')}
        example={t('benchmark.players.example')}
      />
      {players.length === 0 && (
        <Text c="dimmed" data-testid="players-empty">
          {t('benchmark.players.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {players.map((p) => {
          const count = observations.filter((o) => o.player_id === p.id).length;
          return (
            <Paper key={p.id} withBorder p="md" radius="md" data-testid="player-card" data-player-id={p.id}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={700} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="player-card-name">
                    {p.name}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <EditDeleteActions
                      editLabel={t('benchmark.players.editLabel', { name: p.name })}
                      deleteLabel={t('benchmark.players.deleteLabel', { name: p.name })}
                      onEdit={() => setEditing({ player: p })}
                      onDelete={() => remove(p)}
                      testIdPrefix="player"
                      tooltips
                    />
                  </Group>
                </Group>
                <Group gap="xs">
                  <Badge variant="light" color={PLAYER_COLORS[p.player_type]} data-testid="player-type">
                    {t(`benchmark.playerBadges.${p.player_type}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('benchmark.players.observations', { count })}
                  </Text>
                </Group>
                {p.website && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {p.website}
                  </Text>
                )}
                {p.notes && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                    {p.notes}
                  </Text>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ player: null })} data-testid="player-add">
          {t('benchmark.players.add')}
        </Button>
      </Group>
      {editing && <PlayerForm player={editing.player} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function PlayerForm({ player, onClose }: { player: Player | null; onClose: () => void }) {
  return player ? <PlayerEditForm player={player} onClose={onClose} /> : <PlayerCreateForm onClose={onClose} />;
}

/** A new player: it exists once it has a name, so it is added with a button. */
function PlayerCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useBench();
  return (
    <CreateItemModal
      title={t('benchmark.players.newTitle')}
      initial={EMPTY}
      tracker={tracker}
      saveKey="player-new"
      send={(values) => benchApi.playerSave(strategyId, null, values)}
      onClose={onClose}
      submitTestId="player-save"
      fields={(p) => <PlayerFields {...p} />}
    />
  );
}

/** An existing player: every change saves itself, after a pause in typing or on blur. */
function PlayerEditForm({ player, onClose }: { player: Player; onClose: () => void }) {
  const { t } = useTranslation();
  const { strategyId, tracker } = useBench();
  return (
    <EditItemModal
      title={t('benchmark.players.editTitle', { name: player.name })}
      autosave={{
        key: `${strategyId}:player:${player.id}`,
        initial: () => ({ name: player.name, player_type: player.player_type, website: player.website, notes: player.notes }),
        send: (values: PlayerInput) => benchApi.playerSave(strategyId, player.id, values),
        tracker,
      }}
      onClose={onClose}
      closeTestId="player-close"
      fields={(p) => <PlayerFields {...p} />}
    />
  );
}

function PlayerFields({ values, errors, set, onBlur }: FieldsProps<PlayerInput>) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('benchmark.players.name')}
        placeholder={t('benchmark.players.nameHint')}
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'name')}
        withAsterisk
        data-autofocus
        data-testid="player-name"
        errorProps={{ 'data-testid': 'player-name-error' }}
      />
      <Select
        label={t('benchmark.players.type')}
        data={PLAYER_TYPES.map((ty) => ({ value: ty, label: t(`benchmark.playerTypes.${ty}`) }))}
        value={values.player_type}
        onChange={(v) => v && set('player_type', v as PlayerType, 'now')}
        description={t(`benchmark.playerTypeHelp.${values.player_type}`)}
        allowDeselect={false}
        data-testid="player-type-select"
      />
      <TextInput
        label={t('benchmark.players.website')}
        placeholder={t('benchmark.players.websiteHint')}
        value={values.website}
        onChange={(e) => set('website', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'website')}
        data-testid="player-website"
      />
      <Textarea
        label={t('benchmark.players.notes')}
        placeholder={t('benchmark.players.notesHint')}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value, 'debounce')}
        onBlur={onBlur}
        error={errorOf(errors, 'notes')}
        autosize
        minRows={3}
        data-testid="player-notes"
      />
    </>
  );
}
