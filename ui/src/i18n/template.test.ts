import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { template } from './template';

describe('template', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'fr',
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: {
      fr: {
        translation: {
          label: '{{name}}, {{network}} — {{name}} à {{time}}',
          plain: 'Aucune valeur',
          edges: '{{a}}{{b}}',
        },
      },
    },
  });
  const t = (key: string, options: Record<string, string>) => i18n.t(key, options);

  it('gives what t gives, for any values, repeated or not', () => {
    const label = template(t, 'label', ['name', 'network', 'time']);
    for (const values of [
      { name: 'Lancement', network: 'LinkedIn', time: '10:00' },
      { name: '', network: '{{time}}', time: '$1 $& 🎉' },
    ]) {
      expect(label(values)).toBe(i18n.t('label', values));
    }
  });

  it('keeps texts without values, and values at both ends', () => {
    expect(template(t, 'plain', [])({})).toBe('Aucune valeur');
    expect(template(t, 'edges', ['a', 'b'])({ a: 'x', b: 'y' })).toBe('xy');
  });
});
