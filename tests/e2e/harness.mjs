// What every end-to-end test file shares: its own temporary home and database, tauri-driver started on them, the
// CLI of the same binary, and screenshots on demand (CINQ_E2E_SHOTS=DIR).

import assert from "node:assert/strict";
import { after, before } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { appEnv, appGone, appProcesses, killApps, Session, startDriver } from "./webdriver.mjs";

export const APP = process.env.CINQ_APP;
assert.ok(APP, "CINQ_APP must name the built cinq binary");
const APP_PATH = realpathSync(APP);

/** The database of the calling test file (`useApp`): the app started for it is known by it. */
let appDb = null;

/** Waits until the app started for `db` (this file's, by default) has exited, or kills it (`appGone`). */
export function appExited(db = appDb) {
  return db ? appGone(APP_PATH, db) : Promise.resolve();
}

/** Sets up a fresh home and database for the calling test file; returns its paths and helpers. `env(home)` adds to
 *  the app's environment (e.g. CINQ_E2E_PICK, the path a debug build answers its file dialogs with instead of
 *  showing them; for a `.pick` file, the first line of that file, read at each dialog, empty for a cancel). */
export function useApp(name, env = () => ({})) {
  const home = mkdtempSync(join(tmpdir(), `cinq-e2e-${name}-`));
  const db = join(home, "cinq.sqlite3");
  const extra = env(home);
  appDb = db;
  let driver;
  before(async () => {
    // An app an earlier test file left running (its database is one of these tests' own) would take this file's
    // starts over.
    const left = appProcesses(APP_PATH, (d) => d.startsWith(tmpdir()) && d.includes("/cinq-e2e-") && d !== db);
    if (left.length > 0) killApps(left, "of an earlier test file was still running");
    driver = await startDriver({
      ...appEnv(db, home),
      LANG: "C.UTF-8",
      ...extra,
    });
  });
  after(async () => {
    // The driver stopped while it still closes the app would leave the app running: wait for it to go first.
    await appExited(db);
    driver?.kill();
  });
  return {
    db,
    home,
    /** Runs the CLI of the same binary on this test's database and returns what it printed. */
    cli: (...args) => execFileSync(APP, ["--db", db, ...args], { encoding: "utf8" }),
  };
}

/** Saves a screenshot of the display when CINQ_E2E_SHOTS names a folder. It is taken with ImageMagick's
 *  `import -window root` on the X display (Xvfb in the tests), not through WebDriver, whose screenshot call can hang
 *  with WebKitWebDriver. */
export async function shot(session, name) {
  const dir = process.env.CINQ_E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // Once the page has painted what the last step changed.
  await session.executeAsync("requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
  execFileSync("import", ["-window", "root", join(dir, `${name}.png`)], { timeout: 20000 });
}

/** Runs `body` in a new session of the app, with a screenshot if it fails, and always quits. */
export async function withSession(name, body) {
  const s = await Session.start(APP);
  try {
    await body(s);
  } catch (e) {
    await shot(s, `${name}-failure`).catch(() => undefined);
    throw e;
  } finally {
    await s.quit();
    await appExited();
  }
}

/** Polls `probe` until it returns a truthy value, or fails after `timeout` ms. */
export async function eventually(probe, what, timeout = 10000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}
