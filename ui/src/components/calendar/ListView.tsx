// The calendar as a list (step 4): the period's posts, and the ideas when asked for, in a table sorted by date (or by
// another column), filtered by network, pillar, topic, status and campaign, and searched through their words. A row
// opens its post; the posts a finding (or an editorial item) selected stand out.
import { useMemo, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconFilterOff,
  IconPointFilled,
  IconSearch,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CalendarView, Language, ObjectivesView, Post } from '../../bindings';
import { PILLARS } from '../objectives/state';
import './i18n';
import { PILLAR_COLORS, POST_STATUSES, formatDayWith, rowName, timeOf, useCal } from './state';
import classes from './ListView.module.css';

/** The value of the "none" option of the pillar, topic and campaign filters. */
const NONE = '__none__';

type Column = 'date' | 'network' | 'title' | 'pillar' | 'topic' | 'status' | 'campaign';
const COLUMNS: readonly Column[] = ['date', 'network', 'title', 'pillar', 'topic', 'status', 'campaign'];

interface Filters {
  network: string[];
  pillar: string[];
  topic: string[];
  status: string[];
  campaign: string[];
  search: string;
  /** Only the posts the planner proposed (and the user added). */
  planned: boolean;
}

const NO_FILTERS: Filters = { network: [], pillar: [], topic: [], status: [], campaign: [], search: '', planned: false };

const isFiltered = (f: Filters) =>
  f.planned || f.search.trim() !== '' || f.network.length + f.pillar.length + f.topic.length + f.status.length + f.campaign.length > 0;

/** Lower case, without accents: "Café" → "cafe". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Every word of `query` is in the post's title, text, campaign, link or media notes (case and accents aside). */
function matchesSearch(p: Post, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([p.title, p.text, p.campaign, p.link, p.media_notes].join('\n'));
  return words.every((w) => hay.includes(w));
}

/** The post passes a multi-choice filter: nothing chosen, or its value (NONE for none) among those chosen. */
const passes = (chosen: string[], value: string | number | null) =>
  chosen.length === 0 || chosen.includes(value === null || value === '' ? NONE : String(value));

const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** "Tue 12 Jan", "mar. 12 janv.". */
function shortDay(day: string, lang: Language): string {
  return formatDayWith(day, lang, SHORT_DATE);
}

/** The first line of a text that has something in it. */
const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

function topicName(objectives: ObjectivesView | undefined, id: number | null): string {
  if (id === null) return '';
  return objectives?.data.topics.find((x) => x.id === id)?.name ?? '';
}

/** What a column sorts by, as a string or a number. */
function sortKey(column: Column, p: Post, view: CalendarView, objectives: ObjectivesView | undefined, t: TFunction) {
  switch (column) {
    case 'date':
      return p.scheduled_at ?? '';
    case 'network':
      return rowName(view, p.network);
    case 'title':
      return p.title.trim() || firstLine(p.text);
    case 'pillar':
      return p.pillar ? t(`calendar.pillars.${p.pillar}`) : '';
    case 'topic':
      return topicName(objectives, p.topic_id);
    case 'status':
      return POST_STATUSES.indexOf(p.status);
    case 'campaign':
      return p.campaign;
  }
}

