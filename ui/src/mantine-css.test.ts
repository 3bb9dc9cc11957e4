/// <reference types="node" />
// `mantine.css` imports Mantine's stylesheets component by component. This test fails when the code uses a Mantine
// component (directly, or through another Mantine component or package) whose stylesheet is not imported there, or
// when the imports are not in the order of Mantine's own `styles.css` (later components override earlier ones).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ui = resolve(__dirname, '..');
const mantine = join(ui, 'node_modules', '@mantine');
/** Where Mantine keeps its components: most under `components/`, a few shared parts (InlineInput…) under `utils/`. */
const places = ['components', 'utils'].map((d) => join(mantine, 'core', 'esm', d));
const dirOf = (name: string) => places.map((p) => join(p, name)).find((d) => existsSync(d));

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The names a source imports from `@mantine/core`. */
function coreImports(source: string): string[] {
  return [...source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g)].flatMap((m) =>
    m[1].split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]),
  );
}

/** The Mantine core components in use: those imported by Cinq and by the other Mantine packages it uses, and those
 *  they are built on, transitively. */
function componentsInUse(): Set<string> {
  const sources = [
    ...files(join(ui, 'src'), (n) => /\.tsx?$/.test(n) && !/\.test\./.test(n)),
    ...['charts', 'dates', 'notifications', 'modals'].flatMap((p) => files(join(mantine, p, 'esm'), (n) => n.endsWith('.mjs'))),
  ];
  const todo = sources.flatMap((f) => coreImports(readFileSync(f, 'utf8'))).filter((n) => n !== '' && dirOf(n) !== undefined);
  const seen = new Set<string>();
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const f of files(dirOf(name)!, (n) => n.endsWith('.mjs'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from "(?:\.\.\/)+(?:components\/|utils\/)?([A-Z]\w*)\//g)) {
        if (dirOf(m[1]) !== undefined) todo.push(m[1]);
      }
    }
  }
  return seen;
}

describe('mantine.css', () => {
  const imported = [...readFileSync(join(ui, 'src', 'mantine.css'), 'utf8').matchAll(/@import "@mantine\/core\/styles\/([\w-]+)\.css";/g)].map(
    (m) => m[1],
  );

  it('imports the stylesheet of every Mantine component in use', () => {
    const used = componentsInUse();
    // Sanity: the scan finds what the first screen obviously uses.
    for (const name of ['Button', 'Text', 'Tabs', 'Select', 'Combobox', 'Popover', 'Input', 'InlineInput']) expect(used).toContain(name);
    const missing = [...used].filter((n) => existsSync(join(mantine, 'core', 'styles', `${n}.css`)) && !imported.includes(n));
    expect(missing).toEqual([]);
    for (const global of ['baseline', 'default-css-variables', 'global']) expect(imported).toContain(global);
  });

  it("keeps the order of Mantine's styles.css", () => {
    const all = readFileSync(join(mantine, 'core', 'styles.css'), 'utf8');
    const at = imported.map((n) => all.indexOf(readFileSync(join(mantine, 'core', 'styles', `${n}.css`), 'utf8').trim().slice(0, 200)));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
