// Step 4, the calendar: the toolbar (view, period, undo and redo, new post or editorial item, plan the period,
// export, import, the checks), the plan preview's bar while the planner's proposals are shown, the week or month grid with the ideas backlog (drag and drop), or the list; the checks beside it (below it
// in a narrow window), over the period or the whole plan; and the editors.
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
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
  IconWand,
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
import { MonthGrid } from './MonthGrid';
import { PlanBar } from './PlanPreview';
import { PostEditor } from './PostEditor';
import {
  VIEW_MODES,
  daysOf,
  periodLabel,
  periodOf,
  shiftAnchor,
  undoStackOf,
  useCal,
  usePlanChecks,
  usePlanPreview,
  useUndoStatus,
  type ChecksScopeKind,
  type PlanChoices,
  type ViewMode,
} from './state';

/** The planner's dialog, with the dates library it needs, loads when first opened. */
const PlanModal = lazy(() => import('./PlanModal'));

/** From this width of the window, the checks sit beside the calendar; below it, under it. At 1280 pixels the panel
 *  leaves the week's columns some 75 pixels each (their minimum is 64, Grid.tsx) and the month's about 93. */
export const CHECKS_BESIDE = '(min-width: 1250px)';
/** The checks panel's width beside the calendar: 260 pixels up to a window of 1280, then wider with it, up to 340;
 *  and its height below it. */
const CHECKS_WIDTH = 'clamp(260px, calc(100vw - 1020px), 340px)';
const CHECKS_HEIGHT = 560;
/** Until the user shows or hides the checks (remembered), they are shown from this width of the window: at 1280
 *  pixels the calendar keeps its whole width (the benchmarks' window, where the month's columns are some 130 pixels
 *  wide and a change renders no checks panel). */
const CHECKS_SHOWN_FIRST = '(min-width: 1440px)';
const CHECKS_SHOWN_KEY = 'cinq.calendar.checks';

