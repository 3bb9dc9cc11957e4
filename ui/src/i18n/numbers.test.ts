// Numbers in texts are written the way each language writes them, and counts take real plurals.
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '.';
import '../components/calendar/i18n';
import '../components/benchmark/i18n';
import { networkWords } from '../networkWords';
import { frOf } from '../test/networks';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('numbers in texts', () => {
  it('writes a decimal with a comma in French and a point in English', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('calendar.grid.perWeek', { count: 0.5 })).toBe('0,5 par semaine');
    await i18n.changeLanguage('en');
    expect(i18n.t('calendar.grid.perWeek', { count: 0.5 })).toBe('0.5 a week');
  });

  it('groups thousands as each language does, and leaves strings as they are', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('calendar.editor.post.counter', { count: 14, max: 2200 })).toBe('14 / 2\u202f200');
    expect(i18n.t('calendar.grid.addPost', { network: 'Instagram', day: '2027' })).toBe(
      'Ajouter une publication (Instagram, 2027)',
    );
    await i18n.changeLanguage('en');
    expect(i18n.t('calendar.editor.post.counter', { count: 14, max: 2200 })).toBe('14 / 2,200');
  });

  it('counts with real plurals: French takes the singular for 0 and 1', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('calendar.grid.selected', { count: 0 })).toBe('0 posts highlighted');
    expect(i18n.t('calendar.grid.selected', { count: 1 })).toBe('1 post highlighted');
    expect(i18n.t('calendar.grid.relays', { count: 3 })).toBe('Relayed by 3 posts');
    await i18n.changeLanguage('fr');
    expect(i18n.t('calendar.grid.selected', { count: 0 })).toBe('0 publication mise en évidence');
    expect(i18n.t('calendar.grid.selected', { count: 2 })).toBe('2 publications mises en évidence');
    expect(i18n.t('calendar.undo.relays', { name: 'Guide', count: 1 })).toBe('relayer « Guide » sur 1 réseau');
  });
});

describe('networks in French sentences', () => {
  it('takes the article and preposition of each network', async () => {
    await i18n.changeLanguage('fr');
    const blog = networkWords({ name: 'Blog', fr: frOf('blog', 'Blog') }, 'blog');
    const insta = networkWords({ name: 'Instagram', fr: frOf('instagram', 'Instagram') }, 'instagram');
    expect(i18n.t('benchmark.comparison.tableLabel', blog)).toBe('Comparaison sur le blog');
    expect(i18n.t('benchmark.observations.deleteBody', { ...insta, date: '3 mars' })).toBe(
      'L’observation d’Instagram du 3 mars sera supprimée. Cette action est définitive.',
    );
    expect(i18n.t('calendar.editor.post.lengthExplanation', { ...blog, count: 12, max: 10 })).toBe(
      '12 caractères ; le blog en accepte 10 au plus.',
    );
    await i18n.changeLanguage('en');
    expect(i18n.t('benchmark.comparison.tableLabel', blog)).toBe('Comparison on Blog');
  });
});
