// The deadline's date picker. It loads on demand (see Objectives.tsx): the dates library is not needed by any first
// screen, and start-up parses less without it.
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { Language } from '../../bindings';

dayjs.extend(localizedFormat);

export default function DeadlineInput({ label, placeholder, value, onChange, error, clearLabel, locale }: {
  label: string;
  placeholder: string;
  /** `YYYY-MM-DD`, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  clearLabel: string;
  locale: Language;
}) {
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'fr' ? 1 : 0 }}>
      <DatePickerInput
        label={label}
        placeholder={placeholder}
        valueFormat="LL"
        value={value}
        onChange={(v) => onChange(v ? String(v) : null)}
        error={error}
        clearable
        clearButtonProps={{ 'aria-label': clearLabel }}
        data-testid="objective-deadline"
        errorProps={{ 'data-testid': 'objective-deadline-error' }}
      />
    </DatesProvider>
  );
}
