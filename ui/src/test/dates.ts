// Setting the UI's date and time pickers (`components/common/DateField.tsx`) as a user does: open the picker, move to
// the month, click the day. Nothing here depends on today's date: the picker opens on the field's month, or today's
// when empty, and `pickDate` moves month by month until the day shows.
import { fireEvent, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The day buttons of the open picker for `field` (its dropdown, found through aria-controls, else the document). */
function dropdownOf(field: HTMLElement): HTMLElement {
  const id = field.getAttribute('aria-controls');
  return (id && document.getElementById(id)) || document.body;
}

/** Opens the date picker `field` (the element with the field's test id) and clicks the day `iso` (`YYYY-MM-DD`). */
export async function pickDate(user: UserEvent, field: HTMLElement, iso: string): Promise<void> {
  await user.click(field);
  await waitFor(() => {
    if (!dropdownOf(field).querySelector('button[data-date]')) throw new Error('pickDate: the picker did not open');
  });
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

/** Types `hhmm` (`HH:MM`) into the time picker whose test id is `testId`. */
export async function typeTime(user: UserEvent, testId: string, hhmm: string, root: HTMLElement = document.body) {
  const [h, m] = hhmm.split(':');
  const hours = within(root).getByTestId(`${testId}-hours`);
  const minutes = within(root).getByTestId(`${testId}-minutes`);
  await user.click(hours);
  await user.keyboard(h);
  await user.click(minutes);
  await user.keyboard(m);
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
