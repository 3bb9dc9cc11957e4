// A translated text with named values, looked up once and then filled in by plain string joins. i18next's `t` parses
// the text and its options at every call (some 10–20 µs); a month of the calendar names hundreds of cards and cells,
// each with its own values. Only for texts with no plural or context: those depend on the values themselves.

/** The text of `key` with `names` as its values, as a function of those values: the same string `t` gives. */
export function template<N extends string>(
  t: (key: string, options: Record<string, string>) => string,
  key: string,
  names: readonly N[],
): (values: Record<N, string>) => string {
  // Each value stands as a marker no translation contains (private-use characters); the text is cut at them.
  const text = t(key, Object.fromEntries(names.map((n, i) => [n, `\uE000${i}\uE001`])));
  const parts = text.split(/\uE000(\d+)\uE001/);
  return (values) => {
    let s = parts[0];
    for (let i = 1; i < parts.length; i += 2) s += values[names[Number(parts[i])]] + parts[i + 1];
    return s;
  };
}
