// Step 4, the calendar: the toolbar (view, period, undo and redo, new post or editorial item, export, import), the
// week or month grid with the ideas backlog (drag and drop), or the list; the checks beside it; and the editors.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Drawer,
  Group,
  Menu,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useCallbackRef, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconChecklist,
  IconChevronLeft,
  IconChevronRight,
  IconDownload,
  IconInfoCircle,
  IconPlus,
  IconUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EditorialItem, EditorialItemInput, Post, PostInput, StepId } from '../../bindings';
import { todayIso } from '../../format';
import { Board } from './Board';
import { CalProvider } from './CalProvider';
import { ChecksPanel } from './ChecksPanel';
import { EditorialEditor } from './EditorialEditor';
import { ExportModal } from './ExportModal';
import { Grid } from './Grid';
import { Ideas } from './Ideas';
import { ImportModal } from './ImportModal';
import { ListView } from './ListView';
import { PostEditor } from './PostEditor';
import {
  VIEW_MODES,
  daysOf,
  periodLabel,
  periodOf,
  shiftAnchor,
  undoStackOf,
  useCal,
  useUndoStatus,
  type ViewMode,
} from './state';

const prefKey = (strategyId: number) => `cinq.calendar.${strategyId}`;

function loadPrefs(strategyId: number): { mode: ViewMode; anchor: string } {
  try {
    const raw = JSON.parse(localStorage.getItem(prefKey(strategyId)) ?? 'null') as { mode?: string; anchor?: string } | null;
    const mode = VIEW_MODES.find((m) => m === raw?.mode) ?? 'week';
    const anchor = /^\d{4}-\d{2}-\d{2}$/.test(raw?.anchor ?? '') ? raw!.anchor! : todayIso();
    return { mode, anchor };
  } catch {
    return { mode: 'week', anchor: todayIso() };
  }
}

type PostEditing = { post: Post | null; preset?: Partial<PostInput>; key: number };
type EditorialEditing = { item: EditorialItem | null; preset?: Partial<EditorialItemInput>; key: number };

export function CalendarStep({ strategyId }: { strategyId: number; onGoToStep?: (step: StepId) => void }) {
  const [prefs, setPrefs] = useState(() => loadPrefs(strategyId));
  useEffect(() => {
    localStorage.setItem(prefKey(strategyId), JSON.stringify(prefs));
  }, [prefs, strategyId]);
  const range = useMemo(() => periodOf(prefs.mode, prefs.anchor), [prefs.mode, prefs.anchor]);
  const setMode = useCallback((mode: ViewMode) => setPrefs((p) => ({ ...p, mode })), []);
  const setAnchor = useCallback((anchor: string) => setPrefs((p) => ({ ...p, anchor })), []);
  const [postEditing, setPostEditing] = useState<PostEditing | null>(null);
  const [editorialEditing, setEditorialEditing] = useState<EditorialEditing | null>(null);
  const openPost = useCallback(
    (post: Post | null, preset?: Partial<PostInput>) => setPostEditing({ post, preset, key: Date.now() }),
    [],
  );
  const openEditorial = useCallback(
    (item: EditorialItem | null, preset?: Partial<EditorialItemInput>) =>
      setEditorialEditing({ item, preset, key: Date.now() }),
    [],
  );

  return (
    <CalProvider strategyId={strategyId} range={range} onOpenPost={openPost} onOpenEditorial={openEditorial}>
      <CalendarScreen
        mode={prefs.mode}
        onMode={setMode}
        onAnchor={setAnchor}
        anchor={prefs.anchor}
      />
      {postEditing && (
        <PostEditor
          key={postEditing.key}
          opened
          post={postEditing.post}
          preset={postEditing.preset}
          onClose={() => setPostEditing(null)}
        />
      )}
      {editorialEditing && (
        <EditorialEditor
          key={editorialEditing.key}
          opened
          item={editorialEditing.item}
          preset={editorialEditing.preset}
          onClose={() => setEditorialEditing(null)}
        />
      )}
    </CalProvider>
  );
}

/** The grid and the ideas, in their drag-and-drop board. It does not read the calendar itself: at a change of the
 *  calendar, the grid and the ideas render again (they read it), not the board's frame around them. */
