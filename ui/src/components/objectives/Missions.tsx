// Part 3 of the objectives step: the mission of each network the audit kept (what it is for, who it speaks to, the
// objectives it serves, its main pillars and its pace). Each card saves itself as it is edited.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Input,
  List,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconBulb, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type NumberDraft, parseNumber, useAutosave } from '../../autosave';
import type { FieldError, Finding, Language, Mission, ObjectivesView, Pillar } from '../../bindings';
import { useAppInfo } from '../../queries';
import { Question } from '../StepFrame';
import { objApi } from './ipc';
import { errorOf, networkName, PILLAR_COLORS, PILLARS, useObj } from './state';

/** A mission as edited: the pace as typed. */
interface MissionDraft {
  statement: string;
  audiences: number[];
  objectives: number[];
  pillars: Pillar[];
  posts_per_week: NumberDraft;
}

/** The pace typed, checked before it is sent: a number from 0 to `max` (Rust's limit, `Limits.posts_per_week`; not
 *  checked here until it is known, Rust checks it anyway), or nothing. */
export function parsePostsPerWeek(
  v: NumberDraft,
  max: number | undefined,
): { ok: true; value: number | null } | { ok: false; code: string } {
  const parsed = parseNumber(v);
  if (!parsed.ok) return { ok: false, code: 'not_a_number' };
  if (parsed.value !== null && (parsed.value < 0 || (max !== undefined && parsed.value > max))) {
    return { ok: false, code: parsed.value < 0 ? 'negative' : 'out_of_range' };
  }
  return parsed;
}

function toDraft(m: Mission | undefined): MissionDraft {
  return {
    statement: m?.statement ?? '',
    audiences: m?.audiences ?? [],
    objectives: m?.objectives ?? [],
    pillars: m?.pillars ?? [],
    posts_per_week: m?.posts_per_week ?? '',
  };
}

/** A finding shown next to the data it is about, in the UI language. */
export function FindingNote({ finding: f, lang, testId, suggestion }: {
  finding: Finding;
  lang: Language;
  testId: string;
  /** Formats the suggestion line. */
  suggestion: (text: string) => string;
}) {
  const color = f.severity === 'blocking' ? 'red' : f.severity === 'warning' ? 'orange' : 'blue';
  return (
    <Alert
      color={color}
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={f.title[lang]}
      data-testid={testId}
      data-kind={f.kind}
      data-severity={f.severity}
    >
      <Stack gap={2}>
        <Text size="sm">{f.explanation[lang]}</Text>
        <Text size="sm" c="dimmed">
          {suggestion(f.suggestion[lang])}
        </Text>
      </Stack>
    </Alert>
  );
}

