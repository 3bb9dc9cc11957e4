// Part 3 of the benchmark: the customer voice (their words, tone, what they share, what their reactions say) and the
// questions to ask them, turned into a survey text by the backend. Saved as the user types.
import { useState } from 'react';
import { ActionIcon, Button, Code, Group, Input, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconCopy, IconDownload, IconPlus, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAutosave } from '../../autosave';
import type { ApiError, BenchmarkView, CustomerVoice } from '../../bindings';
import { Question } from '../StepFrame';
import { notifyError } from '../../errors';
import { benchApi } from './ipc';
import { benchmarkKey, errorOf, useBench } from './state';

type TextField = 'words' | 'tone' | 'shares' | 'reactions';
const TEXT_FIELDS: readonly TextField[] = ['words', 'tone', 'shares', 'reactions'];

/** The customer voice as a draft saved automatically: after a pause in typing, on blur, or at once. The backend's
 *  answers never overwrite the draft, so what the user types stays as typed. */
function useVoiceAutosave() {
  const { strategyId, view, tracker } = useBench();
  return useAutosave<CustomerVoice, BenchmarkView>({
    key: `${strategyId}:voice`,
    initial: () => view.benchmark.voice,
    send: (value) => benchApi.voiceSave(strategyId, value),
    tracker,
  });
}

export function Voice() {
  const { t } = useTranslation();
  const { view, strategyId, lang } = useBench();
  const client = useQueryClient();
  const { draft, errors, change, flush, pending } = useVoiceAutosave();
  const [focusLast, setFocusLast] = useState(false);

  const setText = (field: TextField, value: string) => change({ ...draft, [field]: value }, 'debounce');
  const setQuestions = (questions: string[], mode: 'debounce' | 'now') => change({ ...draft, questions }, mode);
  const move = (i: number, by: -1 | 1) => {
    const qs = [...draft.questions];
    const j = i + by;
    if (j < 0 || j >= qs.length) return;
    [qs[i], qs[j]] = [qs[j], qs[i]];
    setQuestions(qs, 'now');
  };

  /** The survey text of what was typed: pending changes are saved first, so the backend's text is up to date. */
  const surveyText = async (): Promise<string> => {
    await flush();
    return latestSurvey();
  };
  const latestSurvey = () => (client.getQueryData<BenchmarkView>(benchmarkKey(strategyId)) ?? view).survey[lang];
  const copy = () => {
    // Web views built on WebKit only let a page write to the clipboard during the click itself: when the text is
    // already known it is written at once, otherwise the clipboard is handed a promise of it.
    let written: Promise<void>;
    try {
      const clipboard = navigator.clipboard;
      if (!pending()) written = clipboard.writeText(latestSurvey());
      else if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
        const blob = surveyText().then((text) => new Blob([text], { type: 'text/plain' }));
        written = clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      } else written = surveyText().then((text) => clipboard.writeText(text));
    } catch (e) {
      written = Promise.reject(e);
    }
    written.then(
      () => notifications.show({ color: 'teal', message: t('benchmark.voice.copied'), autoClose: 3000 }),
      () => notifications.show({ color: 'red', message: t('benchmark.voice.copyFailed'), autoClose: 6000 }),
    );
  };
  const download = async () => {
    // The text is written by the Rust side where the user picks in a native dialog: web views do not all save
    // downloads.
    await flush();
    try {
      const path = await benchApi.surveyExport(strategyId, lang);
      if (path) notifications.show({ color: 'teal', message: t('benchmark.voice.saved', { path }), autoClose: 5000 });
    } catch (e) {
      notifyError(e as ApiError);
    }
  };

  const hasQuestions = draft.questions.some((q) => q.trim() !== '');
  const survey = view.survey[lang];

  return (
    <Stack gap="lg">
      <Question
        title={t('benchmark.voice.question')}
        help={t('benchmark.voice.help')}
        example={t('benchmark.voice.example')}
      />
      {TEXT_FIELDS.map((field) => (
        <Textarea
          key={field}
          label={t(`benchmark.voice.${field}`)}
          placeholder={t(`benchmark.voice.${field}Hint`)}
          value={draft[field]}
          onChange={(e) => setText(field, e.currentTarget.value)}
          onBlur={() => void flush()}
          error={errorOf(errors, field)}
          autosize
          minRows={2}
          data-testid={`voice-${field}`}
        />
      ))}

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Question
            title={t('benchmark.voice.askTitle')}
            help={t('benchmark.voice.askHelp')}
            example={t('benchmark.voice.askExample')}
          />
          <Input.Wrapper error={errorOf(errors, 'questions')}>
            <Stack gap="xs" data-testid="voice-questions">
              {draft.questions.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('benchmark.voice.noQuestions')}
                </Text>
              )}
              {draft.questions.map((q, i) => {
                const n = i + 1;
                return (
                  <Group key={i} gap={4} wrap="nowrap" align="center">
                    <TextInput
                      style={{ flex: 1 }}
                      aria-label={t('benchmark.voice.questionLabel', { n })}
                      placeholder={t('benchmark.voice.questionHint')}
                      value={q}
                      autoFocus={focusLast && i === draft.questions.length - 1}
                      onChange={(e) => {
                        const qs = [...draft.questions];
                        qs[i] = e.currentTarget.value;
                        setQuestions(qs, 'debounce');
                      }}
                      onBlur={() => void flush()}
                      data-testid="voice-question"
                    />
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      aria-label={t('benchmark.voice.moveUp', { n })}
                      onClick={() => move(i, -1)}
                      data-testid="voice-question-up"
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === draft.questions.length - 1}
                      aria-label={t('benchmark.voice.moveDown', { n })}
                      onClick={() => move(i, 1)}
                      data-testid="voice-question-down"
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('benchmark.voice.removeQuestion', { n })}
                      onClick={() =>
                        setQuestions(
                          draft.questions.filter((_, k) => k !== i),
                          'now',
                        )
                      }
                      data-testid="voice-question-remove"
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Group>
                );
              })}
            </Stack>
          </Input.Wrapper>
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                setFocusLast(true);
                setQuestions([...draft.questions, ''], 'now');
              }}
              data-testid="voice-question-add"
            >
              {t('benchmark.voice.addQuestion')}
            </Button>
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('benchmark.voice.survey')}
            </Text>
            {survey ? (
              <Code block data-testid="survey-preview" style={{ whiteSpace: 'pre-wrap' }}>
                {survey}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                {t('benchmark.voice.surveyEmpty')}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            <Button
              leftSection={<IconCopy size={16} />}
              disabled={!hasQuestions}
              onClick={copy}
              data-testid="survey-copy"
            >
              {t('benchmark.voice.copy')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!hasQuestions}
              onClick={() => void download()}
              data-testid="survey-download"
            >
              {t('benchmark.voice.download')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