const BoardArea = memo(function BoardArea({ rows, days, compact, onShowDay }: {
  rows: readonly string[];
  days: readonly string[];
  compact: boolean;
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Board rows={rows} days={days}>
      <Stack gap="sm">
        {rows.length === 0 && (
          <Alert color="yellow" data-testid="calendar-no-rows">
            {t('calendar.grid.noRows')}
          </Alert>
        )}
        <ScrollArea type="auto" offsetScrollbars="x" data-testid="calendar-scroll">
          <Grid days={days} compact={compact} onShowDay={onShowDay} />
        </ScrollArea>
        <Ideas />
      </Stack>
    </Board>
  );
});

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function CalendarScreen({ mode, anchor, onMode, onAnchor }: {
  mode: ViewMode;
  anchor: string;
  onMode: (m: ViewMode) => void;
  onAnchor: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { strategyId, view, range, lang, actions, openPost, openEditorial, selectedPosts, select } = useCal();
  const docked = useMediaQuery('(min-width: 1440px)', true, { getInitialValueInEffect: false });
  const [checksOpen, setChecksOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(() => localStorage.getItem('cinq.calendar.help') !== 'closed');
  // The days of the view shown, not of the period asked for: while the next month loads, the grid stays as it is
  // (rather than laying out the new days around the old posts) and then renders once, with its posts.
  const days = useMemo(() => daysOf({ from: view.from, to: view.to }), [view.from, view.to]);
  const rows = useMemo(() => view.rows.map((r) => r.network), [view.rows]);

  // Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, except in a text field (where they undo the typing).
  const { undo, redo } = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      const isRedo = (key === 'z' && e.shiftKey) || key === 'y';
      if (key !== 'z' && key !== 'y') return;
      e.preventDefault();
      // Read when the keys are pressed: the screen does not follow the undo stack (only the toolbar's buttons do).
      const stack = undoStackOf(strategyId);
      const label = (isRedo ? stack.peekRedo() : stack.peekUndo())?.label;
      if (!label) return;
      void (isRedo ? redo() : undo()).then(() =>
        notifications.show({
          id: 'calendar-undo',
          message: t(isRedo ? 'calendar.undo.redone' : 'calendar.undo.undone', { what: label }),
          autoClose: 2500,
        }),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [redo, strategyId, t, undo]);

  const showDay = useCallback(
    (day: string) => {
      onMode('week');
      onAnchor(day);
    },
    [onAnchor, onMode],
  );
  const findingCount = view.checks.findings.length;
  const toggleChecks = useCallback(() => setChecksOpen((o) => !o), []);
  const openExport = useCallback(() => setExportOpen(true), []);
  const openImport = useCallback(() => setImportOpen(true), []);
  const checks = <ChecksPanel />;
  // The toolbar's actions keep the same callbacks from one period to the next (`useCallbackRef` calls the latest), so
  // that they do not render again at each one (only the period's navigation does).
  const onUndo = useCallbackRef(undo);
  const onRedo = useCallbackRef(redo);
  const onNewPost = useCallbackRef(() => {
    // A new post goes on today when the period shows it, else on its first day.
    const day = days[0] <= view.today && view.today <= days[days.length - 1] ? view.today : days[0];
    openPost(null, { network: rows[0] ?? '', scheduled_at: `${day}T10:00` });
  });
  const onNewEditorial = useCallbackRef(() => openEditorial(null, { date: days[0] }));
  const toolbarActions = useMemo<ToolbarActs>(
    () => ({ undo: onUndo, redo: onRedo, newPost: onNewPost, newEditorial: onNewEditorial }),
    [onUndo, onRedo, onNewPost, onNewEditorial],
  );

  return (
    <Stack gap="sm" data-testid="calendar-step">
      {helpOpen ? (
        <Alert
          variant="light"
          icon={<IconInfoCircle size={18} />}
          title={t('calendar.help.title')}
          withCloseButton
          closeButtonLabel={t('objectives.common.close')}
          onClose={() => {
            localStorage.setItem('cinq.calendar.help', 'closed');
            setHelpOpen(false);
          }}
          data-testid="calendar-help"
        >
          <Text size="sm">{t('calendar.help.body')}</Text>
          <Text size="sm" mt={4}>
            {t('calendar.help.keyboard')}
          </Text>
        </Alert>
      ) : null}

      <Group justify="space-between" gap="xs" role="toolbar" aria-label={t('calendar.toolbar.label')}>
        <PeriodNav
          mode={mode}
          anchor={anchor}
          onMode={onMode}
          onAnchor={onAnchor}
          period={periodLabel(mode, range, lang)}
          today={view.today}
        />
        <ToolbarActions
          strategyId={strategyId}
          actions={toolbarActions}
          docked={docked}
          checksOpen={checksOpen}
          findingCount={findingCount}
          onToggleChecks={toggleChecks}
          onExport={openExport}
          onImport={openImport}
        />
      </Group>

      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          {mode === 'list' ? (
            <ListView />
          ) : (
            <BoardArea rows={rows} days={days} compact={mode === 'month'} onShowDay={showDay} />
          )}
        </Box>
        {docked && (
          <Box w={340} h="calc(100vh - 90px)" style={{ flex: 'none', position: 'sticky', top: 70 }}>
            {checks}
          </Box>
        )}
      </Group>
      {selectedPosts.size > 0 && (
        <Group gap="xs" data-testid="calendar-selection">
          <Text size="sm" c="dimmed">
            {t('calendar.grid.selected', { count: selectedPosts.size })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => select([])}>
            {t('calendar.grid.clearSelection')}
          </Button>
        </Group>
      )}
      {!docked && (
        <Drawer
          opened={checksOpen}
          onClose={() => setChecksOpen(false)}
          position="right"
          size={360}
          withOverlay={false}
          lockScroll={false}
          trapFocus={false}
          title={t('calendar.toolbar.showChecks')}
          data-testid="calendar-checks-drawer"
        >
          <Box h="calc(100vh - 80px)">{checks}</Box>
        </Drawer>
      )}
      {exportOpen && <ExportModal opened onClose={() => setExportOpen(false)} />}
      {importOpen && <ImportModal opened onClose={() => setImportOpen(false)} />}
    </Stack>
  );
}

/** The toolbar's view and period: view mode, previous, today, next, and the period shown. */
const PeriodNav = memo(function PeriodNav({ mode, anchor, onMode, onAnchor, period, today }: {
  mode: ViewMode;
  anchor: string;
  onMode: (m: ViewMode) => void;
  onAnchor: (day: string) => void;
  period: string;
  today: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={mode}
        onChange={(v) => onMode(v as ViewMode)}
        aria-label={t('calendar.toolbar.viewLabel')}
        data-testid="calendar-mode"
        data={VIEW_MODES.map((m) => ({ value: m, label: t(`calendar.toolbar.views.${m}`) }))}
      />
      <ActionIcon
        variant="default"
        aria-label={t('calendar.toolbar.previous')}
        data-testid="calendar-prev"
        onClick={() => onAnchor(shiftAnchor(mode, anchor, -1))}
      >
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Button size="xs" variant="default" data-testid="calendar-today" onClick={() => onAnchor(today)}>
        {t('calendar.toolbar.today')}
      </Button>
      <ActionIcon
        variant="default"
        aria-label={t('calendar.toolbar.next')}
        data-testid="calendar-next"
        onClick={() => onAnchor(shiftAnchor(mode, anchor, 1))}
      >
        <IconChevronRight size={16} />
      </ActionIcon>
      <Text fw={700} size="sm" data-testid="calendar-period" style={{ whiteSpace: 'nowrap' }}>
        {period}
      </Text>
    </Group>
  );
});

/** What the toolbar's actions do; the same callbacks whatever the period (see `CalendarScreen`). */
interface ToolbarActs {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  newPost: () => void;
  newEditorial: () => void;
}

/** The toolbar's actions: undo and redo, new post or editorial item, export, import, checks. They render again when
 *  what they show changes (the undo status, the findings), not at every change of the calendar or of the period. */
const ToolbarActions = memo(function ToolbarActions({ strategyId, actions, docked, checksOpen, findingCount, onToggleChecks, onExport, onImport }: {
  strategyId: number;
  actions: ToolbarActs;
  docked: boolean;
  checksOpen: boolean;
  findingCount: number;
  onToggleChecks: () => void;
  onExport: () => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const undoStatus = useUndoStatus(strategyId);
  const { undoLabel, redoLabel } = undoStatus;
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={undoLabel ? t('calendar.toolbar.undoWhat', { what: undoLabel }) : t('calendar.toolbar.nothingToUndo')}>
        <ActionIcon
          variant="default"
          aria-label={t('calendar.toolbar.undo')}
          data-testid="calendar-undo"
          disabled={!undoStatus.canUndo}
          onClick={() => void actions.undo()}
        >
          <IconArrowBackUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={redoLabel ? t('calendar.toolbar.redoWhat', { what: redoLabel }) : t('calendar.toolbar.nothingToRedo')}>
        <ActionIcon
          variant="default"
          aria-label={t('calendar.toolbar.redo')}
          data-testid="calendar-redo"
          disabled={!undoStatus.canRedo}
          onClick={() => void actions.redo()}
        >
          <IconArrowForwardUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" leftSection={<IconPlus size={14} />} data-testid="calendar-new">
            {t('calendar.toolbar.newPost')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item data-testid="calendar-new-post" onClick={actions.newPost}>
            {t('calendar.toolbar.newPost')}
          </Menu.Item>
          <Menu.Item data-testid="calendar-new-editorial" onClick={actions.newEditorial}>
            {t('calendar.toolbar.newEditorial')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="calendar-export" onClick={onExport}>
        {t('calendar.toolbar.export')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconUpload size={14} />} data-testid="calendar-import" onClick={onImport}>
        {t('calendar.toolbar.import')}
      </Button>
      {!docked && (
        <Button
          size="xs"
          variant={checksOpen ? 'filled' : 'light'}
          leftSection={<IconChecklist size={14} />}
          rightSection={
            // A circle holds one digit; a larger count gets a pill, or its digits would be cut.
            <Badge size="xs" circle={findingCount < 10} color={findingCount > 0 ? 'orange' : 'teal'}>
              {findingCount}
            </Badge>
          }
          data-testid="calendar-checks-toggle"
          aria-expanded={checksOpen}
          onClick={onToggleChecks}
        >
          {t('calendar.toolbar.showChecks')}
        </Button>
      )}
    </Group>
  );
});
