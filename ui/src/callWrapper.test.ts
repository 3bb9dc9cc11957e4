/// <reference types="node" />
// One invoke wrapper: `call` in ipc.ts turns every rejection into an `ApiError` ({code, message, fields}); the steps'
// ipc modules call their commands through it. This test fails when another module calls Tauri's `invoke` itself (a
// copy of the wrapper, which would drift from it). Fakes install `mockIPC` and never call `invoke`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the invoke wrapper', () => {
  it('is the only caller of invoke', () => {
    const callers = files(src)
      .filter((f) => /\binvoke\b\s*(<[^>]*>)?\s*\(/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .map((f) => relative(src, f));
    expect(callers).toEqual(['ipc.ts']);
  });
});
