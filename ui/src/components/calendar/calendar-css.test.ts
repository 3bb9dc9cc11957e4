import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../objectives/state';
import { NETWORK_COLORS } from './MonthGrid';
import { PILLAR_COLORS } from './state';

const css = () => readFileSync(join(__dirname, 'calendar.module.css'), 'utf8').replace(/\s+/g, ' ');

/** The declarations of the rule whose selector is exactly `selector`. */
function rule(selector: string): string {
  const text = css();
  const at = text.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector}`);
  return text.slice(at + selector.length + 2, text.indexOf('}', at)).trim();
}

// The cards take their pillar's colour from a rule per pillar (no inline style: see calendar.module.css); the tests
// run without CSS, so the rules are read as text.
describe('calendar stylesheet', () => {
  it("colours a card's border with its pillar's colour, for every pillar", () => {
    for (const p of PILLARS) {
      expect(css()).toContain(`.card[data-pillar='${p}'] { border-inline-start-color: var(--mantine-color-${PILLAR_COLORS[p]}-6); }`);
    }
  });

  it("marks a planned post's compact card before its time, where the line clamp never cuts", () => {
    expect(rule(".card[data-compact][data-planned]::before")).toBe("content: '✦ ' attr(data-time) ' ';");
  });

  it('fits the list view in the width it is given: a narrow list packs closer, a table still too wide scrolls visibly', () => {
    const css = readFileSync(join(__dirname, 'ListView.module.css'), 'utf8').replace(/\s+/g, ' ');
    expect(css).toContain('.scroll { container-type: inline-size; overflow-x: auto; }');
    expect(css).toMatch(/@container \(max-width: 56rem\) \{ \.scroll \.list \{ font-size: var\(--mantine-font-size-xs\); \}/);
    expect(css).toContain('.badge { width: max-content; }');
  });

  it("gives each of the month's network colours a colour of its own, which the cards' edge and the legend show", () => {
    const colors = Array.from({ length: NETWORK_COLORS }, (_, i) => rule(`[data-net='${i}']`));
    expect(colors.every((c) => /^--net: var\(--mantine-color-[a-z]+-\d\); ?$/.test(c))).toBe(true);
    expect(new Set(colors).size).toBe(NETWORK_COLORS);
    expect(rule('.card[data-net]')).toContain('border-inline-start-color: var(--net)');
    expect(rule('.legendItem::before')).toContain('background: var(--net)');
  });

  it('lets the month share the width it has, with no minimum that would scroll it sideways', () => {
    expect(rule('.monthRow > *')).toBe('flex: 1 1 0; min-width: 0;');
    expect(rule('.monthGrid')).not.toMatch(/min-width: [1-9]/);
    expect(rule('.month')).toContain('min-width: 0');
  });

  it("shows a month's card on two lines at most, and unfolds it to its whole title when it has the focus", () => {
    expect(rule('.card[data-compact]')).toContain('-webkit-line-clamp: 2;');
    expect(rule('.card[data-compact]:focus-visible')).toBe('-webkit-line-clamp: none;');
  });

  it("draws the planner's proposals unlike any post, in both themes: a dashed outline, a translucent tint, their own mark", () => {
    const ghost = rule('.ghost');
    expect(ghost).toMatch(/border: 1\.5px dashed light-dark\(var\(--mantine-color-violet-6\), var\(--mantine-color-violet-4\)\);/);
    expect(ghost).toMatch(/background: light-dark\(rgba\([^)]*0\.07\), rgba\([^)]*0\.14\)\);/);
    expect(rule('.ghostMark')).toContain('color: light-dark(');
    // No post's card is dashed all round (a draft's is, but its pillar's edge stays solid).
    expect(rule(".card[data-status='idea'], .card[data-status='draft']")).toContain('border-inline-start-style: solid;');
    expect(rule('.ghost[data-compact]')).toContain('border-inline-start: 3px solid var(--net);');
  });
});
