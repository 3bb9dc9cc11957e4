// Step 4, end to end in the real binary: a post of the sample is dragged with real pointer actions to another day
// and another network; it is saved at once and is still there after a restart; a second move is undone with
// Ctrl+Z, in the page and in the database.

import { test } from "node:test";
import assert from "node:assert/strict";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("calendar");
const CONTROL = "\uE009";

const calendar = () => JSON.parse(app.cli("calendar", "show", "1", "--json"));
const postInDb = (id) => calendar().posts.find((p) => p.id === id);

/** Opens the calendar step of the strategy on screen, in the week view, and waits for its grid. */
async function openCalendar(s) {
  await (await s.find('[data-testid="step-calendar"]')).click();
  await s.find('[data-testid="calendar-grid"]');
  const week = await s.find('[data-testid="calendar-mode"] input[value="week"]');
  await s.execute("arguments[0].click();", [week]);
  await s.find('[data-testid="calendar-grid"] [data-testid^="post-card-"]', { timeout: 20000 });
}

/** A post card on the grid, its cell (network and day), and a target cell on another network and another day. */
async function pickMove(s) {
  return s.execute(`
    const rows = [...document.querySelectorAll('[data-testid^="row-"]')].map((r) => r.dataset.testid.slice(4));
    const cells = [...document.querySelectorAll('[data-testid^="cell-"]')].filter((c) => !c.dataset.testid.startsWith('cell-more'));
    const days = [...new Set(cells.map((c) => c.dataset.testid.slice(-10)))];
    for (const card of document.querySelectorAll('[data-testid="calendar-grid"] [data-testid^="post-card-"]')) {
      const cell = card.closest('[data-testid^="cell-"]');
      const day = cell.dataset.testid.slice(-10);
      const network = cell.dataset.testid.slice(5, -11);
      const otherNetwork = rows.find((r) => r !== network);
      const i = days.indexOf(day);
      const otherDay = days[i + 1] ?? days[i - 1];
      if (otherNetwork && otherDay) {
        return { id: Number(card.dataset.postId), network, day, toNetwork: otherNetwork, toDay: otherDay };
      }
    }
    return null;
  `);
}

const cardIn = (network, day, id) => `[data-testid="cell-${network}-${day}"] [data-testid="post-card-${id}"]`;

test("a post dragged to another day and network is saved, survives a restart, and a move can be undone", async () => {
  let move;
  await withSession("calendar-drag", async (s) => {
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await openCalendar(s);
    move = await pickMove(s);
    assert.ok(move, "a post of the sample to move");
    const before = postInDb(move.id);
    assert.equal(before.network, move.network);

    const card = await s.find(`[data-testid="post-card-${move.id}"]`);
    const target = await s.find(`[data-testid="cell-${move.toNetwork}-${move.toDay}"]`);
    await s.drag(card, target);
    await s.find(cardIn(move.toNetwork, move.toDay, move.id));
    await eventually(() => {
      const p = postInDb(move.id);
      return p.network === move.toNetwork && p.scheduled_at === `${move.toDay}T${before.scheduled_at.slice(11)}`;
    }, "the move saved in the database");
    await shot(s, "calendar-dragged");
  });

  await withSession("calendar-restart", async (s) => {
    // Reopened where the user left: the calendar, with the post where it was dropped.
    await s.find('[data-testid="calendar-grid"]', { timeout: 20000 });
    await s.find(cardIn(move.toNetwork, move.toDay, move.id));

    // Move it back to its first day with the pointer, then undo that move with Ctrl+Z.
    const card = await s.find(`[data-testid="post-card-${move.id}"]`);
    const target = await s.find(`[data-testid="cell-${move.toNetwork}-${move.day}"]`);
    await s.drag(card, target);
    await s.find(cardIn(move.toNetwork, move.day, move.id));
    await eventually(() => postInDb(move.id).scheduled_at.startsWith(move.day), "the second move saved");
    await s.find('[data-testid="calendar-undo"]:not([disabled])');
    await s.keys([[CONTROL, "z"]]);
    await s.find(cardIn(move.toNetwork, move.toDay, move.id));
    await eventually(() => postInDb(move.id).scheduled_at.startsWith(move.toDay), "the undo saved in the database");
    await shot(s, "calendar-undone");
  });
});
