import { describe, expect, it } from 'vitest';
import { fontsFor, theme } from './Providers';

const LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Edg/130.0';

describe('fontsFor', () => {
  it('names only the generic families on Linux, where each missing family costs a fontconfig lookup', () => {
    expect(fontsFor(LINUX)).toEqual({ sans: 'sans-serif', mono: 'monospace' });
  });

  it("names the platform's interface font first on macOS and Windows, with a generic family last", () => {
    for (const [ua, first] of [
      [MAC, 'system-ui'],
      [WINDOWS, '"Segoe UI"'],
    ] as const) {
      const { sans, mono } = fontsFor(ua);
      expect(sans.split(', ')[0]).toBe(first);
      expect(sans.endsWith('sans-serif')).toBe(true);
      expect(mono.endsWith('monospace')).toBe(true);
    }
  });

  it('gives headings the same fonts as the text', () => {
    expect(theme.headings?.fontFamily).toBe(theme.fontFamily);
  });
});
