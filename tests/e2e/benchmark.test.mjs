// Step 2, end to end in the real binary: on the sample strategy, add a player through the UI, see the benchmark's
// findings and comparison, restart, and find the player still there.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("benchmark");

const players = () => JSON.parse(app.cli("benchmark", "show", "1", "--json")).benchmark.players.map((p) => p.name);

test("a player added in the UI shows in the benchmark and survives a restart", async () => {
  await withSession("benchmark-add", async (s) => {
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await (await s.find('[data-testid="step-benchmark"]')).click();
    await s.find('[data-testid="benchmark"]');

    await (await s.find('[data-testid="bench-tab-players"]')).click();
    await (await s.find('[data-testid="player-add"]')).click();
    await (await s.find('[data-testid="player-name"]')).type("Bougies Rivales");
    await (await s.find('[data-testid="player-save"]')).click();
    await s.find('[data-testid="player-card"]', { text: "Bougies Rivales" });
    await eventually(() => players().includes("Bougies Rivales"), "the new player in the database");

    await (await s.find('[data-testid="bench-tab-comparison"]')).click();
    await s.find('[data-testid="comparison-table"]', { text: "Cire & Co" });
    await s.find('[data-testid="coverage-matrix"]');
    await (await s.find('[data-testid="bench-tab-summary"]')).click();
    await s.find('[data-testid="bench-finding"][data-kind="posts_less_than_competitors"][data-network="instagram"]');
    await s.find('[data-testid="bench-finding"][data-kind="white_space_theme"]');
    await shot(s, "benchmark-findings");
  });

  assert.equal(players().length, 5);

  await withSession("benchmark-restart", async (s) => {
    await s.find('[data-testid="benchmark"]');
    await (await s.find('[data-testid="bench-tab-players"]')).click();
    await s.find('[data-testid="player-card"]', { text: "Bougies Rivales" });
  });
});
