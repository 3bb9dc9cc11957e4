// Step 5, end to end in the real binary: a strategy with an objective on X and an A/B test of two X posts without
// results; an X post export imported through the results screen (the debug build opens CINQ_E2E_PICK instead of its
// native dialog) moves the KPI from "no data" to its value, and decides the A/B test; the database agrees.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("adapt", (home) => ({ CINQ_E2E_PICK: join(home, "x-posts.csv") }));

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const iso = (d) => d.toISOString().slice(0, 10);
const daysFromNow = (n) => new Date(Date.now() + n * 86400000);
/** X's own date format: `Tue, Jul 14, 2026`. */
const xDate = (d) => `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

const NAME = "Lumière on X";
const POSTS = [
  { day: daysFromNow(-4), title: "Our winter candle is back", text: "Our winter candle is back: cedar, fig and a wooden wick. Hand poured in Lyon." },
  { day: daysFromNow(-3), title: "Which scent for your living room?", text: "Which scent for your living room this winter? Cedar and fig, hand poured in Lyon." },
];

/** The sample strategy, plus an objective on X (clicks a month, 20 → 300), two published X posts serving it, and an
 *  A/B test of their titles, imported as a new strategy through the strategy file. */
function setUp() {
  app.cli("sample");
  const file = join(app.home, "sample.cinq.json");
  app.cli("strategy", "export", "1", "--out", file);
  const json = JSON.parse(readFileSync(file, "utf8"));
  const s = json.strategy;
  s.name = NAME;
  const objective = {
    ...s.objectives.objectives[0],
    title: "Bring clicks from X",
    kpi_metric: "clicks",
    kpi_name: "",
    kpi_unit: "clicks / month",
    baseline: 20,
    target: 300,
    deadline: iso(daysFromNow(60)),
    networks: ["x"],
    measurement: { source: "X post export", frequency: "monthly", reviewer: "Camille" },
  };
  delete objective.readings;
  s.objectives.objectives.push(objective);
  const objectiveIndex = s.objectives.objectives.length - 1;
  const first = s.calendar.posts.length;
  for (const p of POSTS) {
    const post = {
      ...s.calendar.posts[0],
      network: "x",
      scheduled_at: `${iso(p.day)}T09:00`,
      title: p.title,
      text: p.text,
      link: "",
      status: "scheduled",
      editorial_item: null,
      objective: objectiveIndex,
      campaign: "",
    };
    delete post.publication;
    delete post.results;
    s.calendar.posts.push(post);
  }
  s.adapt.tests.push({
    name: "Statement or question in the title?",
    hypothesis: "A question makes people click to read the answer.",
    varied: "title",
    metric: "click_through",
    numerator: null,
    denominator: null,
    variants: [
      { label: "A", post_id: first, successes: null, trials: null },
      { label: "B", post_id: first + 1, successes: null, trials: null },
    ],
    learning: "",
  });
  writeFileSync(file, JSON.stringify(json));
  app.cli("strategy", "import", file);
  // X's export of those two posts: B's click-through (79 / 3,050) clearly beats A's (37 / 3,100).
  const header =
    "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks";
  const rows = [
    [`1850000000000000001`, xDate(POSTS[0].day), POSTS[0].text, "https://x.com/atelier/status/1850000000000000001", 3100, 60, 140, 4, 2, 3, 9, 11, 20, 30, 37],
    [`1850000000000000002`, xDate(POSTS[1].day), POSTS[1].text, "https://x.com/atelier/status/1850000000000000002", 3050, 75, 190, 6, 3, 5, 12, 14, 25, 41, 79],
  ];
  const csv = [header, ...rows.map((r) => r.map((c) => (typeof c === "string" && /[,"]/.test(c) ? `"${c}"` : c)).join(","))];
  writeFileSync(join(app.home, "x-posts.csv"), csv.join("\n") + "\n");
  const o = JSON.parse(app.cli("objectives", "show", NAME, "--json"));
  return o.data.objectives.find((x) => x.title === "Bring clicks from X").id;
}

test("an X export moves the KPI and gives the A/B test its verdict", async () => {
  const objectiveId = setUp();
  const evaluate = () => JSON.parse(app.cli("evaluate", NAME, "--json"));
  assert.equal(evaluate().objectives.find((t) => t.objective_id === objectiveId).status, "no_data");

  await withSession("adapt-import", async (s) => {
    await (await s.find('[data-testid="welcome-open"]')).click();
    await (await s.find('[data-testid="strategy-name"]', { text: NAME })).click();
    await (await s.find('[data-testid="step-test_adapt"]')).click();
    await s.find('[data-testid="adapt"]');

    // Before: the KPI has no value yet.
    await (await s.find('[data-testid="adapt-tab-kpis"]')).click();
    const card = `[data-testid="kpi-card-${objectiveId}"]`;
    await eventually(async () => (await (await s.find(card)).attribute("data-status")) === "no_data", "no data yet");

    // The import: checked first (a dry run), then run.
    await (await s.find('[data-testid="adapt-tab-results"]')).click();
    await (await s.find('[data-testid="results-import"]')).click();
    const report = await s.find('[data-testid="results-report"]');
    await eventually(async () => /X/.test(await report.text()), "the report names the X export");
    await shot(s, "adapt-results-report");
    await (await s.find('[data-testid="results-run"]')).click();
    await eventually(async () => (await s.count('[data-testid="results-report"]')) === 0, "the report closed");

    // After: the KPI has its value (37 + 79 clicks in the month) and a status.
    await (await s.find('[data-testid="adapt-tab-kpis"]')).click();
    await eventually(
      async () => (await (await s.find(`[data-testid="kpi-current-${objectiveId}"]`)).text()).includes("116"),
      "the KPI at 116 clicks",
    );
    const status = await (await s.find(card)).attribute("data-status");
    assert.notEqual(status, "no_data");
    await shot(s, "adapt-kpis");

    // The A/B test is decided: B wins.
    await (await s.find('[data-testid="adapt-tab-tests"]')).click();
    const decided = await s.find('[data-testid^="ab-card-"][data-status="decided"]');
    assert.match(await decided.text(), /B beats A/);
    await shot(s, "adapt-tests");
  });

  // The database agrees.
  const e = evaluate();
  const track = e.objectives.find((t) => t.objective_id === objectiveId);
  assert.equal(track.current, 116);
  assert.notEqual(track.status, "no_data");
  const ab = e.tests.find((t) => t.name === "Statement or question in the title?");
  assert.equal(ab.status, "decided");
  assert.equal(ab.winner, "B");
});
