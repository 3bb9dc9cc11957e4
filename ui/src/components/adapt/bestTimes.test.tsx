// Step 5's best times: each network's note, best slots and slot to try as Rust gives them, and the heat map with its
// posts and interval on hover and with the arrow keys, in English and French.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { bestTimes, installAdaptBackend, networkBestTimes, slotEstimate } from './testBackend';
import { renderAdapt } from './testRender';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const TUESDAY_10 = slotEstimate({ weekday: 2, hour: 10, posts: 8, rate: 0.055, low: 0.049, high: 0.061, reach: 9000, engagements: 500 });
const THURSDAY_16 = slotEstimate({ weekday: 4, hour: 16, posts: 3, rate: 0.041, low: 0.03, high: 0.052 });
const TUESDAY_11 = slotEstimate({ weekday: 2, hour: 11, posts: 0, rate: 0.047, low: 0.02, high: 0.08 });

const VIEW = bestTimes({
  networks: [
    networkBestTimes({
      network: 'linkedin',
      rate: 0.0375,
      given: [TUESDAY_10, THURSDAY_16, TUESDAY_11, slotEstimate({ weekday: 7, hour: 23, posts: 1, rate: 0.02, low: 0.01, high: 0.03 })],
      best: [TUESDAY_10, THURSDAY_16],
      to_try: TUESDAY_11,
      note: { en: 'Learned from 12 posts on LinkedIn with results and a known time.', fr: 'Appris de 12 publications sur LinkedIn avec des résultats et une heure connue.' },
    }),
    networkBestTimes({
      network: 'instagram',
      enough_data: false,
      posts: 4,
      needed: 6,
      slots: [],
      note: {
        en: 'Not enough data yet: 4 posts on Instagram with results and a known time; 6 more are needed.',
        fr: 'Pas encore assez de données : 4 publications sur Instagram avec des résultats et une heure connue ; il en faut encore 6.',
      },
    }),
  ],
});

async function openTimes(lang: 'en' | 'fr' = 'en') {
  const r = await renderAdapt({ lang });
  await r.user.click(screen.getByTestId('adapt-tab-times'));
  await screen.findByTestId('times-timezone');
  return r;
}