function checksShownFirst(): boolean {
  const saved = localStorage.getItem(CHECKS_SHOWN_KEY);
  return saved === null ? window.matchMedia(CHECKS_SHOWN_FIRST).matches : saved === 'shown';
}
const CHECKS_ID = 'calendar-checks';

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
const BoardArea = memo(function BoardArea({ rows, days, month, onShowDay }: {
  rows: readonly string[];
  days: readonly string[];
  /** The month view (else the week). */
  month: boolean;
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Board rows={rows} days={days} layout={month ? 'month' : 'week'}>
      <Stack gap="sm">
        {rows.length === 0 && (
          <Alert color="yellow" data-testid="calendar-no-rows">
            {t('calendar.grid.noRows')}
          </Alert>
        )}
        {month ? (
          // Its columns share the width: it never scrolls sideways.
          <MonthGrid days={days} onShowDay={onShowDay} />
        ) : (
          <ScrollArea type="auto" offsetScrollbars="x" data-testid="calendar-scroll">
            <Grid days={days} />
          </ScrollArea>
        )}
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
  const beside = useMediaQuery(CHECKS_BESIDE, true, { getInitialValueInEffect: false });
  const [checksShown, setChecksShown] = useState(checksShownFirst);
  const [scope, setScope] = useState<ChecksScopeKind>('period');
  const plan = usePlanChecks(strategyId, scope === 'plan');
  const [exportOpen, setExportOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  /** The planner's dialog, open on the period on screen (true) or on the options of the preview shown. */
  const [planOpen, setPlanOpen] = useState<true | PlanChoices | null>(null);
  const { preview } = usePlanPreview();
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
  // The badge counts the findings of the scope the panel shows, and says which.
  const scoped = scope === 'plan' ? plan.data : view.checks;
  const findingCount = scoped ? scoped.findings.length : null;
  const scopeName = scope === 'plan' ? t('calendar.checks.scope.plan') : view.checks.scope.name[lang];
  const toggleChecks = useCallback(
    () =>
      setChecksShown((shown) => {
        localStorage.setItem(CHECKS_SHOWN_KEY, shown ? 'hidden' : 'shown');
        return !shown;
      }),
    [],
  );
  const openExport = useCallback(() => setExportOpen(true), []);
  const openImport = useCallback(() => setImportOpen(true), []);
  const openPlan = useCallback(() => setPlanOpen(true), []);
  const closeHelp = useCallback(() => {
    localStorage.setItem('cinq.calendar.help', 'closed');
    setHelpOpen(false);
  }, []);
  const backToPlan = useCallback(() => setPlanOpen(preview?.choices ?? true), [preview]);
  const checks = checksShown && (
    <Box
      id={CHECKS_ID}
      data-testid="calendar-checks"
      data-place={beside ? 'beside' : 'below'}
      style={
        beside
          ? { flex: 'none', width: CHECKS_WIDTH, height: 'calc(100vh - 90px)', position: 'sticky', top: 70 }
          : { height: CHECKS_HEIGHT }
      }
    >
      <ChecksPanel scope={scope} onScope={setScope} />
    </Box>
  );
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
      {helpOpen && <CalendarHelp beside={beside} onClose={closeHelp} />}

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
          checksShown={checksShown}
          findingCount={findingCount}
          scopeName={scopeName}
          onToggleChecks={toggleChecks}
          onExport={openExport}
          onImport={openImport}
          onPlan={openPlan}
        />
      </Group>

      {preview && <PlanBar onBack={backToPlan} list={mode === 'list'} />}

      {/* The checks narrow the calendar rather than cover it: beside it, or under it in a narrow window. */}
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          {mode === 'list' ? (
            <ListView />
          ) : (
            <BoardArea rows={rows} days={days} month={mode === 'month'} onShowDay={showDay} />
          )}
        </Box>
        {beside && checks}
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
      {!beside && checks}
      {exportOpen && <ExportModal opened onClose={() => setExportOpen(false)} />}
      {importOpen && <ImportModal opened onClose={() => setImportOpen(false)} />}
      {planOpen && (
        <Suspense fallback={null}>
          <PlanModal
            opened
            onClose={() => setPlanOpen(null)}
            choices={planOpen === true ? undefined : planOpen}
            onShown={onAnchor}
          />
        </Suspense>
      )}
    </Stack>
  );
}

/** The step's help, above the toolbar until it is closed. It renders again only when its place changes. */
const CalendarHelp = memo(function CalendarHelp({ beside, onClose }: { beside: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={t('calendar.help.title')}
      withCloseButton
      closeButtonLabel={t('objectives.common.close')}
      onClose={onClose}
      data-testid="calendar-help"
    >
      <Text size="sm">{t('calendar.help.body')}</Text>
      <Text size="sm" mt={4} data-testid="calendar-help-channels">
        {t('calendar.help.channels')}
      </Text>
      <Text size="sm" mt={4} data-testid="calendar-help-checks">
        {t(beside ? 'calendar.help.checksSide' : 'calendar.help.checksBelow')}
      </Text>
      <Text size="sm" mt={4} data-testid="calendar-help-planner">
        {t('calendar.help.planner')}
      </Text>
      <Text size="sm" mt={4}>
        {t('calendar.help.keyboard')}
      </Text>
    </Alert>
  );
});

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

/** The toolbar's actions: undo and redo, new post or editorial item, export, import, checks. Each part renders again
 *  when what it shows changes (the undo status; the findings' count), not at every change of the calendar or of the
 *  period. */
const ToolbarActions = memo(function ToolbarActions({ strategyId, actions, checksShown, findingCount, scopeName, onToggleChecks, onExport, onImport, onPlan }: {
  strategyId: number;
  actions: ToolbarActs;
  checksShown: boolean;
  /** The findings of the scope the checks show (null while the whole plan's are checked). */
  findingCount: number | null;
  /** That scope's name. */
  scopeName: string;
  onToggleChecks: () => void;
  onExport: () => void;
  onImport: () => void;
  onPlan: () => void;
}) {
  return (
    // On a narrow window (or in French), the actions go on two lines rather than cut their labels.
    <Group gap={6} wrap="wrap" justify="flex-end">
      <EditActions strategyId={strategyId} actions={actions} onExport={onExport} onImport={onImport} onPlan={onPlan} />
      <ChecksToggle
        checksShown={checksShown}
        findingCount={findingCount}
        scopeName={scopeName}
        onToggleChecks={onToggleChecks}
      />
    </Group>
  );
});

/** Undo, redo, new, plan, export and import: they render again when the undo status changes, not at a drop. */
const EditActions = memo(function EditActions({ strategyId, actions, onExport, onImport, onPlan }: {
  strategyId: number;
  actions: ToolbarActs;
  onExport: () => void;
  onImport: () => void;
  onPlan: () => void;
}) {
  const { t } = useTranslation();
  const undoStatus = useUndoStatus(strategyId);
  const { undoLabel, redoLabel } = undoStatus;
  return (
    <>
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
      <Button size="xs" variant="light" leftSection={<IconWand size={14} />} data-testid="calendar-plan" onClick={onPlan}>
        {t('calendar.toolbar.plan')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="calendar-export" onClick={onExport}>
        {t('calendar.toolbar.export')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconUpload size={14} />} data-testid="calendar-import" onClick={onImport}>
        {t('calendar.toolbar.import')}
      </Button>
    </>
  );
});

/** The checks' button, with the count of the findings shown: apart from the other actions, so that a drop that changes
 *  the count renders only this button. */
const ChecksToggle = memo(function ChecksToggle({ checksShown, findingCount, scopeName, onToggleChecks }: {
  checksShown: boolean;
  findingCount: number | null;
  scopeName: string;
  onToggleChecks: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant={checksShown ? 'filled' : 'light'}
      leftSection={<IconChecklist size={14} />}
      rightSection={
        // The count and what it counts: "5 · This week", "9 · Whole plan".
        <Badge
          size="xs"
          color={findingCount === null ? 'gray' : findingCount > 0 ? 'orange' : 'teal'}
          tt="none"
          data-testid="calendar-checks-badge"
        >
          {`${findingCount ?? '…'} · ${scopeName}`}
        </Badge>
      }
      title={
        findingCount === null ? undefined : t('calendar.toolbar.checksBadge', { count: findingCount, scope: scopeName })
      }
      data-testid="calendar-checks-toggle"
      aria-expanded={checksShown}
      aria-controls={checksShown ? CHECKS_ID : undefined}
      onClick={onToggleChecks}
    >
      {t('calendar.toolbar.showChecks')}
    </Button>
  );
});
