// A minimal W3C WebDriver client over fetch, enough to drive the real Cinq binary through tauri-driver.
// No dependencies: Node 20's fetch and node:test are all the end-to-end tests need.

import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const BASE = `http://127.0.0.1:${PORT}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function call(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    throw new Error(`${method} ${path}: ${res.status} ${v.error ?? ""} ${v.message ?? ""}`);
  }
  return json.value;
}

/** Starts tauri-driver with the given environment and waits until it answers. Another run's driver on the same
 *  port would answer too, with its own app and database: that is refused (TAURI_DRIVER_PORT picks another port; the
 *  native WebDriver takes the next one). */
export async function startDriver(env) {
  const taken = await call("GET", "/status").then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is in use (another end-to-end run?): set TAURI_DRIVER_PORT`);
  const proc = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      await call("GET", "/status");
      return proc;
    } catch {
      await sleep(100);
    }
  }
  proc.kill();
  throw new Error("tauri-driver did not start");
}

/** The running processes of `binary` (its real path) whose database (CINQ_DB, passed down by tauri-driver)
 *  `wanted` accepts. */
export function appProcesses(binary, wanted) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) !== binary) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      const db = env.find((v) => v.startsWith("CINQ_DB="))?.slice("CINQ_DB=".length);
      if (db !== undefined && wanted(db)) pids.push(+entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** Kills the app's processes `pids`, saying `why` on stderr. */
export function killApps(pids, why) {
  console.error(`# the app (${pids.join(", ")}) ${why}: killed`);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }
}

/** Waits until the app (`binary`, its real path) started for `db` has exited, as it does once its session is
 *  closed. One still running after `timeout` ms is killed: left behind, it would answer the next start in its place
 *  (the app runs once per user session: the single-instance plugin hands a second start over to the first), and that
 *  start would never reach WebDriver. It happened once, on a busy machine, after tauri-driver was stopped as a test
 *  file's last session closed: wait for this before stopping the driver. */
export async function appGone(binary, db, timeout = 20000) {
  const ours = (d) => d === db;
  if (await exited(binary, ours, timeout)) return;
  killApps(appProcesses(binary, ours), `was still running ${timeout} ms after its session closed`);
  await exited(binary, ours, timeout);
}

/** Whether the processes `ours` accepts are gone within `timeout` ms. One that is not this one's child can only be
 *  watched in /proc: it is looked for again every 50 ms until it is gone. The wait is for something that happens (an
 *  exit), never to show that something did not; past `timeout`, the caller kills it rather than fail. */
async function exited(binary, ours, timeout) {
  const until = Date.now() + timeout;
  while (appProcesses(binary, ours).length > 0) {
    if (Date.now() >= until) return false;
    await sleep(50);
  }
  return true;
}

/** The app's environment for `db`, with its home (window state, WebKit's data) in `home`, out of the real one. */
export function appEnv(db, home) {
  return {
    CINQ_DB: db,
    HOME: home,
    XDG_CONFIG_HOME: `${home}/config`,
    XDG_DATA_HOME: `${home}/data`,
    XDG_CACHE_HOME: `${home}/cache`,
  };
}

export class Session {
  static async start(application, args = []) {
    const value = await call("POST", "/session", {
      capabilities: {
        alwaysMatch: { "tauri:options": { application, args } },
      },
    });
    return new Session(value.sessionId);
  }

  constructor(id) {
    this.id = id;
  }

