import { useMemo } from 'react';
import { Button, Center, Group, Loader, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Strategy, StrategyInput } from '../bindings';
import { fieldErrorText, limitsOf, notifyError } from '../errors';
import { todayIso } from '../format';
import { currentLanguage } from '../i18n';
import { api } from '../ipc';
import { textLength } from '../textLength';
import { DateField } from './common/DateField';
import { qk, useAppInfo, useTimezones } from '../queries';

const FORM_FIELDS: readonly (keyof StrategyInput)[] = [
  'name',
  'organisation',
  'sector',
  'language',
  'timezone',
  'start_date',
];

export const FALLBACK_TIMEZONE = 'Europe/Paris';

export function defaultTimezone(available: readonly string[]): string {
  let local = '';
  try {
    local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    local = '';
  }
  return local && available.includes(local) ? local : FALLBACK_TIMEZONE;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The strategy to edit; absent to create a new one. */
  strategy?: Strategy | null;
  onSaved: (strategy: Strategy) => void;
}

export function StrategyFormModal({ opened, onClose, strategy, onSaved }: Props) {
  const { t } = useTranslation();
  const timezones = useTimezones();
  const appInfo = useAppInfo();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={strategy ? t('form.editTitle') : t('form.createTitle')}
      size="lg"
      centered
    >
      {opened &&
        (timezones.isPending || appInfo.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : (
          <StrategyForm
            strategy={strategy ?? null}
            timezones={timezones.data ?? []}
            nameMax={appInfo.data?.limits.name_chars}
            onCancel={onClose}
            onSaved={onSaved}
          />
        ))}
    </Modal>
  );
}

interface FormProps {
  strategy: Strategy | null;
  timezones: string[];
  /** Rust's longest name (`Limits.name_chars`), for the counter; unknown when the app's info did not load. */
  nameMax: number | undefined;
  onCancel: () => void;
  onSaved: (strategy: Strategy) => void;
}

function StrategyForm({ strategy, timezones, nameMax, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  const form = useForm<StrategyInput>({
    mode: 'controlled',
    initialValues: strategy
      ? {
          name: strategy.name,
          organisation: strategy.organisation,
          sector: strategy.sector,
          language: strategy.language,
          timezone: strategy.timezone,
          start_date: strategy.start_date,
        }
      : {
          name: '',
          organisation: '',
          sector: '',
          language: currentLanguage(),
          timezone: defaultTimezone(timezones),
          start_date: todayIso(),
        },
    validateInputOnChange: ['name'],
    validate: {
      name: (v) =>
        v.trim() === ''
          ? fieldErrorText('required')
          : nameMax !== undefined && textLength(v.trim()) > nameMax
            ? fieldErrorText('too_long', { max: nameMax })
            : null,
    },
  });

  const tzData = useMemo(() => {
    const tz = form.values.timezone;
    return tz && !timezones.includes(tz) ? [tz, ...timezones] : timezones;
  }, [timezones, form.values.timezone]);

  const save = useMutation({
    mutationFn: (input: StrategyInput) =>
      strategy ? api.strategyUpdate(strategy.id, input) : api.strategyCreate(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(qk.strategy(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: qk.strategies });
      onSaved(saved);
    },
    onError: (e) => {
      // The form stays open with what the user typed; field errors show inline.
      let shown = 0;
      if (e.code === 'validation') {
        for (const f of e.fields) {
          if ((FORM_FIELDS as readonly string[]).includes(f.field)) {
            form.setFieldError(f.field, fieldErrorText(f.code, limitsOf(f)));
            shown += 1;
          }
        }
      }
      if (shown === 0) notifyError(e);
    },
  });

  const nameLength = textLength(form.values.name.trim());

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate({
          ...values,
          name: values.name.trim(),
          organisation: values.organisation.trim(),
          sector: values.sector.trim(),
        }),
      )}
    >
      <Stack gap="md">
        <TextInput
          label={t('form.name')}
          withAsterisk
          data-autofocus
          data-testid="field-name"
          description={nameMax === undefined ? undefined : t('form.counter', { count: nameLength, max: nameMax })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          descriptionProps={{ c: nameMax !== undefined && nameLength > nameMax ? 'red' : 'dimmed' }}
          errorProps={{ 'data-testid': 'field-name-error' }}
          {...form.getInputProps('name')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('form.organisation')}
            description={t('form.organisationHint')}
            data-testid="field-organisation"
            {...form.getInputProps('organisation')}
          />
          <TextInput
            label={t('form.sector')}
            description={t('form.sectorHint')}
            data-testid="field-sector"
            {...form.getInputProps('sector')}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('form.language')}
            data={[
              { value: 'en', label: t('languages.en') },
              { value: 'fr', label: t('languages.fr') },
            ]}
            allowDeselect={false}
            data-testid="field-language"
            {...form.getInputProps('language')}
          />
          <DateField
            label={t('form.startDate')}
            testId="field-start-date"
            value={form.values.start_date}
            onChange={(v) => form.setFieldValue('start_date', v)}
            error={form.errors.start_date}
            clearable={false}
          />
        </Group>
        <Select
          label={t('form.timezone')}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('form.nothingFound')}
          data={tzData}
          maxDropdownHeight={260}
          comboboxProps={{ withinPortal: true }}
          data-testid="field-timezone"
          {...form.getInputProps('timezone')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="strategy-form-submit">
            {strategy ? t('form.submitEdit') : t('form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
