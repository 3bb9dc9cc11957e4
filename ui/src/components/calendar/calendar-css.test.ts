import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../objectives/state';
import { PILLAR_COLORS } from './state';

// The cards take their pillar's colour from a rule per pillar (no inline style: see calendar.module.css); the tests
// run without CSS, so the rules are read as text.
describe('calendar stylesheet', () => {
  it("colours a card's border with its pillar's colour, for every pillar", () => {
    const css = readFileSync(join(__dirname, 'calendar.module.css'), 'utf8').replace(/\s+/g, ' ');
    for (const p of PILLARS) {
      expect(css).toContain(`.card[data-pillar='${p}'] { border-inline-start-color: var(--mantine-color-${PILLAR_COLORS[p]}-6); }`);
    }
  });
});
