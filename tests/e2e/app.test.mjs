// End-to-end tests of the real Cinq binary (never the dev server), driven through tauri-driver and WebKitWebDriver.
// Run by tests/e2e/run.sh, which provides Xvfb and a D-Bus session. CINQ_APP names the binary to test.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { Session, startDriver } from "./webdriver.mjs";

const APP = process.env.CINQ_APP;
assert.ok(APP, "CINQ_APP must name the built cinq binary");
const SHOTS = process.env.CINQ_E2E_SHOTS; // a folder for screenshots, if set

const home = mkdtempSync(join(tmpdir(), "cinq-e2e-"));
const db = join(home, "cinq.sqlite3");
let driver;

before(async () => {
  driver = await startDriver({
    CINQ_DB: db,
    // Keep the window state and WebKit's data out of the real home.
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
    LANG: "C.UTF-8",
  });
});

after(() => {
  driver?.kill();
});

async function shot(session, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), await session.screenshot());
}

function cli(...args) {
  return execFileSync(APP, ["--db", db, ...args], { encoding: "utf8" });
}

test("a strategy created in the UI is there after a restart, and the UI switches to French", async () => {
  const name = "Boulangerie Éclair";

  let s = await Session.start(APP);
  try {
    await s.find('[data-testid="welcome"]');
    await shot(s, "01-welcome");
    await (await s.find('[data-testid="welcome-new"]')).click();
    const field = await s.find('[data-testid="field-name"]');
    await field.type(name);
    await (await s.find('[data-testid="field-organisation"]')).type("Éclair SARL");
    await (await s.find('[data-testid="strategy-form-submit"]')).click();
    await s.find('[data-testid="strategy-title"]', { text: name });
    await s.find('[data-testid="step-title"]', { text: "Audit" });
    await shot(s, "02-strategy");
  } catch (e) {
    await shot(s, "failure").catch(() => undefined);
    throw e;
  } finally {
    await s.quit();
  }
  await sleep(500);

  // What the UI saved is in the file, as the CLI of the same binary sees it.
  const listed = JSON.parse(cli("strategy", "list", "--json"));
  assert.deepEqual(
    listed.map((x) => [x.name, x.organisation]),
    [[name, "Éclair SARL"]],
  );

  s = await Session.start(APP);
  try {
    // The last strategy reopens by itself.
    await s.find('[data-testid="strategy-title"]', { text: name });
    await (await s.find('[data-testid="open-settings"]')).click();
    await (await s.find('[data-testid="settings-lang-fr"]')).click();
    await s.find('[data-testid="step-objectives"]', { text: "Objectifs" });
    await s.find('[data-testid="step-calendar"]', { text: "Calendrier social" });
    await shot(s, "03-french");
  } catch (e) {
    await shot(s, "failure").catch(() => undefined);
    throw e;
  } finally {
    await s.quit();
  }

  const settings = cli("strategy", "show", name);
  assert.match(settings, /Éclair SARL/);
});
