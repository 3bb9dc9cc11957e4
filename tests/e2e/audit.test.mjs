// Step 1, end to end in the real binary: fill an audit for two networks and one persona through the UI, see the
// matching findings, restart, and find everything still there.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("audit");

function audit() {
  return JSON.parse(app.cli("audit", "show", "Audit E2E", "--json"));
}

async function findingsShown(s) {
  await (await s.find('[data-testid="audit-tab-summary"]')).click();
  await s.find('[data-testid="findings"]');
  await s.find('[data-testid="finding"][data-kind="targets_without_presence"][data-network="instagram"]');
  await s.find('[data-testid="finding"][data-kind="drop_candidate"][data-network="linkedin"]');
  await s.find('[data-testid="finding"][data-kind="missing_measurement"][data-network="linkedin"]');
}

test("an audit typed in the UI shows its findings and survives a restart", async () => {
  app.cli("strategy", "create", "--name", "Audit E2E", "--timezone", "Europe/Paris");

  await withSession("audit-fill", async (s) => {
    await (await s.find('[data-testid="welcome-open"]')).click();
    await s.find('[data-testid="strategy-row"]', { text: "Audit E2E" });
    await (await s.find('[data-testid="row-open"]')).click();
    await s.find('[data-testid="audit"]');

    // Two networks.
    await (await s.find('[data-testid="audit-tab-presence"]')).click();
    await (await s.find('[data-testid="network-instagram"]')).click();
    await (await s.find('[data-testid="network-linkedin"]')).click();
    await eventually(() => audit().audit.selected.length === 2, "two selected networks");

    // One persona, who uses Instagram a lot and LinkedIn not at all.
    await (await s.find('[data-testid="audit-tab-audiences"]')).click();
    await (await s.find('[data-testid="persona-add"]')).click();
    await (await s.find('[data-testid="persona-name"]')).type("Léa");
    await (await s.find('[data-testid="persona-usage-instagram-high"]')).click();
    await (await s.find('[data-testid="persona-save"]')).click();
    await s.find('[data-testid="persona-card"]', { text: "Léa" });
    await s.find('[data-testid="heatmap"]', { text: "Léa" });

    // The brand is on LinkedIn only: it says it has an account there (no network has one until it does).
    await (await s.find('[data-testid="audit-tab-presence"]')).click();
    // The switch's input is visually hidden (no size), which WebDriver's click refuses: the page clicks it, as a
    // click on its label does.
    await s.execute("arguments[0].click();", [await s.find('[data-testid="presence-linkedin-active"]')]);
    await (await s.find('[data-testid="presence-linkedin-followers"]')).type("500");
    await (await s.find('[data-testid="presence-linkedin-posts_per_week"]')).type("2");
    await eventually(() => {
      const p = audit().audit.presences.find((x) => x.network === "linkedin");
      return p && p.active && p.followers === 500 && p.posts_per_week === 2;
    }, "the LinkedIn presence to be saved");

    await findingsShown(s);
    await shot(s, "audit-findings");
  });

  const saved = audit();
  assert.equal(saved.audit.personas.length, 1);
  assert.equal(saved.audit.personas[0].name, "Léa");
  assert.deepEqual(
    saved.audit.personas[0].usage.filter((u) => u.level !== "none").map((u) => [u.network, u.level]),
    [["instagram", "high"]],
  );

  await withSession("audit-restart", async (s) => {
    await s.find('[data-testid="strategy-title"]', { text: "Audit E2E" });
    await (await s.find('[data-testid="audit-tab-audiences"]')).click();
    await s.find('[data-testid="persona-card"]', { text: "Léa" });
    await (await s.find('[data-testid="audit-tab-presence"]')).click();
    const followers = await s.find('[data-testid="presence-linkedin-followers"]');
    await eventually(async () => (await followers.property("value")) === "500", "followers to read 500");
    await findingsShown(s);
  });
});
