// The field errors Rust answers for the bad inputs the UI's tests type (fixtures/field-errors.json, written by
// `cargo test -p cinq-core --test ui_fixtures`; UPDATE_FIXTURES=1 writes it again). A fake answers an input that
// holds a case's values with the case's errors, limits included, so that no fake copies a rule of Rust's.
import type { FieldError } from '../bindings';
import cases from './fixtures/field-errors.json';

type Case = { input: Record<string, unknown>; fields: FieldError[] };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rust's field errors for `input` sent with `command` (none when no case of the fixture matches it). */
export function rustFieldErrors(command: string, input: object): FieldError[] {
  const known = (cases as Record<string, Case[]>)[command] ?? [];
  const sent = input as Record<string, unknown>;
  return known
    .filter((c) => Object.entries(c.input).every(([k, v]) => k in sent && same(sortKeys(sent[k]), sortKeys(v))))
    .flatMap((c) => c.fields);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]));
  }
  return v;
}
