// Loads the calendar of a period with step 3's view, and gives the screen's parts what they share (`useCal`): the
// view, the changes (with undo), the selection, and the editors to open; and the plan preview (`usePlanPreview`): the
// planner's proposals shown on the grid, which stay from one period to the next.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorialItem, EditorialItemInput, Post, PostInput } from '../../bindings';
import { perfCommitted, perfEndAfterPaint } from '../../perf';
import { StepLoadFailed, StepLoading } from '../StepFrame';
import { useObjectives } from '../objectives/state';
import './i18n';
import type { Range } from './ipc';
import {
  CalContext,
  CalLatestContext,
  PlanPreviewContext,
  useCalendarActions,
  useCalendarView,
  usePlanPreviewState,
  type CalCtx,
} from './state';

export function CalProvider({ strategyId, range, onOpenPost, onOpenEditorial, children }: {
  strategyId: number;
  range: Range;
  onOpenPost: (post: Post | null, preset?: Partial<PostInput>) => void;
  onOpenEditorial: (item: EditorialItem | null, preset?: Partial<EditorialItemInput>) => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const query = useCalendarView(strategyId, range);
  const objectives = useObjectives(strategyId).data;
  const actions = useCalendarActions(strategyId, range);
  const planPreview = usePlanPreviewState(actions);
  const [selection, setSelection] = useState<{ posts: ReadonlySet<number>; editorial: number | null }>({
    posts: new Set(),
    editorial: null,
  });
  const select = useCallback((posts: number[], editorial: number | null = null) => {
    setSelection({ posts: new Set(posts), editorial });
  }, []);
  const view = query.data;
  // The benchmarks' spans: from the IPC call to the grid painted with its answer (a month), and from a drop to the
  // grid painted with the saved move.
  useLayoutEffect(() => {
    if (!view) return;
    perfEndAfterPaint('calendar-load');
    perfCommitted();
  }, [view]);
  const ctx = useMemo<CalCtx | null>(
    () =>
      view
        ? {
            strategyId,
            lang,
            range,
            view,
            objectives,
            actions,
            selectedPosts: selection.posts,
            selectedEditorial: selection.editorial,
            select,
            openPost: onOpenPost,
            openEditorial: onOpenEditorial,
          }
        : null,
    [strategyId, lang, range, view, objectives, actions, selection, select, onOpenPost, onOpenEditorial],
  );
  // While the next period loads, the screen keeps what it shows (the last period's view, as it was): its parts do not
  // render again for nothing, and then render once, with the new period's posts.
  const [shown, setShown] = useState<CalCtx | null>(null);
  if (ctx && !query.isPlaceholderData && shown !== ctx) setShown(ctx);
  const value = query.isPlaceholderData ? (shown ?? ctx) : ctx;
  const latestValue = useRef(value);
  useLayoutEffect(() => {
    latestValue.current = value;
  }, [value]);
  const latest = useCallback(() => {
    if (!latestValue.current) throw new Error('the calendar is not loaded');
    return latestValue.current;
  }, []);
  if (!value) {
    if (query.isError) {
      return (
        <StepLoadFailed
          testId="calendar-load-failed"
          title={t('calendar.loadFailed')}
          retryLabel={t('calendar.retry')}
          onRetry={() => void query.refetch()}
        />
      );
    }
    return <StepLoading testId="calendar-loading" />;
  }
  return (
    <CalLatestContext.Provider value={latest}>
      <CalContext.Provider value={value}>
        <PlanPreviewContext.Provider value={planPreview}>{children}</PlanPreviewContext.Provider>
      </CalContext.Provider>
    </CalLatestContext.Provider>
  );
}
