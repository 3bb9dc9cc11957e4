// A network in a sentence. English says its name; French needs its article and preposition ("sur le blog",
// "d’Instagram"), which the Rust side gives with every network (`Network.fr`, `CalendarRow.fr`). A text that puts a
// network in a sentence takes these values: the English text uses `{{network}}`, the French one the form it needs.
import type { FrenchName } from './bindings';

export type NetworkWords = {
  /** Its name: "Blog", "Instagram". */
  network: string;
  /** "le blog", "Instagram". */
  networkThe: string;
  /** "Le blog", "Instagram": at the start of a sentence. */
  NetworkThe: string;
  /** "sur le blog", "dans la newsletter", "sur Instagram". */
  networkOn: string;
  /** "du blog", "d’Instagram". */
  networkOf: string;
  /** "au blog", "à Instagram". */
  networkTo: string;
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The values of a text about the network `n`; `fallback` (its key) when the network is not known, as is. */
export function networkWords(n: { name: string; fr: FrenchName } | undefined, fallback: string): NetworkWords {
  if (!n) {
    return {
      network: fallback,
      networkThe: fallback,
      NetworkThe: fallback,
      networkOn: fallback,
      networkOf: fallback,
      networkTo: fallback,
    };
  }
  return {
    network: n.name,
    networkThe: n.fr.the,
    NetworkThe: capital(n.fr.the),
    networkOn: n.fr.on,
    networkOf: n.fr.of,
    networkTo: n.fr.to,
  };
}
