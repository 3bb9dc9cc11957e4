// Calendar benchmark of the real app (release build) on the large sample (10,000 posts over a year, 8 networks):
// - month view: from the IPC call that loads a month to the first paint of its grid, for each month of the year;
// - drop: from a post dropped (keyboard drag, one day to the right or back) to the first paint after the move was
//   saved, its checks recomputed and the grid re-rendered.
// For each, it also prints the span to React's commit of the result (the work done, before the web view paints it).
// Last, the floor of both, in the same page (calendar-floor.js): what the web view needs without Cinq's own work.
// The page records both spans itself (ui/src/perf.ts); this script drives it through tauri-driver and prints medians
// and 95th percentiles. Usage: node tests/bench/calendar.mjs BINARY DB [ROUNDS] (see calendar.sh).
import { readFileSync } from "node:fs";
import { appEnv, Session, startDriver } from "../e2e/webdriver.mjs";

const [binary, db, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
const home = process.env.BENCH_HOME;
const driver = await startDriver({
  ...appEnv(db, home),
  LANG: "C.UTF-8",
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const perf = (s, name) => s.execute(`return (window.__cinqPerf ?? []).filter((p) => p.name === "${name}").map((p) => [p.ms, p.marks.commit]);`);
const marks = (s, name) => s.execute(`return JSON.stringify((window.__cinqPerf ?? []).filter((p) => p.name === "${name}").slice(-5))`);
async function until(probe, what, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await sleep(50);
  }
  throw new Error(`timed out: ${what}`);
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
};

const loads = [];
let s;
try {
  for (let round = 0; round < rounds; round++) {
    // A fresh app each round: nothing is answered from the query cache.
    if (s) await s.quit();
    s = await Session.start(binary);
    await s.find('[data-testid="calendar-grid"]', { timeout: 60000 });
    const month = await s.find('[data-testid="calendar-mode"] input[value="month"]');
    await s.execute("arguments[0].click();", [month]);
    await s.execute("arguments[0].click();", [await s.find('[data-testid="calendar-today"]')]);
    await sleep(1500);
    for (let m = 0; m < 12; m++) {
      const before = (await perf(s, "calendar-load")).length;
      await s.execute("arguments[0].click();", [await s.find('[data-testid="calendar-next"]')]);
      const after = await until(async () => {
        const l = await perf(s, "calendar-load");
        return l.length > before ? l : null;
      }, `month ${m + 1} of round ${round + 1} loaded`);
      loads.push(after[after.length - 1]);
      await sleep(100);
    }
    // The next round opens on today's month (the app remembers the period), so its 12 months are all loaded anew.
    if (round < rounds - 1) {
      await s.execute("arguments[0].click();", [await s.find('[data-testid="calendar-today"]')]);
      await sleep(800);
    }
  }
  console.log(`month view (load + paint): ${stats(loads.map((l) => l[0]))}`);
  console.log(`  to the commit (load + render): ${stats(loads.map((l) => l[1]))}`);
  if (process.env.BENCH_MARKS) console.log(await marks(s, "calendar-load"));

  // Drops in the month view, on a month with posts: back to the first month of the plan.
  await s.execute("arguments[0].click();", [await s.find('[data-testid="calendar-today"]')]);
  await s.find('[data-testid="calendar-grid"] [data-testid^="post-card-"]', { timeout: 30000 });
  const drops = [];
  for (let i = 0; i < 40; i++) {
    const before = (await perf(s, "calendar-drop")).length;
    // A post of the first week (so that a day to the right or back stays in the month).
    await s.execute(`
      const cards = [...document.querySelectorAll('[data-testid="calendar-grid"] [data-testid^="post-card-"]')];
      const card = cards.find((c) => { const d = Number(c.closest('[data-drop]').dataset.drop.slice(-2)); return d >= 3 && d <= 20; });
      card.focus();`);
    const key = i % 2 === 0 ? "\uE014" : "\uE012"; // right, then left
    await s.keys([[" "]]);
    await sleep(150);
    await s.keys([[key]]);
    await sleep(150);
    await s.keys([[" "]]);
    await until(async () => (await perf(s, "calendar-drop")).length > before, "a drop saved");
    const all = await perf(s, "calendar-drop");
    drops.push(all[all.length - 1]);
    await sleep(150);
  }
  console.log(`drop (save + checks + re-render + paint): ${stats(drops.map((d) => d[0]))}`);
  console.log(`  to the commit (save + checks + re-render): ${stats(drops.map((d) => d[1]))}`);
  if (process.env.BENCH_MARKS) console.log(await marks(s, "calendar-drop"));

  // The floor (calendar-floor.js): the same page and data, without Cinq's own work.
  await s.execute("arguments[0].click();", [await s.find('[data-testid="calendar-today"]')]);
  await sleep(1500);
  const floorScript = readFileSync(new URL("./calendar-floor.js", import.meta.url), "utf8");
  const floor = await s.executeAsync(`const ROUNDS = ${rounds};\n${floorScript}`);
  if (floor.error) throw new Error(`floor: ${floor.error}`);
  console.log(`floor, a one-attribute change to the paint: ${stats(floor.paint)}`);
  console.log(`floor of a drop (a command that does next to nothing, then that change): ${stats(floor.ipc)}`);
  console.log(`  to its answer (the command alone): ${stats(floor.answer)}`);
  console.log(`floor of a month view (calendar_get, then the cells as plain elements, no React): ${stats(floor.month)}`);
} finally {
  await s?.quit().catch(() => undefined);
  driver.kill();
}
