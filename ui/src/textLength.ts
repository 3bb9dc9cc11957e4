// How a text's length is counted, on every keystroke (the counters of the editors and of a strategy's name). The rule
// is Rust's (`cinq_core::calendar::text_length`: Unicode scalar values, as the networks count); textLength.test.ts
// checks this function against Rust's answers on the texts of test/fixtures/text-lengths.json, which a Rust test
// writes (`UPDATE_FIXTURES=1 cargo test -p cinq-core --test ui_fixtures`).

/** The length of a text as Rust counts it: in characters (code points). */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