  cmd(method, path, body) {
    return call(method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  /** Waits for an element matching `css` (and, if given, whose text includes `text`). */
  async find(css, { text, timeout = 15000 } = {}) {
    const until = Date.now() + timeout;
    let last = "";
    while (Date.now() < until) {
      try {
        const found = await this.cmd("POST", "/elements", { using: "css selector", value: css });
        for (const ref of found) {
          const el = new Element(this, ref[ELEMENT]);
          if (text === undefined) return el;
          last = await el.text();
          if (last.includes(text)) return el;
          // WebKitWebDriver's rendered text can miss parts of table rows and clamped lines: the DOM's text counts too.
          const all = (await el.property("textContent")) ?? "";
          if (all.includes(text)) return el;
        }
      } catch {
        // The page may be reloading; try again.
      }
      await sleep(100);
    }
    throw new Error(`no element ${css}${text ? ` with text "${text}" (last seen: "${last}")` : ""}`);
  }

  /** How many elements match `css` now (no waiting). */
  async count(css) {
    const found = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return found.length;
  }

  /** Runs `script` in the page with `args` (elements pass as they are) and answers with its value. */
  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", {
      script,
      args: args.map((a) => (a instanceof Element ? { [ELEMENT]: a.id } : a)),
    });
  }

  /** Runs `body` in the page as the body of an async function, whose `done(value)` answers with `value`. */
  executeAsync(body) {
    return this.cmd("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        (async () => { ${body} })().catch((e) => done({ error: String(e) }));`,
      args: [],
    });
  }

  /** Drags `from` onto `to` with real pointer actions (press, moves in steps, release), holding `modifier` (a
   *  WebDriver key such as "\uE00A" for Alt) if given. */
  async drag(from, to, { modifier } = {}) {
    await this.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'center' });", [from]);
    const origin = (el) => ({ [ELEMENT]: el.id });
    const pointer = [
      { type: "pointerMove", duration: 0, origin: origin(from), x: 0, y: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pause", duration: 100 },
      { type: "pointerMove", duration: 100, origin: origin(from), x: 10, y: 4 },
      { type: "pointerMove", duration: 150, origin: origin(from), x: 25, y: 10 },
      { type: "pointerMove", duration: 300, origin: origin(to), x: -3, y: 3 },
      { type: "pointerMove", duration: 100, origin: origin(to), x: 0, y: 0 },
      { type: "pause", duration: 150 },
      { type: "pointerUp", button: 0 },
    ];
    const keys = modifier
      ? [{ type: "keyDown", value: modifier }, ...pointer.slice(1).map(() => ({ type: "pause", duration: 0 })), { type: "keyUp", value: modifier }]
      : undefined;
    const actions = [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: pointer }];
    if (keys) actions.unshift({ type: "key", id: "keyboard", actions: keys });
    await this.cmd("POST", "/actions", { actions });
    await this.cmd("DELETE", "/actions");
  }

  /** Moves the real pointer onto the middle of `el` (a hover). */
  async hover(el) {
    const pointer = [{ type: "pointerMove", duration: 50, origin: { [ELEMENT]: el.id }, x: 0, y: 0 }];
    await this.cmd("POST", "/actions", { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: pointer }] });
    await this.cmd("DELETE", "/actions");
  }

  /** Presses keys with real key actions; `keys` are WebDriver key values (e.g. "\uE009" for Control). */
  async keys(chords) {
    const actions = [];
    for (const chord of chords) {
      for (const k of chord) actions.push({ type: "keyDown", value: k });
      for (const k of [...chord].reverse()) actions.push({ type: "keyUp", value: k });
    }
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  /** Scrolls the element to the middle of the view (clear of the app's fixed header), then clicks it. */
  async click() {
    await this.session.cmd("POST", "/execute/sync", {
      script: "arguments[0].scrollIntoView({ block: 'center', inline: 'center' });",
      args: [{ [ELEMENT]: this.id }],
    });
    return this.session.cmd("POST", `/element/${this.id}/click`, {});
  }
  type(text) {
    return this.session.cmd("POST", `/element/${this.id}/value`, { text });
  }
  clear() {
    return this.session.cmd("POST", `/element/${this.id}/clear`, {});
  }
  /** The element's text. WebKitWebDriver answers "" for rendered text inside some CSS layouts (line clamps), so
   *  the DOM's textContent stands in then. */
  async text() {
    const shown = await this.session.cmd("GET", `/element/${this.id}/text`);
    if (shown) return shown;
    return (await this.session.cmd("GET", `/element/${this.id}/property/textContent`)) ?? "";
  }
  property(name) {
    return this.session.cmd("GET", `/element/${this.id}/property/${name}`);
  }
  attribute(name) {
    return this.session.cmd("GET", `/element/${this.id}/attribute/${name}`);
  }
}
