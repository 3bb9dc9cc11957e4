// The one way the UI asks for a date, a date and time or a time: Mantine's pickers in the UI's language (`7 décembre
// 2026` / `December 7, 2026`, Monday first in French, times in 24 h), never the web view's native inputs, which write
// dates in the system's locale. The pickers and the dates library load the first time a screen shows one
// (`dateInputs.tsx`); until then a read-only box with the same label, value and error holds their place.
// Values are the strings Rust exchanges: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `HH:MM`, and '' for none.
import { TextInput } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../format';

type WrapperPart = 'label' | 'input' | 'description' | 'error';

interface FieldBase {
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  /** '' for none. */
  value: string;
  /** Called with '' when the field is cleared. */
  onChange: (value: string) => void;
  /** Called when the field loses focus or its dropdown closes (where a form flushes its pending save). */
  onBlur?: () => void;
  error?: ReactNode;
  /** Marks the field as required; a required field cannot be cleared. */
  required?: boolean;
  /** Whether a clear button shows; by default, when the field is not required. */
  clearable?: boolean;
  /** The clear button's aria-label, when the field's own says more than "Clear the date". */
  clearLabel?: string;
  inputWrapperOrder?: WrapperPart[];
  w?: number | string;
  /** On the element that shows the value (a button that opens the picker, for dates). */
  testId?: string;
  /** On the error under the field. */
  errorTestId?: string;
}

export interface DateFieldProps extends FieldBase {
  /** `YYYY-MM-DD`: days before it cannot be picked. */
  minDate?: string;
  /** `YYYY-MM-DD`: days after it cannot be picked. */
  maxDate?: string;
}

export type DateTimeFieldProps = FieldBase;
export type TimeFieldProps = FieldBase;

const DateFieldImpl = lazy(() => import('./dateInputs').then((m) => ({ default: m.DateFieldImpl })));
const DateTimeFieldImpl = lazy(() => import('./dateInputs').then((m) => ({ default: m.DateTimeFieldImpl })));
const TimeFieldImpl = lazy(() => import('./dateInputs').then((m) => ({ default: m.TimeFieldImpl })));

/** What shows while the pickers load: the same box, read-only. */
function Placeholder({ p, shown }: { p: FieldBase; shown: string }) {
  return (
    <TextInput
      label={p.label}
      description={p.description}
      value={shown}
      placeholder={p.placeholder}
      error={p.error}
      withAsterisk={p.required}
      inputWrapperOrder={p.inputWrapperOrder}
      w={p.w}
      readOnly
    />
  );
}

function useLang() {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}

/** A day, `YYYY-MM-DD`. */
export function DateField(props: DateFieldProps) {
  const lang = useLang();
  return (
    <Suspense fallback={<Placeholder p={props} shown={props.value ? formatDay(props.value, lang) : ''} />}>
      <DateFieldImpl {...props} />
    </Suspense>
  );
}

/** A day and a time, `YYYY-MM-DDTHH:MM`. */
export function DateTimeField(props: DateTimeFieldProps) {
  const lang = useLang();
  const shown = props.value ? `${formatDay(props.value.slice(0, 10), lang)} ${props.value.slice(11)}` : '';
  return (
    <Suspense fallback={<Placeholder p={props} shown={shown} />}>
      <DateTimeFieldImpl {...props} />
    </Suspense>
  );
}

/** A time of day, `HH:MM`, in 24 h. */
export function TimeField(props: TimeFieldProps) {
  return (
    <Suspense fallback={<Placeholder p={props} shown={props.value} />}>
      <TimeFieldImpl {...props} />
    </Suspense>
  );
}
