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

  it('fits the list view in the width it is given: a narrow list packs closer, a table still too wide scrolls visibly', () => {
    const css = readFileSync(join(__dirname, 'ListView.module.css'), 'utf8').replace(/\s+/g, ' ');
    expect(css).toContain('.scroll { container-type: inline-size; overflow-x: auto; }');
    expect(css).toMatch(/@container \(max-width: 56rem\) \{ \.scroll \.list \{ font-size: var\(--mantine-font-size-xs\); \}/);
    expect(css).toContain('.badge { width: max-content; }');
  });
});
