// The walk, end to end in the real binary: a whole first strategy built from the welcome screen, in French, the way
// a newcomer does it, using every default, suggestion and template the app offers: a new strategy; two personas and
// three networks (audit); a competitor (benchmark); a business goal served by two social objectives, missions and the
// mix (objectives); two weeks of posts with an editorial item and its relays (calendar); a drag and drop, undone;
// results typed for one post; an export of the calendar read back. The database is checked through the CLI at the
// end. Every action (a click, a field typed, a pick in a list or a date picker, a drag, a key chord) is counted, per
// step; the total must stay well under the 390 actions a first strategy used to take.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const EXPORT = "calendrier.csv";
const app = useApp("walk", (home) => ({ CINQ_E2E_PICK: join(home, EXPORT) }));

/** The most actions the walk may take: far fewer than the 390 of the first walk through the app (issue 23). */
const CEILING = 150;
const CONTROL = "\uE009";
const NAME = "Fromagerie Berthaut";
const NETWORKS = ["instagram", "facebook", "linkedin"];
const LONG = 30000;

const json = (...args) => JSON.parse(app.cli(...args, "--json"));

/** The actions of the walk, counted per step. */
class Walk {
  constructor(s) {
    this.s = s;
    this.steps = [];
  }

  /** Starts counting the actions of `name`, after a screenshot of where the last step ended. */
  async step(name) {
    await this.end();
    this.steps.push({ name, actions: 0 });
  }

  /** A screenshot of where the last step ended. */
  async end() {
    const n = this.steps.length;
    if (n > 0) await shot(this.s, `walk-${String(n).padStart(2, "0")}-${this.steps[n - 1].name}`);
  }

  count(n = 1) {
    this.steps.at(-1).actions += n;
  }

  get total() {
    return this.steps.reduce((sum, x) => sum + x.actions, 0);
  }

  /** One click on the element `css` (with `text`, if given). */
  async click(css, opts) {
    const el = await this.s.find(css, { timeout: LONG, ...opts });
    await el.click();
    this.count();
    return el;
  }

  /** One click on a control whose input WebDriver sees as hidden (Mantine's switches, chips, checkboxes): the page
   *  clicks it, as a click on its label does. */
  async press(css) {
    const el = await this.s.find(css, { timeout: LONG });
    await this.s.execute("arguments[0].click();", [el]);
    this.count();
    return el;
  }

  /** One field typed in. */
  async type(css, text) {
    const el = await this.s.find(css, { timeout: LONG });
    await el.type(text);
    this.count();
    return el;
  }

  /** One pick of `option` in the Select `css`, among the options of its own list. A click that lands while the list
   *  is still opening is lost, so it tries again until the field shows the option (still one action). */
  async pick(css, option) {
    const s = this.s;
    const field = await s.find(css, { timeout: LONG });
    await eventually(
      async () => {
        if ((await field.attribute("aria-expanded")) !== "true") await field.click();
        const list = await eventually(() => field.attribute("aria-controls"), `the options of ${css}`);
        await (await s.find(`[id="${list}"] [role="option"]`, { text: option })).click();
        return eventually(async () => (await field.property("value")) === option, `${option} shown in ${css}`, 3000);
      },
      `${option} picked in ${css}`,
      LONG,
    );
    this.count();
  }

  /** One pick of the first suggestion of the Autocomplete `css`; answers with the value it put in the field. */
  async pickFirst(css) {
    const s = this.s;
    const field = await s.find(css, { timeout: LONG });
    const value = await eventually(
      async () => {
        if ((await field.attribute("aria-expanded")) !== "true") await field.click();
        const list = await eventually(() => field.attribute("aria-controls"), `the suggestions of ${css}`);
        const option = await s.find(`[id="${list}"] [role="option"]`);
        const text = await option.text();
        await option.click();
        return eventually(async () => ((await field.property("value")) === text ? text : null), `${text} shown in ${css}`, 3000);
      },
      `a suggestion picked in ${css}`,
      LONG,
    );
    this.count();
    return value;
  }

