import { notifications } from '@mantine/notifications';
import type { ApiError } from './bindings';
import i18n from './i18n';

export const NAME_MAX = 120;

/** Inline text for a field error code sent by the backend (or found by the client). */
export function fieldErrorText(code: string): string {
  const key = `fieldErrors.${code}`;
  return i18n.exists(key) ? i18n.t(key, { max: NAME_MAX }) : i18n.t('fieldErrors.unknown');
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
