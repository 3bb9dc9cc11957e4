// The IPC's contract, read from both sides: every command the UI calls is a command of `src-tauri/src/commands/`, and
// the arguments it sends are that command's parameters (camelCase, as Tauri renames them), every one the command
// requires included. Rename a parameter in Rust, or a key in a UI call, and this fails, even though the fakes the
// component tests run against would still answer; and every command a fake answers is one of Rust's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI_SRC = __dirname;
const COMMANDS_DIR = join(UI_SRC, '..', '..', 'src-tauri', 'src', 'commands');

/** The Rust files that define the commands (build.rs registers and grants every one of them). */
const commandFiles = () =>
  readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.rs'))
    .map((f) => readFileSync(join(COMMANDS_DIR, f), 'utf8'));

/** Parameters that Tauri fills in itself, not the UI. */
const INJECTED = /^(State|AppHandle|Window|WebviewWindow|tauri::)/;

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface RustCommand {
  params: string[];
  required: string[];
}

/** Each `#[tauri::command]` of commands/*.rs, with its parameters the UI sends (camelCase) and those it must send. */
function rustCommands(): Map<string, RustCommand> {
  const text = commandFiles().join('\n');
  const out = new Map<string, RustCommand>();
  const re = /#\[tauri::command(?:\([^)]*\))?\]\s*(?:pub\s+)?(?:async\s+)?fn\s+([a-z0-9_]+)\s*(?:<[^>]*>)?\s*\(([\s\S]*?)\)\s*(?:->|\{)/g;
  for (const m of text.matchAll(re)) {
    const params: string[] = [];
    const required: string[] = [];
    // `name: Type` at the top level of the list (a type's `::` is not a parameter's colon).
    let depth = 0;
    let part = '';
    const parts: string[] = [];
    for (const ch of m[2]) {
      if (ch === '<' || ch === '(') depth++;
      if (ch === '>' || ch === ')') depth--;
      if (ch === ',' && depth === 0) {
        parts.push(part);
        part = '';
      } else part += ch;
    }
    parts.push(part);
    for (const p of parts) {
      const pm = /^\s*(?:mut\s+)?([a-z_][a-z0-9_]*)\s*:(?!:)\s*([\s\S]+)$/.exec(p);
      if (!pm) continue;
      const [, name, type] = pm;
      if (INJECTED.test(type.trim())) continue;
      params.push(camel(name));
      if (!type.trim().startsWith('Option<')) required.push(camel(name));
    }
    out.set(m[1], { params, required });
  }
  return out;
}

interface UiCall {
  file: string;
  command: string;
  /** The keys of the arguments' object; `spread` when it also spreads another object in. */
  keys: string[];
  spread: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/(testBackend|Fake|fake)\w*\.ts$/.test(name) ? [path] : [];
  });
}

/** Every call of a command in the UI's code: `call('x', {…})`, `call<T>('x', {…})`, or a step's shorthand over it. */
function uiCalls(): UiCall[] {
  const out: UiCall[] = [];
  const re = /\b(?:call|view|invoke)(?:<[^(]*?>)?\(\s*'([a-z0-9_]+)'\s*(?:,\s*\{([^{}]*)\})?\s*\)/g;
  for (const file of sources(UI_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const body = m[2] ?? '';
      const keys: string[] = [];
      let spread = false;
      for (const raw of body.split(',')) {
        const item = raw.trim();
        if (item === '') continue;
        if (item.startsWith('...')) {
          spread = true;
          continue;
        }
        keys.push(/^([A-Za-z_$][\w$]*)/.exec(item)?.[1] ?? item);
      }
      out.push({ file: relative(UI_SRC, file), command: m[1], keys, spread });
    }
  }
  return out;
}

describe('the IPC contract', () => {
  const commands = rustCommands();
  const calls = uiCalls();

  it('reads both sides', () => {
    // Every command of commands/*.rs is read.
    expect(commands.size).toBe(commandFiles().join('\n').match(/^\s*#\[tauri::command/gm)?.length);
    expect(calls.length).toBeGreaterThan(50);
    expect(commands.get('calendar_import_run')?.params).toEqual([
      'strategyId',
      'mapping',
      'skipInvalid',
      'dryRun',
      'from',
      'to',
    ]);
  });

  it('every command the fakes answer exists in Rust', () => {
    const fakes = [
      'test/backend.ts',
      ...readdirSync(join(UI_SRC, 'components'))
        .filter((d) => statSync(join(UI_SRC, 'components', d)).isDirectory())
        .flatMap((d) =>
        readdirSync(join(UI_SRC, 'components', d))
          .filter((f) => /^(testBackend|\w*[Ff]ake)\.ts$/.test(f))
          .map((f) => join('components', d, f)),
      ),
    ];
    const unknown: string[] = [];
    let answered = 0;
    for (const fake of fakes) {
      for (const m of readFileSync(join(UI_SRC, fake), 'utf8').matchAll(/\bcase '([a-z0-9_]+)':/g)) {
        answered++;
        if (!commands.has(m[1])) unknown.push(`${fake}: ${m[1]}`);
      }
    }
    expect(answered).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });

  it('every command the UI calls exists in Rust, with the arguments Rust names', () => {
    const wrong: string[] = [];
    for (const c of calls) {
      const rust = commands.get(c.command);
      if (!rust) {
        wrong.push(`${c.file}: ${c.command} is not a command of src-tauri/src/commands/`);
        continue;
      }
      for (const k of c.keys) {
        if (!rust.params.includes(k)) wrong.push(`${c.file}: ${c.command} sends ${k}, which Rust does not take`);
      }
      if (!c.spread) {
        for (const k of rust.required) {
          if (!c.keys.includes(k)) wrong.push(`${c.file}: ${c.command} does not send ${k}, which Rust requires`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