  /** One pick in the date picker `css`: opens it, moves `months` months on from the month it shows, and clicks the
   *  15th. Answers with the day picked (YYYY-MM-DD). */
  async pickDay(css, months) {
    const s = this.s;
    const field = await s.find(css, { timeout: LONG });
    await field.click();
    const dropdown = await eventually(async () => {
      const id = await field.attribute("aria-controls");
      return id && (await s.count(`[id="${id}"] button[data-date]`)) > 0 ? `[id="${id}"]` : null;
    }, `the picker ${css} open`, LONG);
    const shown = () =>
      s.execute(`return document.querySelector(arguments[0] + ' button[data-date]:not([data-outside])').dataset.date.slice(0, 7);`, [dropdown]);
    const start = await shown();
    const [y, m] = start.split("-").map(Number);
    const target = new Date(Date.UTC(y, m - 1 + months, 15)).toISOString().slice(0, 10);
    for (let i = 0; i < months; i++) {
      const before = await shown();
      await (await s.find(`${dropdown} button[data-direction="next"]`)).click();
      await eventually(async () => (await shown()) !== before, "the next month shown");
    }
    await (await s.find(`${dropdown} button[data-date="${target}"]:not([data-outside])`)).click();
    this.count();
    return target;
  }

  /** One drag of `from` onto `to` with real pointer actions. */
  async drag(from, to) {
    await this.s.drag(from, to);
    this.count();
  }

  /** One key chord (e.g. Ctrl+Z). */
  async keys(chord) {
    await this.s.keys([chord]);
    this.count();
  }

  report() {
    const width = Math.max(...this.steps.map((x) => x.name.length));
    const lines = this.steps.map((x) => `  ${x.name.padEnd(width)}  ${String(x.actions).padStart(3)}`);
    return [`The walk took ${this.total} actions:`, ...lines, `  ${"total".padEnd(width)}  ${String(this.total).padStart(3)}`].join("\n");
  }
}

/** The days the week grid shows (YYYY-MM-DD), from its cells. */
const shownDays = (s) =>
  s.execute(`
    const cells = [...document.querySelectorAll('[data-testid^="editorial-cell-"]')];
    return cells.map((c) => c.dataset.testid.slice(-10));
  `);

/** The "+" of the cell of `network` on `day` (the last button of the cell). */
const addIn = (network, day) => `[data-testid="cell-${network}-${day}"] > button[aria-label]:last-child`;

