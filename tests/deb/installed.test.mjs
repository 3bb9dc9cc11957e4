// The installed package, opened as a user opens it: the `cinq` on the PATH (/usr/bin/cinq), a fresh home folder with
// no XDG variables (so the data goes where the README says: ~/.local/share/io.cinq.desktop/), no CINQ_DB. Run by
// install-test.sh through tests/e2e/run.sh (Xvfb, D-Bus), which gives CINQ_APP; CINQ_DEB_HOME and CINQ_DEB_VERSION
// come from install-test.sh.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { Session, startDriver } from "../e2e/webdriver.mjs";

const APP = process.env.CINQ_APP;
const HOME = process.env.CINQ_DEB_HOME;
const VERSION = process.env.CINQ_DEB_VERSION;
assert.ok(APP && HOME && VERSION, "CINQ_APP, CINQ_DEB_HOME and CINQ_DEB_VERSION must be set (run install-test.sh)");

const DB = join(HOME, ".local/share/io.cinq.desktop/cinq.sqlite3");

let driver;
after(() => driver?.kill());

test("the installed Cinq opens on the welcome screen and keeps its data in the OS application-data folder", async () => {
  driver = await startDriver({
    HOME,
    // As on a user's desktop session where they are unset: the defaults under HOME apply.
    XDG_DATA_HOME: undefined,
    XDG_CONFIG_HOME: undefined,
    XDG_CACHE_HOME: undefined,
    CINQ_DB: undefined,
    LANG: "C.UTF-8",
  });
  const s = await Session.start(APP);
  try {
    await s.find('[data-testid="welcome"]', { timeout: 30000 });
    assert.ok(existsSync(DB), `the database is created at ${DB}`);

    // The About shows the package's version and the file the app really opened.
    await (await s.find('[data-testid="open-settings"]')).click();
    await s.find('[data-testid="settings-version"]', { text: VERSION });
    assert.equal((await (await s.find('[data-testid="settings-version"]')).text()).trim(), VERSION);
    assert.equal((await (await s.find('[data-testid="settings-db-path"]')).text()).trim(), DB);
    await (await s.find('[data-testid="settings-close"]')).click();

    // Some user data to keep: the sample strategy.
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await s.find('[data-testid="strategy-title"]');
  } finally {
    await s.quit();
  }

  // The same binary's CLI finds the strategy in the default file (no --db).
  const env = { ...process.env, HOME };
  delete env.XDG_DATA_HOME;
  delete env.CINQ_DB;
  const listed = JSON.parse(execFileSync(APP, ["strategy", "list", "--json"], { encoding: "utf8", env }));
  assert.equal(listed.length, 1, JSON.stringify(listed));
});