export function Missions() {
  const { t } = useTranslation();
  const { view } = useObj();

  return (
    <Stack gap="lg">
      <Question
        title={t('objectives.missions.question')}
        help={t('objectives.missions.help')}
        example={t('objectives.missions.example')}
      />
      {view.kept.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="missions-empty">
          {t('objectives.missions.empty')}
        </Alert>
      ) : (
        view.kept.map((key) => <MissionCard key={key} network={key} />)
      )}
      {view.undecided.length > 0 && (
        <Paper withBorder p="md" radius="md" data-testid="missions-undecided">
          <Stack gap="xs">
            <Text fw={600}>{t('objectives.missions.undecidedTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('objectives.missions.undecidedHelp')}
            </Text>
            <List size="sm">
              {view.undecided.map((key) => (
                <List.Item key={key} data-testid="missions-undecided-network" data-network={key}>
                  {networkName(view.networks, key)}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function MissionCard({ network }: { network: string }) {
  const { t } = useTranslation();
  const { strategyId, view, tracker, lang } = useObj();
  const maxPace = useAppInfo().data?.limits.posts_per_week;
  const existing = view.data.missions.find((m) => m.network === network);
  const s = useAutosave<MissionDraft, ObjectivesView>({
    key: `${strategyId}:mission:${network}`,
    initial: () => toDraft(existing),
    send: (d) => {
      const pace = parsePostsPerWeek(d.posts_per_week, maxPace);
      if (!pace.ok) return null;
      const mission: Mission = {
        network,
        statement: d.statement,
        audiences: d.audiences,
        objectives: d.objectives,
        pillars: d.pillars,
        posts_per_week: pace.value,
      };
      return objApi.missionSave(strategyId, mission);
    },
    tracker,
  });
  const d = s.draft;
  const set = <K extends keyof MissionDraft>(k: K, v: MissionDraft[K], mode: 'debounce' | 'now') =>
    s.change({ ...d, [k]: v }, mode);

  const name = networkName(view.networks, network);
  const suggestion = view.mission_suggestions.find((m) => m.network === network);
  const suggestedIds = view.suggested_audiences.find((a) => a.network === network)?.personas ?? [];
  const suggested = view.personas.filter((p) => suggestedIds.includes(p.id));
  const findings = view.findings.filter((f) => f.link.section === 'missions' && f.link.network === network);
  const pace = parsePostsPerWeek(d.posts_per_week, maxPace);
  const paceError = pace.ok
    ? errorOf(s.errors, 'posts_per_week')
    : errorOf(clientError(pace.code, maxPace), 'posts_per_week');
  const hasStatement = d.statement.trim() !== '';
  const ownPillars = d.pillars.length > 0;

  return (
    <Paper withBorder p="md" radius="md" data-testid="mission-card" data-network={network} id={`mission-${network}`}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={700} size="lg" component="h4" m={0}>
            {name}
          </Text>
          {!existing?.statement.trim() && (
            <Badge variant="light" color="gray">
              {t('objectives.missions.noMission')}
            </Badge>
          )}
        </Group>
        {findings.map((f, i) => (
          <FindingNote
            key={`${f.kind}-${i}`}
            finding={f}
            lang={lang}
            testId="mission-finding"
            suggestion={(text) => t('objectives.missions.finding', { text })}
          />
        ))}
        <Textarea
          label={t('objectives.missions.statement')}
          placeholder={t('objectives.missions.statementHint')}
          value={d.statement}
          onChange={(e) => set('statement', e.currentTarget.value, 'debounce')}
          onBlur={() => void s.flush()}
          error={errorOf(s.errors, 'statement')}
          autosize
          minRows={2}
          data-testid="mission-statement"
        />
        {!hasStatement && suggestion && (
          <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="mission-suggestion">
            <IconBulb size={18} color="var(--mantine-color-yellow-7)" aria-hidden style={{ flexShrink: 0 }} />
            <Stack gap={4} style={{ flex: 1 }}>
              <Text size="sm">{t('objectives.missions.suggestion', { text: suggestion.statement[lang] })}</Text>
              {ownPillars ? (
                <Text size="xs" c="dimmed" data-testid="mission-suggestion-pillars-kept">
                  {t('objectives.missions.pillarsKept')}
                </Text>
              ) : (
                <Group gap={4} data-testid="mission-suggestion-pillars">
                  <Text size="xs" c="dimmed">
                    {t('objectives.missions.suggestedPillars')}
                  </Text>
                  {suggestion.pillars.map((p) => (
                    <Badge key={p} size="sm" variant="light" color={PILLAR_COLORS[p]}>
                      {t(`objectives.pillars.${p}`)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() =>
                // The pillars the user chose stay: the suggestion fills them only when none is chosen, as its label says.
                s.change(
                  { ...d, statement: suggestion.statement[lang], pillars: ownPillars ? d.pillars : [...suggestion.pillars] },
                  'now',
                )
              }
              data-testid="mission-use-suggestion"
            >
              {t(ownPillars ? 'objectives.missions.useSuggestionStatement' : 'objectives.missions.useSuggestion')}
            </Button>
          </Group>
        )}

        <Input.Wrapper label={t('objectives.missions.audiences')} error={errorOf(s.errors, 'audiences')}>
          <Stack gap={6} mt={4}>
            {view.personas.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('objectives.missions.noPersonas')}
              </Text>
            ) : (
              <Chip.Group
                multiple
                value={d.audiences.map(String)}
                onChange={(v) => set('audiences', v.map(Number), 'now')}
              >
                <Group gap="xs" data-testid="mission-audiences">
                  {view.personas.map((p) => (
                    <Chip key={p.id} value={String(p.id)} size="sm" data-testid={`mission-audience-${p.id}`}>
                      {p.name}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            )}
            {d.audiences.length === 0 && suggested.length > 0 && (
              <Group gap="xs" data-testid="mission-audiences-suggested">
                <Text size="sm" c="dimmed">
                  {t('objectives.missions.suggestedAudiences', { names: suggested.map((p) => p.name).join(', ') })}
                </Text>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => set('audiences', suggested.map((p) => p.id), 'now')}
                  data-testid="mission-apply-audiences"
                >
                  {t('objectives.missions.applyAudiences')}
                </Anchor>
              </Group>
            )}
          </Stack>
        </Input.Wrapper>

        {view.data.objectives.length === 0 ? (
          <Input.Wrapper label={t('objectives.missions.objectives')}>
            <Text size="sm" c="dimmed" data-testid="mission-objectives-none">
              {t('objectives.missions.noObjectives')}
            </Text>
          </Input.Wrapper>
        ) : (
          <Checkbox.Group
            label={t('objectives.missions.objectives')}
            value={d.objectives.map(String)}
            onChange={(v) => set('objectives', v.map(Number), 'now')}
            error={errorOf(s.errors, 'objectives')}
            data-testid="mission-objectives"
          >
            <Stack gap={6} mt={4}>
              {view.data.objectives.map((o) => (
                <Checkbox key={o.id} value={String(o.id)} label={o.title} data-testid={`mission-objective-${o.id}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        <Input.Wrapper
          label={t('objectives.missions.pillars')}
          description={t('objectives.missions.pillarsHelp')}
          error={errorOf(s.errors, 'pillars')}
        >
          <Chip.Group multiple value={d.pillars} onChange={(v) => set('pillars', PILLARS.filter((p) => v.includes(p)), 'now')}>
            <Group gap="xs" mt={6} data-testid="mission-pillars">
              {PILLARS.map((p) => (
                <Chip key={p} value={p} color={PILLAR_COLORS[p]} size="sm" data-testid={`mission-pillar-${p}`}>
                  {t(`objectives.pillars.${p}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>

        <NumberInput
          label={t('objectives.missions.frequency')}
          description={t('objectives.missions.frequencyHelp')}
          value={d.posts_per_week}
          onChange={(v) => set('posts_per_week', v, 'debounce')}
          onBlur={() => void s.flush()}
          error={paceError}
          min={0}
          max={maxPace}
          clampBehavior="none"
          allowNegative={false}
          decimalScale={2}
          decimalSeparator={lang === 'fr' ? ',' : '.'}
          thousandSeparator={false}
          maw={220}
          data-testid="mission-frequency"
          errorProps={{ 'data-testid': 'mission-frequency-error' }}
        />
      </Stack>
    </Paper>
  );
}

function clientError(code: string, max: number | undefined): FieldError[] {
  return [{ field: 'posts_per_week', code, min: 0, max }];
}
