import { describe, expect, it } from 'vitest';
import cases from './test/fixtures/text-lengths.json';
import { textLength } from './textLength';

describe('textLength', () => {
  it('counts as Rust does, on the texts Rust measured (accents, emoji, joiners, flags, other planes)', () => {
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) expect({ text: c.text, length: textLength(c.text) }).toEqual(c);
  });
});
