import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { fieldErrorText } from '../errors';
import { fieldOptions } from '../components/audit/state';
import { rustFieldErrors } from './rustErrors';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe("the fakes' field errors", () => {
  it('are the ones Rust answered for the same bad values, and none for good ones', () => {
    expect(rustFieldErrors('presence_save', { network: 'instagram', followers: -5, handle: '@cafe' })).toEqual([
      { field: 'followers', code: 'negative' },
    ]);
    expect(rustFieldErrors('presence_save', { network: 'instagram', followers: 5 })).toEqual([]);
    expect(rustFieldErrors('mix_save', { weights: { interaction: 30, promotion: 50, curation: 30 } })).toEqual([
      { field: 'weights', code: 'sum_not_100' },
    ]);
    expect(rustFieldErrors('mix_save', { weights: { promotion: 40, curation: 30, interaction: 30 } })).toEqual([]);
  });

  it('quote the limits Rust gives, in English and French (a rating, a length limit)', async () => {
    const [rating] = rustFieldErrors('presence_save', { formats: [{ format: 'photo', rating: 6 }] });
    const [length] = rustFieldErrors('audit_add_network', { max_length: 0 });
    expect(rating).toMatchObject({ code: 'rating_out_of_range', min: expect.any(Number), max: expect.any(Number) });
    expect(length).toMatchObject({ field: 'max_length', code: 'out_of_range', min: expect.any(Number) });
    const text = () => [fieldErrorText(rating.code, fieldOptions(rating)), fieldErrorText(length.code, fieldOptions(length))];

    expect(text()).toEqual([
      `Ratings go from ${rating.min} to ${rating.max}.`,
      `Must be ${length.min} or more, or left empty.`,
    ]);
    await i18n.changeLanguage('fr');
    expect(text()).toEqual([
      `Les notes vont de ${rating.min} à ${rating.max}.`,
      `Doit être supérieur ou égal à ${length.min}, ou rester vide.`,
    ]);
  });
});
