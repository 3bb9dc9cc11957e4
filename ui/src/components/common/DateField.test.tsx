import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { openPicker, pickDate, pickDateTime, shownTime, typeTime } from '../../test/dates';
import { DateField, type DateFieldProps, DateTimeField, TimeField } from './DateField';

afterAll(() => i18n.changeLanguage('en'));

type Kind = 'date' | 'datetime' | 'time';

/** One field, controlled as the forms control theirs; `onChange` sees each value it hands over. */
function Field({ kind, initial, onChange, ...rest }: { kind: Kind; initial: string; onChange: (v: string) => void } & Partial<DateFieldProps>) {
  const [value, setValue] = useState(initial);
  const props = {
    label: 'When',
    value,
    onChange: (v: string) => {
      setValue(v);
      onChange(v);
    },
    testId: 'field',
    ...rest,
  };
  if (kind === 'datetime') return <DateTimeField {...props} />;
  if (kind === 'time') return <TimeField {...props} />;
  return <DateField {...props} />;
}

async function renderField(lang: 'en' | 'fr', kind: Kind, initial: string, rest: Partial<DateFieldProps> = {}) {
  await i18n.changeLanguage(lang);
  const onChange = vi.fn();
  const user = userEvent.setup();
  render(
    <AppProviders client={createQueryClient()}>
      <Field kind={kind} initial={initial} onChange={onChange} {...rest} />
    </AppProviders>,
  );
  return { user, onChange, field: await screen.findByTestId('field') };
}

describe('the date field', () => {
  it('in French, shows the picked day in French, Monday first, and hands over YYYY-MM-DD', async () => {
    const { user, onChange, field } = await renderField('fr', 'date', '2026-11-20');
    expect(field).toHaveTextContent('20 novembre 2026');
    const dropdown = await openPicker(user, field);
    expect(within(dropdown).getAllByRole('columnheader', { hidden: true })[0]).toHaveTextContent(/^lu/);
    expect(within(dropdown).getByRole('button', { name: 'Mois suivant', hidden: true })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await pickDate(user, field, '2026-12-07');
    expect(field).toHaveTextContent('7 décembre 2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-12-07');
  });

  it('in English, shows the picked day in English, Sunday first', async () => {
    const { user, onChange, field } = await renderField('en', 'date', '2026-11-20');
    expect(field).toHaveTextContent('November 20, 2026');
    const dropdown = await openPicker(user, field);
    expect(within(dropdown).getAllByRole('columnheader', { hidden: true })[0]).toHaveTextContent(/^Su/);
    await user.keyboard('{Escape}');

    await pickDate(user, field, '2026-12-07');
    expect(field).toHaveTextContent('December 7, 2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-12-07');
  });

  it('clears an optional day to an empty string; a required one has no clear button', async () => {
    const { user, onChange, field } = await renderField('en', 'date', '2026-12-07');
    await user.click(screen.getByRole('button', { name: 'Clear the date' }));
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(field).toHaveTextContent('Choose a date');
  });

  it('has no clear button when the day is required, and shows its error under it', async () => {
    await renderField('fr', 'date', '2026-12-07', { required: true, error: 'Date non valide.', errorTestId: 'field-error' });
    expect(screen.queryByRole('button', { name: 'Effacer la date' })).not.toBeInTheDocument();
    expect(screen.getByTestId('field-error')).toHaveTextContent('Date non valide.');
  });

  it('offers no day outside its bounds', async () => {
    const { user, field } = await renderField('en', 'date', '2026-12-07', { minDate: '2026-12-05', maxDate: '2026-12-20' });
    const dropdown = await openPicker(user, field);
    expect(dropdown.querySelector('button[data-date="2026-12-04"]')).toHaveAttribute('data-disabled');
    expect(dropdown.querySelector('button[data-date="2026-12-05"]')).not.toHaveAttribute('data-disabled');
    expect(dropdown.querySelector('button[data-date="2026-12-21"]')).toHaveAttribute('data-disabled');
  });
});

describe('the date and time field', () => {
  it('in French, shows the day in French and the time in 24 h, and hands over YYYY-MM-DDTHH:MM', async () => {
    const { user, onChange, field } = await renderField('fr', 'datetime', '2026-12-07T10:00');
    expect(field).toHaveTextContent('7 décembre 2026 à 10:00');
    await pickDateTime(user, field, '2026-12-09T18:45');
    expect(field).toHaveTextContent('9 décembre 2026 à 18:45');
    expect(onChange).toHaveBeenLastCalledWith('2026-12-09T18:45');
  });

  it('in English, the same in English, still in 24 h', async () => {
    const { field } = await renderField('en', 'datetime', '2026-12-07T18:45');
    expect(field).toHaveTextContent('December 7, 2026, 18:45');
  });
});

describe('the time field', () => {
  it('reads in 24 h in English and hands over HH:MM', async () => {
    const { user, onChange } = await renderField('en', 'time', '09:30');
    expect(shownTime('field')).toBe('09:30');
    await typeTime(user, 'field', '18:45');
    expect(shownTime('field')).toBe('18:45');
    expect(onChange).toHaveBeenLastCalledWith('18:45');
  });
});
