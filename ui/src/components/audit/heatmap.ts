// The colours of the audience × network map: one scale per colour scheme, so that in both the more an audience uses a
// network, the more its cell stands out from the page (the map's caption says so). A scale that only darkens works on
// a white page and inverts on a dark one, where the darkest cell is the faintest. heatmap.test.ts checks that each
// scale rises steadily, in contrast with the page, and that the texts on the cells read.
import { DEFAULT_THEME } from '@mantine/core';
import type { UsageLevel } from '../../bindings';

export type Scheme = 'light' | 'dark';

export interface CellStyle {
  /** The cell's background: a colour, or `transparent` (the page shows through). */
  bg: string;
  /** The colour of the level's name on it. */
  c: string;
}

const { colors, white, black } = DEFAULT_THEME;
const teal = colors.teal;

/** The page's background in each scheme: Mantine's `--mantine-color-body`. */
export const PAGE: Record<Scheme, string> = { light: white, dark: colors.dark[7] };

export const HEATMAP_SCALE: Record<Scheme, Record<UsageLevel, CellStyle>> = {
  light: {
    none: { bg: 'transparent', c: colors.gray[6] },
    low: { bg: teal[1], c: black },
    medium: { bg: teal[4], c: black },
    high: { bg: teal[9], c: white },
  },
  dark: {
    none: { bg: 'transparent', c: colors.dark[2] },
    // teal 9 at 45 %: a tint of the page.
    low: { bg: 'rgba(8, 127, 91, 0.45)', c: colors.dark[0] },
    medium: { bg: teal[7], c: black },
    high: { bg: teal[4], c: black },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// WCAG relative luminance and contrast, for the tests and for whoever changes a colour.

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  if (color === 'transparent') return [0, 0, 0, 0];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const hex = short ? [color, short.slice(1).map((d) => d + d).join('')] : /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)$/.exec(color);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] === undefined ? 1 : Number(rgba[4])];
  throw new Error(`not a colour: ${color}`);
}

/** `color` as it shows over the opaque `under`, as `[r, g, b]`. */
export function over(color: string, under: string): [number, number, number] {
  const [r, g, b, a] = parse(color);
  const [ur, ug, ub] = parse(under);
  return [r * a + ur * (1 - a), g * a + ug * (1 - a), b * a + ub * (1 - a)];
}

export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white). */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