test("a first strategy, built in French from the welcome screen, takes far fewer than 390 actions", { timeout: 15 * 60000 }, async () => {
  let walk;
  const posts = [];
  let editorialId;
  let moved;
  let measured;
  let weeks;

  try {
    await withSession("walk", async (s) => {
      walk = new Walk(s);

      // The UI in French (the test machine's own language is English).
      await walk.step("langue");
      await s.find('[data-testid="welcome"]', { timeout: LONG });
      await walk.click('[data-testid="open-settings"]');
      await walk.click('[data-testid="settings-lang-fr"]');
      await walk.click('[data-testid="settings-close"]');
      await s.find('[data-testid="welcome-new"]', { text: "Démarrer une stratégie" });

      // A new strategy: its language, time zone and start date are the defaults (French, here, today).
      await walk.step("stratégie");
      await walk.click('[data-testid="welcome-new"]');
      await walk.type('[data-testid="field-name"]', NAME);
      await walk.type('[data-testid="field-organisation"]', "Berthaut & Fils");
      await walk.click('[data-testid="strategy-form-submit"]');
      await s.find('[data-testid="strategy-title"]', { text: NAME, timeout: LONG });
      await s.find('[data-testid="audit"]', { timeout: LONG });

      // Audit: three networks, two personas who use them.
      await walk.step("audit");
      await walk.click('[data-testid="audit-tab-presence"]');
      for (const n of NETWORKS) {
        await walk.click(`[data-testid="network-${n}"]`);
        await s.find(`[data-testid="network-${n}"][aria-pressed="true"]`, { timeout: LONG });
      }
      await walk.click('[data-testid="audit-tab-audiences"]');
      await walk.click('[data-testid="persona-add"]');
      await walk.type('[data-testid="persona-name"]', "Léa, gourmande du centre-ville");
      await walk.click('[data-testid="persona-usage-instagram-high"]');
      await walk.click('[data-testid="persona-usage-facebook-medium"]');
      await walk.click('[data-testid="persona-save"]');
      await s.find('[data-testid="persona-card"]', { text: "Léa", timeout: LONG });
      await walk.click('[data-testid="persona-add"]');
      await walk.type('[data-testid="persona-name"]', "Marc, chef de restaurant");
      await walk.click('[data-testid="persona-usage-linkedin-high"]');
      await walk.click('[data-testid="persona-save"]');
      await s.find('[data-testid="persona-card"]', { text: "Marc", timeout: LONG });
      await s.find('[data-testid="heatmap"]', { text: "Marc", timeout: LONG });

      // Benchmark: one competitor.
      await walk.step("benchmark");
      await walk.click('[data-testid="step-benchmark"]');
      await walk.click('[data-testid="bench-tab-players"]');
      await walk.click('[data-testid="player-add"]');
      await walk.type('[data-testid="player-name"]', "Crèmerie Delmas");
      await walk.click('[data-testid="player-save"]');
      await s.find('[data-testid="player-card"]', { text: "Crèmerie Delmas", timeout: LONG });

      // Objectives: a business goal, the marketing objective that serves it, two social objectives from templates.
      await walk.step("objectifs");
      await walk.click('[data-testid="step-objectives"]');
      await walk.click('[data-testid="goal-add"]');
      await walk.type('[data-testid="goal-title"]', "Vendre 30 % de plateaux de fromages en plus cette année");
      await walk.click('[data-testid="goal-save"]');
      await s.find('[data-testid="goal-card"]', { text: "plateaux", timeout: LONG });
      await walk.click('[data-testid="marketing-add"]');
      await walk.type('[data-testid="marketing-title"]', "Faire commander les plateaux en ligne");
      await walk.click('[data-testid="marketing-save"]');
      await s.find('[data-testid="marketing-card"]', { text: "plateaux en ligne", timeout: LONG });
      const marketingOption = "Faire commander les plateaux en ligne — Vendre 30 % de plateaux de fromages en plus cette année";

      await walk.click('[data-testid="obj-tab-objectives"]');
      const objectives = [
        { template: "Amener des visiteurs qualifiés sur le site", baseline: "200", target: "600" },
        { template: "Générer des leads depuis les réseaux sociaux", baseline: "10", target: "40" },
      ];
      for (const o of objectives) {
        await walk.click('[data-testid="objective-add"]');
        await walk.click('[data-testid="objective-template"]', { text: o.template });
        await s.find('[data-testid="objective-close"]', { timeout: LONG });
        await walk.pick('[data-testid="objective-marketing"]', marketingOption);
        await walk.type('[data-testid="objective-baseline"]', o.baseline);
        await walk.type('[data-testid="objective-target"]', o.target);
        o.deadline = await walk.pickDay('[data-testid="objective-deadline"]', 6);
        await eventually(
          () => json("objectives", "show", NAME).data.objectives.find((x) => x.title === o.template)?.deadline === o.deadline,
          "the objective saved with its deadline",
          LONG,
        );
        await walk.click('[data-testid="objective-close"]');
        await s.find('[data-testid="objective-card"]', { text: o.template, timeout: LONG });
      }
      await shot(s, "walk-objectives-list");

      // The measurement plan: the first source suggested, a review every month, who reviews.
      await walk.click('[data-testid="obj-tab-measurement"]');
      for (const id of json("objectives", "show", NAME).data.objectives.map((x) => x.id)) {
        const row = `[data-testid="measurement-row"][data-objective-id="${id}"]`;
        await walk.pickFirst(`${row} [data-testid="measurement-source"]`);
        await walk.pick(`${row} [data-testid="measurement-frequency"]`, "Chaque mois");
        await walk.type(`${row} [data-testid="measurement-reviewer"]`, "Claire");
        await s.find(`${row} [data-testid="measurement-ok"][data-ok="true"]`, { timeout: LONG });
      }
      await eventually(
        () => json("objectives", "show", NAME).data.objectives.every((x) => x.measurement.reviewer === "Claire"),
        "the measurement plan saved",
        LONG,
      );
      await shot(s, "walk-measurement");

      // Missions: the suggested statement and audiences, the objectives served, a pace.
      await walk.click('[data-testid="obj-tab-missions"]');
      const ids = json("objectives", "show", NAME).data.objectives.map((o) => o.id);
      for (const [i, n] of NETWORKS.entries()) {
        const card = `[data-testid="mission-card"][data-network="${n}"]`;
        await walk.click(`${card} [data-testid="mission-use-suggestion"]`);
        await walk.click(`${card} [data-testid="mission-apply-audiences"]`);
        await walk.press(`${card} [data-testid="mission-objective-${ids[i % 2]}"]`);
        await walk.type(`${card} [data-testid="mission-frequency"]`, "2");
        await eventually(() => {
          const m = json("objectives", "show", NAME).data.missions.find((x) => x.network === n);
          return m && m.statement !== "" && m.audiences.length > 0 && m.objectives.length === 1 && m.posts_per_week === 2;
        }, `the ${n} mission saved`, LONG);
      }
      await shot(s, "walk-missions");

      // The mix: the default one adds up to 100.
      await walk.click('[data-testid="obj-tab-mix"]');
      await s.find('[data-testid="mix-total"]', { text: "100", timeout: LONG });

      // Calendar, this week: three posts, one a day on each network, and a blog article relayed on the three networks.
      await walk.step("calendrier");
      await walk.click('[data-testid="step-calendar"]');
      await s.find('[data-testid="calendar-grid"]', { timeout: LONG });
      const week = [await shownDays(s)];
      weeks = week;
      assert.equal(week[0].length, 7);
      const newPost = async (network, day, title, text) => {
        await walk.click(addIn(network, day));
        await s.find('[data-testid="post-editor"]', { timeout: LONG });
        await walk.type('[data-testid="post-editor-title"]', title);
        await walk.type('[data-testid="post-editor-text"]', text);
        await walk.click('[data-testid="post-editor-close"]');
        const card = await s.find(`[data-testid="cell-${network}-${day}"] [data-testid^="post-card-"]`, { text: title, timeout: LONG });
        posts.push({ id: Number(await card.attribute("data-post-id")), network, day, title });
        await eventually(async () => (await s.count('[data-testid="post-editor"]')) === 0, "the editor closed", LONG);
      };
      const plan = [
        ["instagram", 0, "Le comté 24 mois est arrivé", "Fruité, long en bouche : notre comté 24 mois est en boutique."],
        ["facebook", 2, "Atelier dégustation samedi", "Samedi à 11 h, dégustation de chèvres fermiers. Places limitées."],
        ["linkedin", 4, "Plateaux pour vos séminaires", "Des plateaux de fromages livrés pour vos réunions et séminaires."],
      ];
      for (const [network, d, title, text] of plan) await newPost(network, week[0][d], title, text);

      await walk.click(`[data-testid="editorial-cell-${week[0][1]}"] > button[aria-label]:last-child`);
      await s.find('[data-testid="editorial-editor"]', { timeout: LONG });
      await walk.type('[data-testid="editorial-editor-title"]', "Comment composer un plateau de fromages");
      await s.find('[data-testid="relay-networks"]', { timeout: LONG });
      for (const n of NETWORKS) await walk.press(`[data-testid="relay-network-${n}"]`);
      await walk.click('[data-testid="relay-create"]:not([disabled])');
      await eventually(async () => (await s.count('[data-testid="relay-post"]')) === 3, "three relay posts", LONG);
      await shot(s, "walk-relays");
      await walk.click('[data-testid="editorial-editor-close"]');
      await eventually(async () => (await s.count('[data-testid="editorial-editor"]')) === 0, "the editor closed", LONG);
      editorialId = json("calendar", "show", NAME).editorial.find((e) => e.title.startsWith("Comment composer"))?.id;
      assert.ok(editorialId, "the editorial item in the database");

      // Next week: three more posts.
      await walk.click('[data-testid="calendar-next"]');
      await eventually(async () => (await shownDays(s))[0] !== week[0][0], "the next week shown", LONG);
      week.push(await shownDays(s));
      const next = [
        ["instagram", 1, "Le brie truffé de la semaine", "Notre brie farci à la truffe, à commander jusqu’à jeudi."],
        ["facebook", 3, "Vos questions sur la conservation", "Papier, cloche, frigo : comment gardez-vous vos fromages ?"],
        ["linkedin", 2, "Un fournisseur de confiance", "Vingt ans de travail avec les mêmes affineurs : notre histoire."],
      ];
      for (const [network, d, title, text] of next) await newPost(network, week[1][d], title, text);

      // A drag and drop to another day, undone with Ctrl+Z.
      await walk.step("glisser-déposer");
      const dragged = posts.find((p) => p.title === "Le brie truffé de la semaine");
      const toDay = week[1][5];
      await walk.drag(
        await s.find(`[data-testid="post-card-${dragged.id}"]`),
        await s.find(`[data-testid="cell-${dragged.network}-${toDay}"]`),
      );
      await s.find(`[data-testid="cell-${dragged.network}-${toDay}"] [data-testid="post-card-${dragged.id}"]`, { timeout: LONG });
      await eventually(
        () => json("calendar", "show", NAME).posts.find((p) => p.id === dragged.id).scheduled_at.startsWith(toDay),
        "the move saved",
        LONG,
      );
      await shot(s, "walk-dragged");
      await s.find('[data-testid="calendar-undo"]:not([disabled])', { timeout: LONG });
      await walk.keys([CONTROL, "z"]);
      await s.find(`[data-testid="cell-${dragged.network}-${dragged.day}"] [data-testid="post-card-${dragged.id}"]`, { timeout: LONG });
      await eventually(
        () => json("calendar", "show", NAME).posts.find((p) => p.id === dragged.id).scheduled_at.startsWith(dragged.day),
        "the undo saved",
        LONG,
      );
      moved = dragged;

      // Results typed for one post, in its drawer.
      await walk.step("résultats");
      measured = posts.find((p) => p.title === "Vos questions sur la conservation");
      await walk.click(`[data-testid="post-card-${measured.id}"]`);
      await s.find('[data-testid="post-results"]', { timeout: LONG });
      await walk.type('[data-testid="post-results-impressions"]', "1250");
      await walk.type('[data-testid="post-results-reactions"]', "87");
      await walk.type('[data-testid="post-results-comments"]', "14");
      await eventually(
        async () => (await (await s.find('[data-testid="post-results-status"]')).text()) !== "",
        "the results saved",
        LONG,
      );
      await shot(s, "walk-results");
      await walk.click('[data-testid="post-editor-close"]');
      await eventually(async () => (await s.count('[data-testid="post-editor"]')) === 0, "the editor closed", LONG);

      // The export, with its defaults (the whole plan, Cinq's CSV, semicolons in French).
      await walk.step("export");
      await walk.click('[data-testid="calendar-export"]');
      await s.find('[data-testid="export-modal"]', { timeout: LONG });
      await shot(s, "walk-export-dialog");
      await walk.click('[data-testid="export-run"]');
      await eventually(() => existsSync(join(app.home, EXPORT)), "the exported file", LONG);
      await eventually(async () => (await s.count('[data-testid="export-modal"]')) === 0, "the export dialog closed", LONG);
      await walk.end();
    });
  } finally {
    // How many actions it took, step by step (also when a step failed: as far as it went).
    if (walk) console.log(walk.report());
  }
  assert.ok(walk.total <= CEILING, `the walk took ${walk.total} actions, more than ${CEILING}`);

  // The file exported through the UI: every post, each once, with its title.
  const csv = readFileSync(join(app.home, EXPORT), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r?\n/);
  assert.ok(lines[0].includes(";"), `a French CSV uses semicolons: ${lines[0]}`);
  const calendar = json("calendar", "show", NAME);
  assert.equal(calendar.posts.length, 9, "six posts and three relays");
  for (const p of calendar.posts) {
    if (p.title) assert.ok(csv.includes(p.title), `the export has "${p.title}"`);
  }
  assert.equal(lines.length, 1 + calendar.posts.length, "a header and a line per post");

  // The database, through the CLI.
  const strategy = json("strategy", "show", NAME);
  assert.equal(strategy.organisation, "Berthaut & Fils");
  assert.equal(strategy.language, "fr");

  const audit = json("audit", "show", NAME).audit;
  assert.deepEqual([...audit.selected].sort(), [...NETWORKS].sort());
  assert.deepEqual(audit.personas.map((p) => p.name.split(",")[0]).sort(), ["Léa", "Marc"]);

  const players = json("benchmark", "show", NAME).benchmark.players.map((p) => p.name);
  assert.deepEqual(players, ["Crèmerie Delmas"]);

  const o = json("objectives", "show", NAME);
  assert.equal(o.data.goals.length, 1);
  assert.equal(o.data.marketing.length, 1);
  assert.equal(o.data.marketing[0].business_goal_id, o.data.goals[0].id);
  assert.equal(o.data.objectives.length, 2);
  for (const x of o.data.objectives) {
    assert.equal(x.marketing_objective_id, o.data.marketing[0].id, `${x.title} serves the marketing objective`);
    assert.ok(x.kpi_metric, `${x.title} has the template's KPI`);
    assert.ok(x.baseline !== null && x.target !== null && x.deadline, `${x.title} has its figures`);
    assert.ok(x.measurement.source && x.measurement.frequency === "monthly", `${x.title} has its measurement plan`);
  }
  assert.deepEqual(o.data.missions.map((m) => m.network).sort(), [...NETWORKS].sort());
  for (const m of o.data.missions) {
    assert.ok(m.statement && m.pillars.length > 0 && m.audiences.length > 0, `the ${m.network} mission is complete`);
  }
  const mix = o.data.mix.strategy;
  assert.equal(mix.promotion + mix.curation + mix.interaction, 100);

  assert.deepEqual(calendar.editorial.map((e) => e.id), [editorialId]);
  const relays = calendar.posts.filter((p) => p.editorial_item_id === editorialId);
  assert.deepEqual(relays.map((p) => p.network).sort(), [...NETWORKS].sort());
  const back = calendar.posts.find((p) => p.id === moved.id);
  assert.ok(back.scheduled_at.startsWith(moved.day), "the undone move left the post on its day");
  for (const [i, days] of weeks.entries()) {
    const inWeek = calendar.posts.filter((p) => days.includes(p.scheduled_at.slice(0, 10)));
    assert.ok(inWeek.length >= 3, `week ${i + 1} has its posts`);
  }

  // The results typed in the drawer, as the strategy file has them.
  const file = join(app.home, "strategie.cinq.json");
  app.cli("strategy", "export", NAME, "--out", file);
  const saved = JSON.parse(readFileSync(file, "utf8")).strategy.calendar.posts.find((p) => p.title === measured.title);
  assert.equal(saved.results.length, 1);
  const m = saved.results[0].measures;
  assert.deepEqual([m.impressions, m.reactions, m.comments], [1250, 87, 14]);

  const check = json("calendar", "check", NAME);
  assert.equal(check.scope.kind, "plan");
  assert.ok(Array.isArray(check.findings));
});
