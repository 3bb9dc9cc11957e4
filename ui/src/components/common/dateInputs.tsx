// The date, date-and-time and time pickers, with the dates library they need. This module loads on demand through
// `DateField.tsx`: no first screen has a date, and start-up parses less without it. Import the wrappers there, never
// this file. The native inputs they replace show dates in the web view's own locale (`12/07/2026` for 7 December in
// the French UI) and times in 12 h under an English system; these show both in the UI's language, times in 24 h.
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { DatePickerInput, DatesProvider, DateTimePicker, TimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateFieldProps, DateTimeFieldProps, TimeFieldProps } from './DateField';

dayjs.extend(localizedFormat);

function useDateTexts() {
  const { t, i18n } = useTranslation();
  const locale: 'en' | 'fr' = i18n.language === 'fr' ? 'fr' : 'en';
  return {
    t,
    locale,
    ariaLabels: {
      monthLevelControl: t('dates.monthLevel'),
      yearLevelControl: t('dates.yearLevel'),
      nextMonth: t('dates.nextMonth'),
      previousMonth: t('dates.previousMonth'),
      nextYear: t('dates.nextYear'),
      previousYear: t('dates.previousYear'),
      nextDecade: t('dates.nextDecade'),
      previousDecade: t('dates.previousDecade'),
    },
  };
}

function Provider({ locale, children }: { locale: 'en' | 'fr'; children: ReactNode }) {
  // Monday first in French, Sunday first in English, as the calendars of each language print them.
  return <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'fr' ? 1 : 0 }}>{children}</DatesProvider>;
}

/** Each day button carries its date (`data-date="2026-12-07"`), which the tests' `pickDate` looks for. */
const dayProps = (date: string) => ({ 'data-date': date }) as Record<string, string>;

export function DateFieldImpl(p: DateFieldProps) {
  const { t, locale, ariaLabels } = useDateTexts();
  const clearable = p.clearable ?? !p.required;
  return (
    <Provider locale={locale}>
      <DatePickerInput
        label={p.label}
        description={p.description}
        placeholder={p.placeholder ?? t('dates.pick')}
        valueFormat="LL"
        value={p.value === '' ? null : p.value}
        onChange={(v) => p.onChange(v ? String(v) : '')}
        onBlur={p.onBlur}
        onDropdownClose={p.onBlur}
        minDate={p.minDate || undefined}
        maxDate={p.maxDate || undefined}
        error={p.error}
        withAsterisk={p.required}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': p.clearLabel ?? t('dates.clear') }}
        ariaLabels={ariaLabels}
        getDayProps={dayProps}
        inputWrapperOrder={p.inputWrapperOrder}
        w={p.w}
        data-testid={p.testId}
        errorProps={p.errorTestId ? { 'data-testid': p.errorTestId } : undefined}
      />
    </Provider>
  );
}

/** `YYYY-MM-DDTHH:MM` (what Rust exchanges) to the picker's `YYYY-MM-DD HH:mm:ss`, and back. */
const toPicker = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v.slice(0, 10)} ${v.slice(11)}:00` : null);
const fromPicker = (v: string | null) => (v ? `${v.slice(0, 10)}T${v.slice(11, 16)}` : '');

export function DateTimeFieldImpl(p: DateTimeFieldProps) {
  const { t, locale, ariaLabels } = useDateTexts();
  const clearable = p.clearable ?? !p.required;
  return (
    <Provider locale={locale}>
      <DateTimePicker
        label={p.label}
        description={p.description}
        placeholder={p.placeholder ?? t('dates.pickDateTime')}
        valueFormat={t('dates.dateTimeFormat')}
        value={toPicker(p.value)}
        onChange={(v) => p.onChange(fromPicker(v ? String(v) : null))}
        onBlur={p.onBlur}
        error={p.error}
        withAsterisk={p.required}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': p.clearLabel ?? t('dates.clear') }}
        ariaLabels={ariaLabels}
        getDayProps={dayProps}
        timePickerProps={{
          format: '24h',
          hoursInputLabel: t('dates.hours'),
          minutesInputLabel: t('dates.minutes'),
          hoursInputProps: p.testId ? { 'data-testid': `${p.testId}-hours` } : undefined,
          minutesInputProps: p.testId ? { 'data-testid': `${p.testId}-minutes` } : undefined,
        }}
        submitButtonProps={{ 'aria-label': t('dates.done'), ...(p.testId ? { 'data-testid': `${p.testId}-done` } : {}) }}
        inputWrapperOrder={p.inputWrapperOrder}
        w={p.w}
        data-testid={p.testId}
        errorProps={p.errorTestId ? { 'data-testid': p.errorTestId } : undefined}
      />
    </Provider>
  );
}

export function TimeFieldImpl(p: TimeFieldProps) {
  const { t } = useTranslation();
  return (
    <TimePicker
      label={p.label}
      format="24h"
      value={p.value}
      onChange={p.onChange}
      onBlur={p.onBlur}
      error={p.error}
      withAsterisk={p.required}
      clearable={p.clearable}
      clearButtonProps={{ 'aria-label': t('dates.clearTime') }}
      hoursInputLabel={t('dates.hours')}
      minutesInputLabel={t('dates.minutes')}
      hoursInputProps={p.testId ? { 'data-testid': `${p.testId}-hours` } : undefined}
      minutesInputProps={p.testId ? { 'data-testid': `${p.testId}-minutes` } : undefined}
      w={p.w}
      data-testid={p.testId}
      errorProps={p.errorTestId ? { 'data-testid': p.errorTestId } : undefined}
    />
  );
}