describe('best times', () => {
  it('lists the best slots, the slot to try and the networks without enough data', async () => {
    const fake = installAdaptBackend({ bestTimes: VIEW });
    const { strategyId } = await openTimes();
    expect(fake.callsTo('best_times_get')[0].args).toEqual({ strategyId, network: null });
    expect(screen.getByTestId('times-timezone')).toHaveTextContent('Times in Europe/Paris, the strategy’s time zone. Each rate comes with its 90% interval.');

    const linkedin = screen.getByTestId('times-linkedin');
    expect(within(linkedin).getByTestId('times-linkedin-note')).toHaveTextContent('Learned from 12 posts on LinkedIn');
    expect(within(linkedin).getByTestId('times-linkedin-rate')).toHaveTextContent('Usual rate: 3.8%');
    const best = within(within(linkedin).getByTestId('times-linkedin-best')).getAllByRole('listitem');
    expect(best.map((li) => li.textContent)).toEqual([
      'Tuesday 10:00 · 5.5% (4.9%–6.1%) · 8 posts',
      'Thursday 16:00 · 4.1% (3%–5.2%) · 3 posts',
    ]);
    const toTry = within(linkedin).getByTestId('times-linkedin-to-try');
    expect(toTry).toHaveTextContent('Tuesday 11:00');
    expect(toTry).toHaveTextContent('A test, not a recommendation');
    expect(toTry).toHaveTextContent('the hours around it suggest about 4.7%');

    // Not enough data: the note says how many more posts are needed, and there is no map.
    const instagram = screen.getByTestId('times-instagram');
    expect(instagram).toHaveAttribute('data-enough', 'false');
    expect(within(instagram).getByTestId('times-instagram-note')).toHaveTextContent('6 more are needed');
    expect(within(instagram).queryByTestId('times-instagram-map')).toBeNull();
    expect(within(instagram).queryByTestId('times-instagram-best')).toBeNull();
  });

  it('shows a heat map with the posts and the interval of each slot on hover and with the arrow keys', async () => {
    installAdaptBackend({ bestTimes: VIEW });
    await openTimes();
    const map = screen.getByTestId('times-linkedin-map');
    expect(within(map).getAllByRole('row')).toHaveLength(8);
    expect(map.querySelectorAll('td')).toHaveLength(168);
    const best = screen.getByTestId('times-linkedin-cell-2-10');
    expect(best).toHaveTextContent('8');
    expect(best).toHaveAttribute('data-best', 'true');
    expect(best).toHaveAttribute('title', 'Tuesday, 10:00–11:00: 5.5% (4.9%–6.1%), 8 posts');
    // A slot with no post of its own shows no number; the week's last hour ends at midnight.
    expect(screen.getByTestId('times-linkedin-cell-2-11')).toHaveTextContent('');
    expect(screen.getByTestId('times-linkedin-cell-7-23')).toHaveAttribute('title', 'Sunday, 23:00–00:00: 2% (1%–3%), 1 post');
    // The higher rate is the stronger colour.
    const alpha = (el: HTMLElement) => Number(/rgba\([^)]*, ([\d.]+)\)/.exec(el.style.backgroundColor)?.[1]);
    expect(alpha(best)).toBeGreaterThan(alpha(screen.getByTestId('times-linkedin-cell-3-3')));

    const detail = screen.getByTestId('times-linkedin-detail');
    expect(detail).toHaveTextContent('Point at a cell');
    fireEvent.mouseEnter(screen.getByTestId('times-linkedin-cell-4-16'));
    expect(detail).toHaveTextContent('Thursday, 16:00–17:00: 4.1% (3%–5.2%), 3 posts');
    fireEvent.mouseLeave(map);
    expect(detail).toHaveTextContent('Point at a cell');

    // The keyboard: focus starts on Monday 0h; left wraps to Sunday 23h, down moves a day.
    fireEvent.focus(map);
    expect(detail).toHaveTextContent('Monday, 00:00–01:00: 3% (2%–4.5%), 0 posts');
    fireEvent.keyDown(map, { key: 'ArrowLeft' });
    expect(detail).toHaveTextContent('Sunday, 23:00–00:00');
    fireEvent.keyDown(map, { key: 'ArrowDown' });
    expect(detail).toHaveTextContent('Monday, 23:00–00:00');
    expect(screen.getByTestId('times-linkedin-cell-1-23')).toHaveAttribute('data-shown', 'true');
  });

  it('speaks French', async () => {
    installAdaptBackend({ bestTimes: VIEW });
    await openTimes('fr');
    expect(screen.getByTestId('times-timezone')).toHaveTextContent('Chaque taux est donné avec son intervalle à 90 %.');
    expect(screen.getByTestId('times-linkedin-note')).toHaveTextContent('Appris de 12 publications sur LinkedIn');
    const best = within(screen.getByTestId('times-linkedin-best')).getAllByRole('listitem');
    expect(best[0].textContent).toBe('Mardi 10:00 · 5,5 % (4,9 % à 6,1 %) · 8 publications');
    expect(screen.getByTestId('times-linkedin-cell-7-23')).toHaveAttribute('title', 'Dimanche, de 23:00 à 00:00 : 2 % (1 % à 3 %), 1 publication');
    expect(screen.getByTestId('times-linkedin-to-try')).toHaveTextContent('Un test, pas une recommandation');
    expect(screen.getByTestId('times-instagram-note')).toHaveTextContent('il en faut encore 6');
  });

  it('says so when the strategy has no network', async () => {
    installAdaptBackend({ bestTimes: bestTimes() });
    await openTimes();
    expect(screen.getByTestId('times-empty')).toHaveTextContent('No network yet.');
  });

  it('offers to try again when the best times cannot be loaded', async () => {
    const fake = installAdaptBackend({ bestTimes: VIEW });
    fake.overrides.best_times_get = () => {
      throw { code: 'internal', message: 'disk', fields: [] };
    };
    const { user } = await renderAdapt();
    await user.click(screen.getByTestId('adapt-tab-times'));
    const failed = await screen.findByTestId('times-load-failed');
    delete fake.overrides.best_times_get;
    await user.click(within(failed).getByRole('button'));
    expect(await screen.findByTestId('times-linkedin')).toBeInTheDocument();
  });
});
