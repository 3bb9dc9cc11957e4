// The foundation, end to end in the real binary: create a strategy in the UI, quit, relaunch and find it reopened;
// switch the UI to French.

import { test } from "node:test";
import assert from "node:assert/strict";

import { shot, useApp, withSession } from "./harness.mjs";

const app = useApp("app");

test("a strategy created in the UI is there after a restart, and the UI switches to French", async () => {
  const name = "Boulangerie Éclair";

  await withSession("app-create", async (s) => {
    await s.find('[data-testid="welcome"]');
    await shot(s, "01-welcome");
    await (await s.find('[data-testid="welcome-new"]')).click();
    await (await s.find('[data-testid="field-name"]')).type(name);
    await (await s.find('[data-testid="field-organisation"]')).type("Éclair SARL");
    await (await s.find('[data-testid="strategy-form-submit"]')).click();
    await s.find('[data-testid="strategy-title"]', { text: name });
    await s.find('[data-testid="step-title"]', { text: "Audit" });
    await shot(s, "02-strategy");
  });

  // What the UI saved is in the file, as the CLI of the same binary sees it.
  const listed = JSON.parse(app.cli("strategy", "list", "--json"));
  assert.deepEqual(
    listed.map((x) => [x.name, x.organisation]),
    [[name, "Éclair SARL"]],
  );

  await withSession("app-french", async (s) => {
    // The last strategy reopens by itself.
    await s.find('[data-testid="strategy-title"]', { text: name });
    await (await s.find('[data-testid="open-settings"]')).click();
    await (await s.find('[data-testid="settings-lang-fr"]')).click();
    await s.find('[data-testid="step-objectives"]', { text: "Objectifs" });
    await s.find('[data-testid="step-calendar"]', { text: "Calendrier social" });
    await shot(s, "03-french");
  });

  assert.match(app.cli("strategy", "show", name), /Éclair SARL/);
});
