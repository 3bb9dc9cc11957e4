// Backups, end to end in the real binary: Settings → Backups lists the copies the CLI sees, "Back up now" adds one,
// and a restore asks first, swaps the data (the app reloads it) and keeps what it replaced as a copy.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("backups");

const copies = () => JSON.parse(app.cli("backup", "list", "--json"));
const names = () => JSON.parse(app.cli("strategy", "list", "--json")).map((s) => s.name).sort();

test("Settings → Backups backs up now and restores a copy, keeping the data it replaces", async () => {
  app.cli("strategy", "create", "--name", "Alpha");
  app.cli("backup", "create");
  app.cli("strategy", "create", "--name", "Beta");
  const manual = copies().find((c) => c.reason === "manual");
  assert.ok(manual, "the manual copy is listed");
  assert.deepEqual(manual.strategies, ["Alpha"]);
  const before = copies().length;

  await withSession("backups", async (s) => {
    await (await s.find('[data-testid="open-settings"]')).click();
    await s.find('[data-testid="backup-row"]', { text: "Manual" });
    await shot(s, "backups-01-list");

    await (await s.find('[data-testid="backup-now"]')).click();
    await eventually(async () => (await s.count('[data-testid="backup-row"]')) === before + 1, "the new copy listed");
    assert.equal(copies().length, before + 1);

    const row = `[data-testid="backup-row"][data-name="${manual.name}"]`;
    await (await s.find(`${row} [data-testid="backup-restore"]`)).click();
    await s.find('[data-testid="backup-confirm"]');
    await shot(s, "backups-02-confirm");
    await (await s.find('[data-testid="backup-confirm-restore"]')).click();
    await eventually(() => copies().some((c) => c.reason === "before_restore"), "the replaced data kept as a copy");
    await eventually(() => names().join() === "Alpha", "the restored data in the file");
  });

  const kept = copies().find((c) => c.reason === "before_restore");
  assert.deepEqual(kept.strategies, ["Alpha", "Beta"]);
});
