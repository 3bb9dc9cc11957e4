// The planner's preview, end to end in the real binary (issue 22): on the sample strategy, step 4 in the month view,
// "Plan this period" for next month (clear of the sample's posts), shown on the calendar as ghost cards with their reasons; one dropped, the others
// accepted as drafts in one change; the list view (planned by Cinq only) counts exactly those; one Ctrl+Z removes
// them all, Ctrl+Shift+Z brings them back, in the page and in the database.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("plan");
const CONTROL = "\uE009";
const SHIFT = "\uE008";
const LONG = 30000;

/** The planned posts of the sample strategy in the database. */
const plannedInDb = () => JSON.parse(app.cli("calendar", "show", "1", "--json")).posts.filter((p) => p.planned).length;

/** Clicks the view `mode` (week, month, list) of the toolbar. */
async function showMode(s, mode) {
  const input = await s.find(`[data-testid="calendar-mode"] input[value="${mode}"]`);
  await s.execute("arguments[0].click();", [input]);
}

/** The list view's "N of M posts", as numbers. */
async function listCount(s) {
  const text = await (await s.find('[data-testid="list-count"]')).text();
  const m = text.match(/(\d+)\D+(\d+)/);
  assert.ok(m, `a count in "${text}"`);
  return { shown: Number(m[1]), all: Number(m[2]) };
}

/** Ticks the list's filter "Planned by Cinq only" (Mantine's checkbox input, which WebDriver sees as hidden). */
async function plannedOnly(s) {
  const box = await s.find('[data-testid="list-filter-planned"]');
  await s.execute("if (!arguments[0].checked) arguments[0].click();", [box]);
  await eventually(() => box.property("checked"), "the planned filter ticked");
}

/** Waits until the list view counts `shown` of `all` posts. */
async function listCountIs(s, shown, all, what) {
  await eventually(async () => {
    const c = await listCount(s);
    return c.shown === shown && c.all === all;
  }, `${what}: ${shown} of ${all} posts listed`, LONG);
}

