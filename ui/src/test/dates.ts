// Setting the UI's date and time pickers (`components/common/DateField.tsx`) as a user does: open the picker, move to
// the month, click the day. Nothing here depends on today's date: the picker opens on the field's month, or today's
// when empty, and `pickDate` moves month by month until the day shows.
import { fireEvent, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The open dropdown of the picker `field` (named by its aria-controls, which Mantine sets while it is open). */
function dropdownOf(field: HTMLElement): HTMLElement {
  const id = field.getAttribute('aria-controls');
  const dropdown = id ? document.getElementById(id) : null;
  if (!dropdown) throw new Error('the picker is not open');
  return dropdown;
}

/** Opens the date picker `field` (the element with the field's test id) and answers with its dropdown once it shows
 *  its days. */
export async function openPicker(user: UserEvent, field: HTMLElement): Promise<HTMLElement> {
  await user.click(field);
  return waitFor(() => {
    const dropdown = dropdownOf(field);
    if (!dropdown.querySelector('button[data-date]')) throw new Error('the picker shows no day');
    return dropdown;
  });
}

/** Opens the date picker `field` and clicks the day `iso` (`YYYY-MM-DD`). */
export async function pickDate(user: UserEvent, field: HTMLElement, iso: string): Promise<void> {
  await openPicker(user, field);
  const month = iso.slice(0, 7);
  for (let i = 0; i < 1200; i++) {
    const root = dropdownOf(field);
    const day = root.querySelector<HTMLElement>(`button[data-date="${iso}"]:not([data-outside])`);
    if (day) {
      await user.click(day);
      return;
    }
    const shown = root.querySelector<HTMLElement>('button[data-date]:not([data-outside])')?.dataset.date;
    if (!shown) throw new Error('pickDate: the picker shows no day');
    const direction = shown.slice(0, 7) < month ? 'next' : 'previous';
    const button = root.querySelector<HTMLElement>(`button[data-direction="${direction}"]`);
    if (!button) throw new Error(`pickDate: no ${direction} button`);
    fireEvent.click(button);
  }
  throw new Error(`pickDate: ${iso} never showed`);
}

/** Sets the time picker whose test id is `testId` to `hhmm` (`HH:MM`) in one change, as pasting it does: typing
 *  digit by digit would pass through other times (`01:00` on the way to `18:45`), each of which a form may save. */
export async function typeTime(user: UserEvent, testId: string, hhmm: string, root: HTMLElement = document.body) {
  await user.click(within(root).getByTestId(`${testId}-hours`));
  await user.paste(hhmm);
}

/** The time a time picker shows, `HH:MM`. */
export function shownTime(testId: string, root: HTMLElement = document.body): string {
  const part = (p: string) => (within(root).getByTestId(`${testId}-${p}`) as HTMLInputElement).value;
  return `${part('hours')}:${part('minutes')}`;
}

/** Opens the date and time picker `field`, clicks the day of `when` (`YYYY-MM-DDTHH:MM`), types its time and
 *  closes the picker with its Done button. */
export async function pickDateTime(user: UserEvent, field: HTMLElement, when: string): Promise<void> {
  const testId = field.dataset.testid!;
  await pickDate(user, field, when.slice(0, 10));
  const dropdown = dropdownOf(field);
  await typeTime(user, testId, when.slice(11), dropdown);
  await user.click(within(dropdown).getByTestId(`${testId}-done`));
}
