import { notifications } from '@mantine/notifications';
import type { ApiError, FieldError } from './bindings';
import i18n from './i18n';

export interface FieldErrorOptions {
  /** Tried first as `fieldErrors.<context>_<code>`, for a wording specific to one field or form. */
  context?: string;
  /** The limits the message may quote: Rust's, as the error carries them (`FieldError.min`, `.max`). */
  min?: number;
  max?: number;
}

/** The limits a field error carries, as the options of the texts that quote them. */
export const limitsOf = (e: Pick<FieldError, 'min' | 'max'>) => ({ min: e.min, max: e.max });

/** Inline text for a field error code sent by the backend (or found by the client). */
export function fieldErrorText(code: string, opts: FieldErrorOptions = {}): string {
  const values = { max: opts.max, min: opts.min ?? 0 };
  if (opts.context) {
    const specific = `fieldErrors.${opts.context}_${code}`;
    if (i18n.exists(specific)) return i18n.t(specific, values);
  }
  const key = `fieldErrors.${code}`;
  return i18n.exists(key) ? i18n.t(key, values) : i18n.t('fieldErrors.unknown');
}

/** Shows an error that is not tied to a form field as a notification, in plain words. */
export function notifyError(e: ApiError): void {
  const key = `errors.${e.code}`;
  const title = i18n.exists(key) ? i18n.t(key, { message: e.message }) : i18n.t('errors.internal');
  const showDetail = e.code !== 'invalid_file' && e.message.trim() !== '';
  notifications.show({
    color: 'red',
    title,
    message: showDetail ? i18n.t('errors.detail', { message: e.message }) : undefined,
    autoClose: 10000,
    withBorder: true,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
