// The plan preview (step 4): the planner's proposed posts on the grid as ghost cards, and the bar above the grid.
// A ghost sits in its network's row and day (the week) or in its day (the month), in a style of its own (dashed,
// translucent, "Proposed"), with its title and the planner's one-line reason (Rust's words, in the UI's language). It
// is not dragged or edited: it is dropped, with its × or the Delete key. The bar says how many are left, shows the
// planner's notes, and accepts them (as planned drafts, in one change that one undo removes), goes back to the
// options, or discards them (Escape too): nothing is written until they are accepted. The state is the provider's
// (`usePlanPreview`, state.ts).
import { memo, useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../bindings';
import { dayLabel, dayOf, timeOf, useCal, usePlanPreview, type Ghost } from './state';
import { postName } from './PostCard';
import classes from './calendar.module.css';

const k = (key: string) => `calendar.plan.${key}`;

/** Where the focus goes once a ghost is dropped: the next ghost on screen, else the one before, else the bar. */
function focusAfterDrop(card: HTMLElement | null) {
  const ghosts = [...document.querySelectorAll<HTMLElement>('[data-ghost]')];
  const i = card ? ghosts.indexOf(card) : -1;
  const next = ghosts[i + 1] ?? ghosts[i - 1] ?? document.querySelector<HTMLElement>('[data-testid="plan-bar"]');
  next?.focus();
}

/** A proposed post on the grid. `compact`: the month's (its reason on one line, whole in its tooltip). */
export const GhostCard = memo(function GhostCard({ ghost, network, compact, lang, netColor }: {
  ghost: Ghost;
  /** The network's name. */
  network: string;
  compact: boolean;
  lang: Language;
  /** In the month, the network's colour (its row's place, see MonthGrid.tsx). */
  netColor?: number;
}) {
  const { t } = useTranslation();
  const { drop } = usePlanPreview();
  const { post, index } = ghost;
  const at = post.scheduled_at ?? '';
  const time = at ? timeOf(at) : '';
  const title = postName(post, { untitled: t('calendar.grid.untitled') });
  const reason = post.reason[lang];
  const label = t(k('ghost.label'), { title, network, time: at ? `${dayLabel(dayOf(at), lang, true)} ${time}` : '' });
  const dropLabel = t(k('ghost.drop'));
  const dropIt = (card: HTMLElement | null) => {
    focusAfterDrop(card);
    drop(index);
  };
  return (
    <div
      role="group"
      tabIndex={0}
      aria-label={label}
      title={`${label}\n${reason}`}
      className={classes.ghost}
      data-ghost
      data-compact={compact || undefined}
      data-net={netColor}
      data-pillar={post.pillar ?? undefined}
      data-testid={`ghost-${index}`}
      onKeyDown={(e: ReactKeyboardEvent<HTMLDivElement>) => {
        if (e.key === 'Delete' || (e.key === 'Backspace' && e.target === e.currentTarget)) {
          e.preventDefault();
          dropIt(e.currentTarget);
        }
      }}
    >
      <span className={classes.ghostHead}>
        <span className={classes.ghostMark}>
          <IconSparkles size={11} aria-hidden />
          {t(k('ghost.mark'))}
        </span>
        <button
          type="button"
          className={classes.ghostDrop}
          aria-label={dropLabel}
          title={dropLabel}
          data-testid={`ghost-drop-${index}`}
          onClick={(e) => dropIt(e.currentTarget.closest<HTMLElement>('[data-ghost]'))}
        >
          ×
        </button>
      </span>
      <span className={classes.ghostTitle}>
        {time && <span className={classes.ghostTime}>{time} </span>}
        {title}
      </span>
      <span className={classes.ghostReason} data-testid={`ghost-reason-${index}`}>
        {reason}
      </span>
    </div>
  );
});

/** Whether Escape belongs to something else than the preview: a dialog or a menu open, a text field, a drag. */
function escapeTakenElsewhere(e: KeyboardEvent): boolean {
  if (e.defaultPrevented) return true;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target?.closest('[role="dialog"], [role="menu"], [role="listbox"], input, textarea, select')) return true;
  return document.querySelector('[role="dialog"], [data-dragging]') !== null;
}

/** The bar above the grid while the preview lasts. */
export function PlanBar({ onBack, list }: {
  /** Opens the planner's dialog again, on the preview's options. */
  onBack: () => void;
  /** The list view is shown (the ghosts show on the grids only). */
  list: boolean;
}) {
  const { t } = useTranslation();
  const { preview, accept, discard } = usePlanPreview();
  const [notesOpen, setNotesOpen] = useState(false);
  const { lang } = useCal();

  // Escape leaves the preview (nothing is written), unless it closes something else.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || escapeTakenElsewhere(e)) return;
      discard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [discard]);

  if (!preview) return null;
  const count = preview.kept.length;
  const { plan, busy } = preview;
  const notes = plan.notes;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={classes.planBar}
      role="region"
      aria-label={t(k('bar.label'))}
      tabIndex={-1}
      data-testid="plan-bar"
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <IconSparkles size={18} aria-hidden />
            <Text fw={700} size="sm">
              {t(k('bar.title'))}
            </Text>
            <Text size="sm" data-testid="plan-bar-count" aria-live="polite">
              {t(k('bar.remaining'), {
                count,
                from: dayLabel(plan.from, lang, true),
                to: dayLabel(plan.to, lang, true),
              })}
            </Text>
          </Group>
          <Group gap={6} wrap="wrap">
            <Button size="xs" variant="default" onClick={onBack} disabled={busy} data-testid="plan-bar-back">
              {t(k('bar.back'))}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={discard}
              disabled={busy}
              title={t(k('bar.discardHelp'))}
              data-testid="plan-bar-discard"
            >
              {t(k('bar.discard'))}
            </Button>
            <Button
              size="xs"
              onClick={() => void accept()}
              loading={busy}
              disabled={count === 0}
              data-testid="plan-bar-accept"
            >
              {t(k('bar.accept'), { count })}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t(k(count === 0 ? 'bar.none' : list ? 'bar.listHint' : 'bar.hint'))}
        </Text>
        {notes.length > 0 && (
          <>
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setNotesOpen((o) => !o)}
              aria-expanded={notesOpen}
              aria-controls={notesOpen ? 'plan-bar-notes' : undefined}
              data-testid="plan-bar-notes-toggle"
              style={{ alignSelf: 'flex-start' }}
            >
              {t(k(notesOpen ? 'bar.hideNotes' : 'bar.showNotes'), { count: notes.length })}
            </Anchor>
            {notesOpen && (
              <Alert variant="light" color="blue" p="xs" id="plan-bar-notes" data-testid="plan-bar-notes">
                <List size="xs" spacing={2}>
                  {notes.map((n) => (
                    <List.Item key={n.en}>{n[lang]}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
