// The French forms the Rust side gives each network (`FrenchName`, see `audit.rs`), for the fakes.
import type { FrenchName } from '../bindings';

export function frOf(key: string, name: string): FrenchName {
  if (key === 'blog') return { the: 'le blog', on: 'sur le blog', of: 'du blog', to: 'au blog' };
  if (key === 'newsletter')
    return { the: 'la newsletter', on: 'dans la newsletter', of: 'de la newsletter', to: 'à la newsletter' };
  const de = /^[aàâeéèêëiîïoôuùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
  return { the: name, on: `sur ${name}`, of: de, to: `à ${name}` };
}
