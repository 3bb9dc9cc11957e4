// Step 3, end to end in the real binary: an objective created in the UI with a vanity KPI gets the warning, which
// goes when the KPI changes; the sample's checks, missions and mix show; the overview sums it up; all of it
// survives a restart.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("objectives");

const objectives = () => JSON.parse(app.cli("objectives", "show", "1", "--json"));
const VANITY = '[data-testid="objective-finding"][data-kind="vanity_metric"]';

/** Picks `option` in the Select `input`: among the options of its own list (other Selects have options too). A
 *  click that lands while the list is still opening is lost, so it tries again until the field shows the option. */
async function pick(s, input, option) {
  const field = await s.find(input);
  await eventually(async () => {
    if ((await field.attribute("aria-expanded")) !== "true") await field.click();
    const list = await eventually(() => field.attribute("aria-controls"), `the options of ${input}`);
    await new Promise((r) => setTimeout(r, 300)); // let the list finish opening
    await (await s.find(`[id="${list}"] [role="option"]`, { text: option })).click();
    await new Promise((r) => setTimeout(r, 200));
    return (await field.property("value")) === option;
  }, `${option} picked in ${input}`, 20000);
}

test("a vanity KPI is warned about, and the warning goes when the KPI changes", async () => {
  await withSession("objectives-vanity", async (s) => {
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await (await s.find('[data-testid="step-objectives"]')).click();
    await s.find('[data-testid="objectives"]');

    // The sample's deliberately vague objective shows its checks.
    await (await s.find('[data-testid="obj-tab-objectives"]')).click();
    await s.find('[data-testid="objective-card"]', { text: "Être plus visible sur Instagram" });
    await s.find(VANITY);
    const before = await s.count(VANITY);

    // A new objective, from a blank one, with followers as its KPI.
    await (await s.find('[data-testid="objective-add"]')).click();
    await (await s.find('[data-testid="objective-blank"]')).click();
    await (await s.find('[data-testid="objective-title"]')).type("Grow our Instagram audience");
    await (await s.find('[data-testid="objective-save"]')).click();
    await s.find('[data-testid="objective-close"]');
    await pick(s, '[data-testid="objective-kpi-metric"]', "Followers");
    await eventually(async () => (await s.count(VANITY)) > before, "the vanity warning on the new objective");
    const created = objectives().data.objectives.find((o) => o.title === "Grow our Instagram audience");
    assert.equal(created.kpi_metric, "followers");
    await shot(s, "objectives-vanity-warning");

    // Leads are a business outcome: the warning goes.
    await pick(s, '[data-testid="objective-kpi-metric"]', "Leads");
    await eventually(async () => (await s.count(VANITY)) === before, "the vanity warning gone");
    await eventually(
      () => objectives().data.objectives.find((o) => o.title === "Grow our Instagram audience")?.kpi_metric === "leads",
      "the new KPI in the database",
    );
    await (await s.find('[data-testid="objective-close"]')).click();

    // Missions, mix and the summary with its blocking finding.
    await (await s.find('[data-testid="obj-tab-missions"]')).click();
    await s.find('[data-testid="mission-card"][data-network="instagram"]');
    await (await s.find('[data-testid="obj-tab-mix"]')).click();
    await s.find('[data-testid="mix-total"]', { text: "100" });
    await (await s.find('[data-testid="obj-tab-summary"]')).click();
    await s.find('[data-testid="obj-finding"][data-kind="not_measurable"][data-severity="blocking"]');

    // The overview sums it up.
    await (await s.find('[data-testid="nav-overview"]')).click();
    await s.find('[data-testid="overview-objective"]', { text: "Grow our Instagram audience" });
    await s.find('[data-testid="overview-finding"][data-kind="not_measurable"]');
    await shot(s, "objectives-overview");
  });

  await withSession("objectives-restart", async (s) => {
    // The app reopens the strategy where it was left.
    await (await s.find('[data-testid="step-objectives"]')).click();
    await (await s.find('[data-testid="obj-tab-objectives"]')).click();
    await s.find('[data-testid="objective-card"]', { text: "Grow our Instagram audience" });
  });
});
