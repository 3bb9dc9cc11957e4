import { describe, expect, it } from 'vitest';
import type { UsageLevel } from '../../bindings';
import { contrast, HEATMAP_SCALE, over, PAGE, type Scheme } from './heatmap';
import { LEVELS } from './Audiences';

const SCHEMES: readonly Scheme[] = ['light', 'dark'];

describe('the audience × network map’s colours', () => {
  it('lists the levels from none to high', () => {
    expect(LEVELS).toEqual(['none', 'low', 'medium', 'high'] satisfies UsageLevel[]);
  });

  it.each(SCHEMES)('stand out more from the page the more an audience uses a network (%s)', (scheme) => {
    const page = over(PAGE[scheme], PAGE[scheme]);
    const steps = LEVELS.map((l) => contrast(over(HEATMAP_SCALE[scheme][l].bg, PAGE[scheme]), page));
    expect(steps[0]).toBe(1);
    // Each level a visible step above the one below it.
    for (let i = 1; i < steps.length; i++) expect(steps[i], `${LEVELS[i]}: ${steps.join(' < ')}`).toBeGreaterThan(steps[i - 1] * 1.15);
  });

  it.each(SCHEMES)('keep the level’s name readable on its cell (%s)', (scheme) => {
    for (const l of LEVELS) {
      const { bg, c } = HEATMAP_SCALE[scheme][l];
      const cell = over(bg, PAGE[scheme]);
      // WCAG AA for normal text; "none" is dimmed text on the page, as elsewhere in the app.
      expect(contrast(over(c, PAGE[scheme]), cell), `${scheme} ${l}`).toBeGreaterThanOrEqual(l === 'none' ? 3 : 4.5);
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(over('rgba(0, 0, 0, 0.5)', '#ffffff')).toEqual([127.5, 127.5, 127.5]);
    expect(over('#fff', '#000000')).toEqual([255, 255, 255]);
  });
});