test("the month planned from the toolbar shows as ghosts; one dropped, the rest accepted, undone with Ctrl+Z and redone", { timeout: 5 * 60000 }, async () => {
  await withSession("plan", async (s) => {
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await (await s.find('[data-testid="step-calendar"]', { timeout: LONG })).click();
    await s.find('[data-testid="calendar-grid"]', { timeout: LONG });

    // Next month's posts before planning, and the planned ones among them (the list shows the month).
    await showMode(s, "list");
    await s.find('[data-testid="list-view"]', { timeout: LONG });
    const period = await (await s.find('[data-testid="calendar-period"]')).text();
    await (await s.find('[data-testid="calendar-next"]')).click();
    await eventually(async () => (await (await s.find('[data-testid="calendar-period"]')).text()) !== period, "next month");
    const before = await listCount(s);
    await plannedOnly(s);
    const plannedBefore = await eventually(async () => {
      const c = await listCount(s);
      return c.all === before.all && c.shown <= c.all ? { shown: c.shown } : null;
    }, "the planned filter on");
    const dbBefore = plannedInDb();

    // Plan the month on screen.
    await showMode(s, "month");
    await s.find('[data-testid="calendar-grid"] [data-testid^="day-"]', { timeout: LONG });
    await (await s.find('[data-testid="calendar-plan"]')).click();
    const show = await s.find('[data-testid="plan-modal"] [data-testid="plan-show"]', { timeout: LONG });
    await show.click();

    // The dialog closes; the ghosts show on the month's grid, each with its reason, and the bar counts them.
    await s.find('[data-testid="plan-bar"]', { timeout: LONG });
    await eventually(async () => (await s.count('[data-testid="plan-modal"]')) === 0, "the dialog closed");
    const ghosts = await eventually(async () => s.count("[data-ghost]"), "ghosts on the grid", LONG);
    assert.ok(ghosts >= 2, `at least two proposals (${ghosts})`);
    const bar = await (await s.find('[data-testid="plan-bar-count"]')).text();
    assert.match(bar, new RegExp(`^${ghosts} proposals left`));
    const first = await s.execute(`
      const g = document.querySelector('[data-ghost]');
      return {
        mark: g.textContent.includes('Proposed'),
        reason: g.querySelector('[data-testid^="ghost-reason-"]').textContent,
        day: g.closest('[data-testid^="day-"]') !== null,
        draggable: g.hasAttribute('aria-roledescription'),
      };
    `);
    assert.ok(first.mark, "a ghost says it is proposed");
    assert.ok(first.reason.length > 10, `a ghost shows its reason ("${first.reason}")`);
    assert.ok(first.day, "a ghost sits in its day");
    assert.equal(first.draggable, false);
    assert.equal(plannedInDb(), dbBefore, "nothing written by the preview");
    await shot(s, "plan-ghosts");

    // The week view shows them too, in their network’s row (the preview follows the weeks; three weeks on from the
    // first of the month are still in it); then back to the month.
    await showMode(s, "week");
    const aWeek = () => eventually(async () => (await s.count('[data-testid^="editorial-cell-"]')) === 7, "a week's grid", LONG);
    await aWeek();
    for (let i = 0; i < 3 && (await s.count('[data-testid^="cell-"] [data-ghost]')) === 0; i++) {
      const shown = await (await s.find('[data-testid="calendar-period"]')).text();
      await (await s.find('[data-testid="calendar-next"]')).click();
      await eventually(async () => (await (await s.find('[data-testid="calendar-period"]')).text()) !== shown, "the next week");
      await aWeek();
    }
    assert.ok((await s.count('[data-testid^="cell-"] [data-ghost]')) > 0, "ghosts in the week's cells");
    await shot(s, "plan-ghosts-week");
    await showMode(s, "month");
    await eventually(async () => (await s.count("[data-ghost]")) === ghosts, "every ghost back on the month", LONG);

    // One dropped by its ×.
    await (await s.find('[data-testid^="ghost-drop-"]')).click();
    const kept = ghosts - 1;
    await eventually(async () => (await s.count("[data-ghost]")) === kept, "the ghost dropped");
    const accept = await s.find('[data-testid="plan-bar-accept"]', { text: `Accept ${kept} as` });
    await accept.click();
    await eventually(async () => (await s.count('[data-testid="plan-bar"]')) === 0, "the preview left", LONG);
    assert.equal(await s.count("[data-ghost]"), 0);
    await eventually(() => plannedInDb() === dbBefore + kept, `the ${kept} accepted posts in the database`, LONG);
    await shot(s, "plan-accepted");

    // The list counts exactly those: the month's posts grew by the accepted count, all of them planned.
    await showMode(s, "list");
    await s.find('[data-testid="list-view"]', { timeout: LONG });
    await plannedOnly(s);
    await listCountIs(s, plannedBefore.shown + kept, before.all + kept, "after the accept");

    // One Ctrl+Z removes them all (the focus out of the filter's checkbox, where Ctrl+Z is the field's own).
    await (await s.find('[data-testid="calendar-period"]')).click();
    await s.find('[data-testid="calendar-undo"]:not([disabled])');
    await s.keys([[CONTROL, "z"]]);
    await listCountIs(s, plannedBefore.shown, before.all, "after Ctrl+Z");
    await eventually(() => plannedInDb() === dbBefore, "the undo saved in the database", LONG);

    // Ctrl+Shift+Z brings them back.
    await s.find('[data-testid="calendar-redo"]:not([disabled])');
    await s.keys([[CONTROL, SHIFT, "z"]]);
    await listCountIs(s, plannedBefore.shown + kept, before.all + kept, "after Ctrl+Shift+Z");
    await eventually(() => plannedInDb() === dbBefore + kept, "the redo saved in the database", LONG);
    await shot(s, "plan-redone");
  });
});