export function ListView() {
  const { t } = useTranslation();
  const { view, objectives, lang, selectedPosts, openPost } = useCal();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [withIdeas, setWithIdeas] = useState(false);
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({ column: 'date', desc: false });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const all = useMemo(
    () => (withIdeas ? [...view.calendar.posts, ...view.calendar.ideas] : view.calendar.posts),
    [view, withIdeas],
  );

  const shown = useMemo(() => {
    const kept = all.filter(
      (p) =>
        passes(filters.network, p.network) &&
        passes(filters.pillar, p.pillar) &&
        passes(filters.topic, p.topic_id) &&
        passes(filters.status, p.status) &&
        passes(filters.campaign, p.campaign) &&
        (!filters.planned || p.planned === true) &&
        matchesSearch(p, filters.search),
    );
    const byDate = (a: Post, b: Post) => {
      // The ideas (no date) come after the dated posts whichever the direction.
      if (a.scheduled_at === null || b.scheduled_at === null) {
        return Number(a.scheduled_at === null) - Number(b.scheduled_at === null) || b.id - a.id;
      }
      return a.scheduled_at.localeCompare(b.scheduled_at) || a.id - b.id;
    };
    const dir = sort.desc ? -1 : 1;
    return [...kept].sort((a, b) => {
      if (sort.column === 'date') {
        if (a.scheduled_at === null || b.scheduled_at === null) return byDate(a, b);
        return dir * byDate(a, b);
      }
      const ka = sortKey(sort.column, a, view, objectives, t);
      const kb = sortKey(sort.column, b, view, objectives, t);
      const c =
        typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : String(ka).localeCompare(String(kb), lang, { sensitivity: 'base' });
      return dir * c || byDate(a, b);
    });
  }, [all, filters, sort, view, objectives, lang, t]);

  // The networks of the rows, then any other a post of the list is on.
  const networkData = useMemo(() => {
    const keys = [...view.rows.map((r) => r.network)];
    for (const p of all) if (!keys.includes(p.network)) keys.push(p.network);
    return keys.map((k) => ({ value: k, label: rowName(view, k) }));
  }, [view, all]);
  const pillarData = [
    ...PILLARS.map((p) => ({ value: p, label: t(`calendar.pillars.${p}`) })),
    { value: NONE, label: t('calendar.checks.list.filters.noPillar') },
  ];
  const topicData = [
    ...(objectives?.data.topics ?? []).map((x) => ({ value: String(x.id), label: x.name })),
    { value: NONE, label: t('calendar.checks.list.filters.noTopic') },
  ];
  const statusData = POST_STATUSES.map((s) => ({ value: s, label: t(`calendar.status.${s}`) }));
  const campaignData = [
    ...view.campaigns.map((c) => ({ value: c, label: c })),
    { value: NONE, label: t('calendar.checks.list.filters.noCampaign') },
  ];

  const filtered = isFiltered(filters);
  const clear = () => setFilters(NO_FILTERS);

  const onSort = (column: Column) =>
    setSort((s) => (s.column === column ? { column, desc: !s.desc } : { column, desc: false }));

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, p: Post) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openPost(p);
    }
  };

  const filterProps = {
    size: 'xs' as const,
    clearable: true,
    placeholder: t('calendar.checks.list.filters.all'),
    w: 170,
    comboboxProps: { withinPortal: true },
  };

  return (
    <Stack gap="sm" data-testid="list-view">
      <Group
        gap="sm"
        align="flex-end"
        wrap="wrap"
        role="group"
        aria-label={t('calendar.checks.list.filters.label')}
      >
        <TextInput
          size="xs"
          w={240}
          label={t('calendar.checks.list.search')}
          placeholder={t('calendar.checks.list.searchPlaceholder')}
          leftSection={<IconSearch size={14} />}
          value={filters.search}
          onChange={(e) => set('search', e.currentTarget.value)}
          data-testid="list-search"
        />
        <MultiSelect
          {...filterProps}
          label={t('calendar.checks.list.filters.network')}
          placeholder={filters.network.length ? undefined : filterProps.placeholder}
          data={networkData}
          value={filters.network}
          onChange={(v) => set('network', v)}
          data-testid="list-filter-network"
        />
        <MultiSelect
          {...filterProps}
          label={t('calendar.checks.list.filters.pillar')}
          placeholder={filters.pillar.length ? undefined : filterProps.placeholder}
          data={pillarData}
          value={filters.pillar}
          onChange={(v) => set('pillar', v)}
          data-testid="list-filter-pillar"
        />
        <MultiSelect
          {...filterProps}
          label={t('calendar.checks.list.filters.topic')}
          placeholder={filters.topic.length ? undefined : filterProps.placeholder}
          data={topicData}
          value={filters.topic}
          onChange={(v) => set('topic', v)}
          searchable
          data-testid="list-filter-topic"
        />
        <MultiSelect
          {...filterProps}
          label={t('calendar.checks.list.filters.status')}
          placeholder={filters.status.length ? undefined : filterProps.placeholder}
          data={statusData}
          value={filters.status}
          onChange={(v) => set('status', v)}
          data-testid="list-filter-status"
        />
        <MultiSelect
          {...filterProps}
          label={t('calendar.checks.list.filters.campaign')}
          placeholder={filters.campaign.length ? undefined : filterProps.placeholder}
          data={campaignData}
          value={filters.campaign}
          onChange={(v) => set('campaign', v)}
          searchable
          data-testid="list-filter-campaign"
        />
      </Group>
      <Group justify="space-between" gap="sm">
        <Group gap="md">
          <Switch
            size="sm"
            label={t('calendar.checks.list.includeIdeas')}
            checked={withIdeas}
            onChange={(e) => setWithIdeas(e.currentTarget.checked)}
            data-testid="list-include-ideas"
          />
          <Switch
            size="sm"
            label={t('calendar.checks.list.filters.planned')}
            checked={filters.planned}
            onChange={(e) => set('planned', e.currentTarget.checked)}
            data-testid="list-filter-planned"
          />
          {filtered && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconFilterOff size={14} />}
              onClick={clear}
              data-testid="list-clear-filters"
            >
              {t('calendar.checks.list.clearFilters')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="list-count" aria-live="polite">
          {t('calendar.checks.list.count', { shown: shown.length, count: all.length })}
        </Text>
      </Group>
      <div className={classes.scroll}>
        <Table
          className={classes.list}
          highlightOnHover
          verticalSpacing="xs"
          data-testid="calendar-list"
          aria-label={t('calendar.checks.list.label', { from: shortDay(view.from, lang), to: shortDay(view.to, lang) })}
        >
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => {
                const active = sort.column === c;
                const Icon = active ? (sort.desc ? IconArrowDown : IconArrowUp) : IconArrowsSort;
                const label = t(`calendar.checks.list.columns.${c}`);
                return (
                  <Table.Th key={c} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                    <UnstyledButton
                      onClick={() => onSort(c)}
                      title={t('calendar.checks.list.sortBy', { column: label })}
                      fz="inherit"
                      fw={700}
                      className={classes.nowrap}
                      data-testid={`list-sort-${c}`}
                    >
                      {label} <Icon size={12} aria-hidden opacity={active ? 1 : 0.4} style={{ verticalAlign: 'middle' }} />
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => {
              const selected = selectedPosts.has(p.id);
              const title = p.title.trim();
              const line = firstLine(p.text);
              return (
                <Table.Tr
                  key={p.id}
                  tabIndex={0}
                  className="mantine-focus-auto"
                  onClick={() => openPost(p)}
                  onKeyDown={(e) => onRowKey(e, p)}
                  data-testid="list-row"
                  data-post-id={p.id}
                  data-selected={selected || undefined}
                  style={{
                    cursor: 'pointer',
                    background: selected ? 'var(--mantine-primary-color-light)' : undefined,
                    boxShadow: selected ? 'inset 4px 0 0 var(--mantine-primary-color-filled)' : undefined,
                  }}
                >
                  <Table.Td>
                    {selected && (
                      <>
                        <IconPointFilled
                          size={12}
                          color="var(--mantine-primary-color-filled)"
                          aria-hidden
                          style={{ float: 'left', marginInlineEnd: 2, marginTop: 3 }}
                        />
                        <VisuallyHidden>{t('calendar.checks.list.highlighted')}</VisuallyHidden>
                      </>
                    )}
                    {p.scheduled_at ? (
                      <>
                        {/* The date and the time on two lines: the column stays narrow. */}
                        <span className={classes.nowrap}>{shortDay(p.scheduled_at.slice(0, 10), lang)}</span>
                        <VisuallyHidden>, </VisuallyHidden>
                        <span className={classes.sub}>{timeOf(p.scheduled_at)}</span>
                      </>
                    ) : (
                      <Text span fz="inherit" c="dimmed" fs="italic">
                        {t('calendar.checks.list.idea')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.wrap}>{rowName(view, p.network)}</Table.Td>
                  <Table.Td className={classes.titleCell}>
                    <Text span fz="inherit" className={classes.title} c={title || line ? undefined : 'dimmed'}>
                      {title || (line ? '' : t('calendar.checks.list.untitled'))}
                    </Text>
                    {line && <span className={`${classes.sub} ${classes.clamp}`}>{line}</span>}
                  </Table.Td>
                  <Table.Td>
                    {p.pillar ? (
                      <Badge color={PILLAR_COLORS[p.pillar]} variant="light" size="sm" tt="none" className={classes.badge}>
                        {t(`calendar.pillars.${p.pillar}`)}
                      </Badge>
                    ) : (
                      <Text span fz="inherit" c="dimmed">
                        –
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.wrap}>
                    {topicName(objectives, p.topic_id) || (
                      <Text span fz="inherit" c="dimmed">
                        –
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color="gray" variant="outline" size="sm" tt="none" className={classes.badge}>
                      {t(`calendar.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className={classes.campaign} data-testid="list-campaign">
                    {p.campaign || (
                      <Text span fz="inherit" c="dimmed">
                        –
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      {shown.length === 0 && (
        <Stack align="center" gap="xs" py="lg" data-testid="list-empty">
          <Text c="dimmed">
            {all.length === 0 ? t('calendar.checks.list.emptyPeriod') : t('calendar.checks.list.empty')}
          </Text>
          {filtered && (
            <Button variant="light" size="xs" leftSection={<IconFilterOff size={14} />} onClick={clear} data-testid="list-empty-clear">
              {t('calendar.checks.list.clearFilters')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
