// Renders a part of the calendar screen inside its providers, on the fake backend of testBackend.ts; and lays out the
// week grid as a browser would (`stubGridBoxes`).
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { CalProvider } from './CalProvider';
import type { Range } from './ipc';
import { daysOf } from './state';
import { CAL_ROWS } from './testBackend';

let nextStrategy = 700;

export const JANUARY: Range = { from: '2027-01-01', to: '2027-01-31' };
export const WEEK: Range = { from: '2027-01-11', to: '2027-01-17' };

/** Renders `ui` in the calendar's providers over `range`; `openPost` and `openEditorial` are spies. */
export async function renderInCalendar(ui: ReactNode, { range = WEEK, lang = 'en' as 'en' | 'fr' } = {}) {
  await i18n.changeLanguage(lang);
  const strategyId = nextStrategy++;
  const user = userEvent.setup();
  const client = createQueryClient();
  const openPost = vi.fn();
  const openEditorial = vi.fn();
  const utils = render(
    <AppProviders client={client}>
      <CalProvider strategyId={strategyId} range={range} onOpenPost={openPost} onOpenEditorial={openEditorial}>
        {ui}
      </CalProvider>
    </AppProviders>,
  );
  return { user, client, strategyId, openPost, openEditorial, ...utils };
}

export const CELL_W = 120;
const CELL_H = 60;
const original = Element.prototype.getBoundingClientRect;

function boxOf(el: Element): DOMRect {
  const cell = el.closest('[data-testid^="cell-"]');
  if (cell) {
    const id = cell.getAttribute('data-testid')!;
    const [, network, ...day] = id.split('-');
    const days = daysOf(WEEK);
    const col = days.indexOf(day.join('-'));
    const row = CAL_ROWS.findIndex((r) => r.network === network);
    const x = 150 + col * CELL_W;
    const y = 100 + row * CELL_H;
    const inCard = el !== cell;
    return new DOMRect(x + (inCard ? 4 : 0), y + (inCard ? 4 : 0), inCard ? 100 : CELL_W, inCard ? 30 : CELL_H);
  }
  if (el.closest('[data-testid="ideas"]')) {
    const inCard = el.getAttribute('data-testid') !== 'ideas';
    return new DOMRect(150, 100 + CAL_ROWS.length * CELL_H + (inCard ? 10 : 0), inCard ? 100 : 7 * CELL_W, inCard ? 30 : 120);
  }
  // The card that follows the pointer (the drag overlay) starts where the card picked up (focused) is.
  const focused = document.activeElement;
  if (focused && focused !== el && focused.closest('[data-testid^="cell-"], [data-testid="ideas"]')) return boxOf(focused);
  return new DOMRect(0, 0, 0, 0);
}

/** jsdom lays nothing out: gives the week grid's cells (and what is in them) the boxes a browser would, so that
 *  dnd-kit's keyboard sensor can move from cell to cell. Call it at the top of a test file. */
export function stubGridBoxes() {
  beforeEach(() => {
    Element.prototype.getBoundingClientRect = function () {
      return boxOf(this);
    };
  });
  afterEach(() => {
    Element.prototype.getBoundingClientRect = original;
  });
}
