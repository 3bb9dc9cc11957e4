// The floor of the calendar benchmark: what the web view alone needs, in the same page, on the same data, timed as
// calendar.mjs times Cinq ("painted" = an animation frame, then a task once that frame is drawn). Run last, by
// calendar.mjs (`Session.executeAsync`, which gives `done`): the month floor writes into the grid behind React's back.
//   paint   a one-attribute change on a card, to the paint: the wait for the web view's next frame, and that frame;
//   ipc     a command that does next to nothing (`app_info`), then the same change: the floor of a drop;
//   answer  that command alone, to its answer: the floor of a drop to React's commit (no paint);
//   month   each of the next 12 months (those calendar.mjs loads) over the IPC (`calendar_get`, as Cinq asks for
//           it), then the days' posts Cinq shows written as plain elements with the grid's classes (a card one
//           element, as Cinq draws them), without React, to the paint: the floor of a month view. As many times as
//           calendar.mjs loads them (`ROUNDS`, which it sets before this script), so that both medians have as many
//           samples.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const invoke = window.__TAURI_INTERNALS__.invoke;
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
// Waits at random between runs, so that no run keeps the same phase against the web view's frames.
const pause = () => sleep(60 + Math.random() * 60);
const grid = document.querySelector('[data-testid="calendar-grid"]');
const card = grid.querySelector('[data-testid^="post-card-"]');
const strategyId = (await invoke('app_info')).last_strategy_id;
const times = { paint: [], ipc: [], answer: [], month: [] };
for (let i = 0; i < 40; i++) {
  await pause();
  let t = performance.now();
  card.dataset.floor = String(i);
  await painted();
  times.paint.push(performance.now() - t);
  await pause();
  t = performance.now();
  await invoke('app_info');
  card.dataset.floor = String(-i);
  await painted();
  times.ipc.push(performance.now() - t);
  await pause();
  t = performance.now();
  await invoke('app_info');
  times.answer.push(performance.now() - t);
}

// The month floor fills every day of the month (as Cinq does, MonthGrid.tsx), by day of the month: after a day's
// number and its two add buttons, its first posts as plain cards (MONTH_CARDS, or one fewer and "+N more").
const MONTH_CARDS = 4;
const days = [...grid.querySelectorAll('[data-drop^="day|"]')];
const cardClass = card.className;
const moreClass = grid.querySelector('[data-testid^="day-more-"]')?.className ?? '';
const first = days[0].dataset.drop.slice(4);
const monthOf = (n) => {
  const d = new Date(Date.UTC(+first.slice(0, 4), +first.slice(5, 7) - 1 + n, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { from: d.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
};
for (let i = 0; i < 12 * ROUNDS; i++) {
  await pause();
  const t = performance.now();
  const view = await invoke('calendar_get', { strategyId, ...monthOf(1 + (i % 12)) });
  const nets = new Map(view.rows.map((r, n) => [r.network, n % 8]));
  const byDay = new Map();
  for (const p of view.calendar.posts) {
    const key = Number(p.scheduled_at.slice(8, 10)) - 1;
    (byDay.get(key) ?? byDay.set(key, []).get(key)).push(p);
  }
  days.forEach((cell, di) => {
    cell.replaceChildren(...[...cell.children].slice(0, 3));
    const posts = byDay.get(di) ?? [];
    const shown = posts.length > MONTH_CARDS ? posts.slice(0, MONTH_CARDS - 1) : posts;
    for (const p of shown) {
      const el = document.createElement('div');
      el.className = cardClass;
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
      el.title = p.title;
      el.setAttribute('aria-label', p.title);
      el.dataset.compact = '';
      el.dataset.time = p.scheduled_at.slice(11, 16);
      el.dataset.status = p.status;
      el.dataset.net = String(nets.get(p.network) ?? 0);
      if (p.pillar) el.dataset.pillar = p.pillar;
      el.textContent = p.title;
      cell.appendChild(el);
    }
    if (posts.length > shown.length) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = moreClass;
      more.textContent = `+${posts.length - shown.length} more`;
      cell.appendChild(more);
    }
  });
  await painted();
  times.month.push(performance.now() - t);
}
done(times);
