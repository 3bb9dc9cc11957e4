// Step 5's best times, end to end in the real binary: the sample strategy has too few timed Facebook posts for best
// times; a Meta Business Suite export of twelve more, imported through the results screen (the debug build opens
// CINQ_E2E_PICK instead of its native dialog), gives Facebook its heat map; the best slot the map marks is the one
// the CLI computes from the database, and hovering a cell tells its posts and interval.

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("besttimes", (home) => ({ CINQ_E2E_PICK: join(home, "facebook-posts.csv") }));

const NAME = "Atelier Lumière (sample)";
const HEADER =
  'Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,' +
  'Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Impressions,Reach,' +
  '"Reactions, comments and shares",Reactions,Comments,Shares,Total clicks,Link clicks,Other Clicks,' +
  "3-second video views";
const pad = (n) => String(n).padStart(2, "0");
/** Meta's own format: `07/14/2026 18:00`. */
const metaTime = (d, hour, minute) =>
  `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(hour)}:${pad(minute)}`;

/** Twelve Facebook posts of the last six weeks: each Tuesday at 18:00 (9 % of the reach engage) and each Thursday at
 *  9:30 (2 %), none of them in the calendar (unplanned posts, whose time the export gives). */
function facebookExport() {
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const rows = [];
  for (let week = 1; week <= 6; week++) {
    for (const [offset, hour, minute, engaged] of [
      [1, 18, 0, 180],
      [3, 9, 30, 40],
    ]) {
      const day = new Date(monday.getTime() + (offset - week * 7) * 86400000);
      const n = String(rows.length + 1).padStart(4, "0");
      rows.push(
        [
          `104857600000001_87000000000${n}`,
          "104857600000001",
          "Atelier Lumière",
          "",
          `"Candle of the week, number ${n}"`,
          "",
          metaTime(day, hour, minute),
          "",
          `https://www.facebook.com/104857600000001/posts/87000000000${n}`,
          "No",
          "No",
          "Photos",
          "",
          "",
          "",
          "",
          "Lifetime",
          2100,
          2000,
          engaged,
          engaged - 10,
          5,
          5,
          10,
          5,
          5,
          "",
        ].join(","),
      );
    }
  }
  writeFileSync(join(app.home, "facebook-posts.csv"), [HEADER, ...rows].join("\r\n") + "\r\n");
}

const facebook = () =>
  JSON.parse(app.cli("results", "best-times", NAME, "--network", "facebook", "--json")).networks[0];

test("a Facebook export gives Facebook its best times and heat map", async () => {
  app.cli("sample");
  facebookExport();
  assert.equal(facebook().enough_data, false);

  await withSession("best-times", async (s) => {
    await (await s.find('[data-testid="welcome-open"]')).click();
    await (await s.find('[data-testid="strategy-name"]', { text: NAME })).click();
    await (await s.find('[data-testid="step-test_adapt"]')).click();
    await s.find('[data-testid="adapt"]');

    // Before: too few timed posts on Facebook, so no map, and the card says how many more are needed.
    await (await s.find('[data-testid="adapt-tab-times"]')).click();
    const card = '[data-testid="times-facebook"]';
    await eventually(async () => (await (await s.find(card)).attribute("data-enough")) === "false", "not enough data");
    assert.match(await (await s.find('[data-testid="times-facebook-note"]')).text(), /more are needed/);
    assert.equal(await s.count('[data-testid="times-facebook-map"]'), 0);

    // The import: checked first (a dry run), then run.
    await (await s.find('[data-testid="adapt-tab-results"]')).click();
    await (await s.find('[data-testid="results-import"]')).click();
    const report = await s.find('[data-testid="results-report"]');
    await eventually(async () => /Facebook/.test(await report.text()), "the report names the Facebook export");
    await (await s.find('[data-testid="results-run"]')).click();
    await eventually(async () => (await s.count('[data-testid="results-report"]')) === 0, "the report closed");

    // After: Facebook has enough data, its best slots and its heat map.
    await (await s.find('[data-testid="adapt-tab-times"]')).click();
    await eventually(async () => (await (await s.find(card)).attribute("data-enough")) === "true", "enough data");
    await s.find('[data-testid="times-facebook-map"]');
    const best = facebook().best[0];
    // Tuesday at 18:00 leads, as the export's figures say, and the map marks the slot the database gives.
    assert.deepEqual([best.weekday, best.hour], [2, 18]);
    const cell = await s.find(`[data-testid="times-facebook-cell-${best.weekday}-${best.hour}"]`);
    assert.equal(await cell.attribute("data-best"), "true");
    assert.equal(await cell.attribute("data-posts"), String(best.posts));
    const first = await s.find('[data-testid="times-facebook-best"] li');
    assert.match(await first.text(), /^Tuesday 18:00/);

    // Hovering the cell tells its posts and its interval.
    await s.execute("arguments[0].scrollIntoView({ block: 'center' });", [cell]);
    await s.hover(cell);
    const detail = await s.find('[data-testid="times-facebook-detail"]');
    await eventually(async () => /6 posts/.test(await detail.text()), "the hovered cell's posts");
    assert.match(await detail.text(), /Tuesday/);
    assert.match(await detail.text(), /\d%.*\(\d[\d.]*%–\d[\d.]*%\)/);
    await shot(s, "best-times-facebook");
  });
});
