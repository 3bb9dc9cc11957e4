// The texts of step 5: English and French have the same keys, none empty, and each sub-step has its tab name.
import { describe, expect, it } from 'vitest';
import { en, fr } from './i18n';
import { SECTIONS } from './state';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('the texts of step 5', () => {
  it('has the same keys in English and French', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it('has no empty text', () => {
    expect(leaves(en).filter((s) => s.trim() === '')).toEqual([]);
    expect(leaves(fr).filter((s) => s.trim() === '')).toEqual([]);
  });

  it('names every sub-step', () => {
    expect(Object.keys(en.tabs).sort()).toEqual([...SECTIONS].sort());
  });
});
