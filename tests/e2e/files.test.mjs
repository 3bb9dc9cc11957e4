// Every save and open dialog of the app, end to end in the real binary, on the sample strategy. A debug build answers
// its native dialogs from CINQ_E2E_PICK: here a `.pick` file, read at each dialog, whose first line is the answer
// (empty: the user cancelled), rewritten before each click. Through the UI: the calendar exported in every format
// the export dialog offers, each file read back (and the same bytes as the CLI's export); one export cancelled; the
// strategy exported from the strategies screen and imported again as a new strategy; a CSV whose columns need mapping
// imported through the import dialog's mapping; the customer survey saved.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { eventually, shot, useApp, withSession } from "./harness.mjs";

const app = useApp("files", (home) => ({ CINQ_E2E_PICK: join(home, "answer.pick") }));
const LONG = 30000;

/** The next dialog's answer: `path`, or the user cancelling when it is empty. */
const answer = (path) => writeFileSync(join(app.home, "answer.pick"), path === "" ? "" : `${path}\n`);
/** A folder of this test's home, made afresh for one check. */
function folder(name) {
  const dir = join(app.home, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
const json = (...args) => JSON.parse(app.cli(...args, "--json"));
const strategies = () => json("strategy", "list");

/** A CSV file's rows (RFC 4180: quoted fields may hold the delimiter, quotes and line breaks), its BOM dropped. */
function parseCsv(text, delimiter = ",") {
  text = text.replace(/^\uFEFF/, "");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      // The line ends at the \n.
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** An iCalendar file's events: each a map of its properties (lines unfolded, TEXT values unescaped). */
function parseIcs(text) {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  const events = [];
  let event = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") event = {};
    else if (line === "END:VEVENT") {
      events.push(event);
      event = null;
    } else if (event) {
      const at = line.indexOf(":");
      const name = line.slice(0, at).split(";")[0];
      event[name] = line.slice(at + 1).replace(/\\(.)/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
    }
  }
  return events;
}

/** What a scheduling tool posts for `post` (the text, then its link when the text lacks it). */
const message = (p) => (p.link === "" || p.text.includes(p.link) ? p.text : p.text === "" ? p.link : `${p.text}\n${p.link}`);

/** From the welcome screen, a strategy or the strategies screen, to the strategies screen. */
async function toList(s) {
  const el = await s.find('[data-testid="welcome-open"], [data-testid="nav-strategies"], [data-testid="strategies"]', { timeout: LONG });
  if ((await el.attribute("data-testid")) !== "strategies") await el.click();
  await s.find('[data-testid="strategies"]', { timeout: LONG });
}

/** Opens the strategy named exactly `name` from the strategies screen (another's name may hold it: "… (imported)"). */
async function openStrategy(s, name) {
  await toList(s);
  await eventually(
    () =>
      s.execute(
        `const row = [...document.querySelectorAll('[data-testid="strategy-name"]')].find((e) => e.textContent === arguments[0]);
         if (row) row.click();
         return row !== undefined;`,
        [name],
      ),
    `${name} in the list`,
    LONG,
  );
  await eventually(async () => (await (await s.find('[data-testid="strategy-title"]', { timeout: LONG })).text()) === name, `${name} open`, LONG);
}

/** Opens step 4 in the week view and waits for its posts. */
async function openCalendar(s) {
  await (await s.find('[data-testid="step-calendar"]', { timeout: LONG })).click();
  await s.find('[data-testid="calendar-grid"]', { timeout: LONG });
  const week = await s.find('[data-testid="calendar-mode"] input[value="week"]');
  await s.execute("arguments[0].click();", [week]);
  await s.find('[data-testid="calendar-grid"] [data-testid^="cell-"]', { timeout: LONG });
}

/** Ticks or unticks a Mantine switch or checkbox (whose input WebDriver sees as hidden). */
async function setChecked(s, css, on) {
  const box = await s.find(css);
  await s.execute("if (arguments[0].checked !== arguments[1]) arguments[0].click();", [box, on]);
  await eventually(async () => (await box.property("checked")) === on, `${css} ${on ? "on" : "off"}`);
}

/** Picks `option` in the Select `css` among its own options (a click landing while the list opens is tried again). */
async function pick(s, css, option) {
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
}

/** Waits for a notification saying `text`, then closes every notification (one may cover a dialog's buttons). */
async function notified(s, text) {
  await s.find(".mantine-Notification-root", { text, timeout: LONG });
  await s.execute("document.querySelectorAll('.mantine-Notification-closeButton').forEach((b) => b.click());");
  await eventually(async () => (await s.count(".mantine-Notification-root")) === 0, "the notifications closed", LONG);
}

let sample;

test("the calendar exported in every format the export dialog offers, each file read back; a cancelled export writes nothing", { timeout: 10 * 60000 }, async () => {
  app.cli("sample");
  sample = strategies()[0];
  const cal = json("calendar", "show", String(sample.id));
  const dated = cal.posts;
  const all = dated.length + cal.ideas.length;
  assert.ok(dated.length > 10, "the sample has posts");
  const known = dated.find((p) => p.text.length > 20 && p.title !== "");
  const networks = [...new Set(dated.map((p) => p.network))].sort();

  /** What each format's file must hold, read back from the file (or folder) the app wrote at `path`. */
  const CSV_CHECKS = {
    "cinq-csv": {
      header: ["network", "date", "time", "pillar", "topic", "title", "text", "link", "media_notes", "status", "editorial_item", "objective", "campaign"],
      rows: all,
      // The ideas follow the dated posts.
      known: (h, rows) => rows.some((r) => r[h.indexOf("title")] === known.title && r[h.indexOf("text")] === known.text),
    },
    "google-csv": {
      header: ["Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Description", "Location", "Private"],
      rows: dated.length,
      known: (h, rows) => rows.some((r) => r[h.indexOf("Subject")].endsWith(`] ${known.title}`) && r[h.indexOf("Description")] === message(known)),
    },
    "outlook-csv": {
      header: ["Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event", "Description", "Location", "Categories", "Private"],
      rows: dated.length,
      known: (h, rows) => rows.some((r) => r[h.indexOf("Subject")].endsWith(`] ${known.title}`) && r[h.indexOf("Description")] === message(known)),
    },
    sprout: {
      header: ["date", "time_24hr", "message_text"],
      rows: dated.length,
      known: (h, rows) => rows.some((r) => r[h.indexOf("time_24hr")] === known.scheduled_at.slice(11) && r[h.indexOf("message_text")] === message(known)),
    },
  };
  const CHECKS = {
    ...Object.fromEntries(
      Object.entries(CSV_CHECKS).map(([format, c]) => [
        format,
        (path) => {
          const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
          assert.deepEqual(header, c.header, `${format}: the header row`);
          assert.equal(rows.length, c.rows, `${format}: one row per post`);
          assert.ok(c.known(header, rows), `${format}: the post "${known.title}" with its text`);
        },
      ]),
    ),
    // A folder: one file per network, no header, each row date and time, text, link.
    hootsuite: (dir) => {
      const files = readdirSync(dir).sort();
      assert.equal(files.length, networks.length, `hootsuite: one file per network (${files.join(", ")})`);
      for (const network of networks) {
        const file = files.find((f) => f.endsWith(`.hootsuite.${network}.csv`));
        assert.ok(file, `hootsuite: a file for ${network}`);
        const rows = parseCsv(readFileSync(join(dir, file), "utf8"));
        const posts = dated.filter((p) => p.network === network);
        assert.equal(rows.length, posts.length, `hootsuite: ${network}'s posts`);
        assert.ok(rows.every((r) => r.length === 3));
        if (network === known.network) assert.ok(rows.some((r) => r[1] === known.text && r[2] === known.link), "hootsuite: the known post");
      }
    },
    ics: (path) => {
      const events = parseIcs(readFileSync(path, "utf8"));
      assert.equal(events.length, dated.length, "ics: one event per post");
      const event = events.find((e) => e.UID === `cinq-${sample.id}-post-${known.id}@cinq.app`);
      assert.ok(event, "ics: the known post's event");
      assert.equal(event.DESCRIPTION, message(known));
      assert.ok(event.SUMMARY.endsWith(`] ${known.title}`));
      assert.equal(event.DTSTART.slice(-15), `${known.scheduled_at.replace(/[-:]/g, "")}00`);
    },
  };
  /** The CLI's export of the same choices (the whole plan, commas, a BOM), which the app's must equal byte for byte
   *  (an iCalendar file's DTSTAMP is the time of the export). */
  const sameAsCli = (format, path) => {
    const ref = join(folder("cli"), format);
    app.cli("calendar", "export", String(sample.id), "--format", format, "--bom", "--out", ref);
    const bytes = (p) => readFileSync(p, "utf8").replace(/^DTSTAMP:.*$/gm, "");
    if (format === "hootsuite") {
      assert.deepEqual(readdirSync(path).sort(), readdirSync(ref).sort());
      for (const f of readdirSync(ref)) assert.equal(bytes(join(path, f)), bytes(join(ref, f)), `hootsuite: ${f}`);
    } else assert.equal(bytes(path), bytes(ref), `${format}: the same bytes as the CLI's export`);
  };

  await withSession("files-export", async (s) => {
    await openStrategy(s, sample.name);
    await openCalendar(s);

    /** Opens the export dialog with `format` chosen, the whole plan, commas and a BOM. */
    const choose = async (format) => {
      await (await s.find('[data-testid="calendar-export"]')).click();
      await s.find('[data-testid="export-modal"]');
      await (await s.find(`[data-testid="export-format-${format}"]`)).click();
      await eventually(async () => (await (await s.find(`[data-testid="export-format-${format}"]`)).attribute("aria-checked")) === "true", `${format} chosen`);
      await (await s.find('[data-testid="export-period-all"]')).click();
      if (format !== "ics") {
        await (await s.find('[data-testid="export-delimiter-comma"]')).click();
        await setChecked(s, '[data-testid="export-bom"]', true);
      }
    };

    // Cancelled: the dialog stays open, nothing is written.
    const out = folder("exports");
    await choose("cinq-csv");
    answer("");
    await (await s.find('[data-testid="export-run"]')).click();
    await eventually(async () => (await (await s.find('[data-testid="export-run"]')).attribute("data-loading")) === null, "the cancelled export done");
    assert.equal(await s.count('[data-testid="export-modal"]'), 1, "the dialog stays open");
    // Neither a success nor an error (one is shown before the button stops loading).
    assert.equal(await s.count(".mantine-Notification-root"), 0, "nothing said: the user cancelled");
    assert.deepEqual(readdirSync(out), []);
    await s.keys([["\uE00C"]]);
    await eventually(async () => (await s.count('[data-testid="export-modal"]')) === 0, "the dialog closed");

    // Every format the dialog offers.
    await (await s.find('[data-testid="calendar-export"]')).click();
    await s.find('[data-testid="export-modal"]');
    const formats = await s.execute(
      "return [...document.querySelectorAll('[data-testid^=\"export-format-\"]')].map((e) => e.dataset.testid.slice('export-format-'.length));",
    );
    await s.keys([["\uE00C"]]);
    await eventually(async () => (await s.count('[data-testid="export-modal"]')) === 0, "the dialog closed");
    assert.ok(formats.length >= 6, `the formats offered: ${formats.join(", ")}`);
    for (const format of formats) {
      assert.ok(CHECKS[format], `a check of the format ${format}`);
      const path = join(out, format === "hootsuite" ? "hootsuite" : `plan.${format}`);
      await choose(format);
      answer(path);
      await (await s.find('[data-testid="export-run"]')).click();
      await eventually(async () => (await s.count('[data-testid="export-modal"]')) === 0, `the ${format} export done`, LONG);
      assert.ok(existsSync(path), `${format}: written at ${path}`);
      await notified(s, format === "hootsuite" ? `Exported ${networks.length} files: ` : `Exported to plan.${format}`);
      CHECKS[format](path);
      sameAsCli(format, path);
    }
    await shot(s, "files-exported");
  });
});

test("the strategy exported from the strategies screen and imported again: a new strategy, the same content", { timeout: 5 * 60000 }, async () => {
  assert.ok(sample, "the sample strategy of the first test");
  const file = join(folder("strategy"), "atelier.cinq.json");
  await withSession("files-strategy", async (s) => {
    await toList(s);
    await s.find('[data-testid="strategy-name"]', { text: sample.name, timeout: LONG });
    assert.equal(await s.count('[data-testid="strategy-row"]'), 1, "the sample alone in the list");
    answer(file);
    await (await s.find('[data-testid="row-export"]')).click();
    await eventually(() => existsSync(file), "the strategy file written", LONG);
    // The file is the strategy as the CLI exports it.
    const ref = join(folder("cli"), "strategy.json");
    app.cli("strategy", "export", String(sample.id), "--out", ref);
    assert.equal(readFileSync(file, "utf8"), readFileSync(ref, "utf8"));

    answer(file);
    await (await s.find('[data-testid="strategies-import"]')).click();
    const imported = await eventually(() => strategies().find((x) => x.id !== sample.id), "the imported strategy in the database", LONG);
    assert.equal(imported.name, `${sample.name} (imported)`);
    // The app opens it.
    await s.find('[data-testid="strategy-title"]', { text: imported.name, timeout: LONG });
    await shot(s, "files-strategy-imported");

    // The same content: its own export equals the file but for its name and its dates of creation and change.
    const again = join(folder("cli"), "imported.json");
    app.cli("strategy", "export", String(imported.id), "--out", again);
    const strip = (path) => {
      const { name, created_at, updated_at, ...rest } = JSON.parse(readFileSync(path, "utf8")).strategy;
      return rest;
    };
    const before = strip(file);
    const after = strip(again);
    assert.equal(after.calendar.posts.length, before.calendar.posts.length);
    assert.equal(after.audit.personas.length, before.audit.personas.length);
    assert.equal(after.objectives.objectives.length, before.objectives.objectives.length);
    assert.deepEqual(after, before);
    const cal = (id) => json("calendar", "show", String(id));
    assert.equal(cal(imported.id).posts.length, cal(sample.id).posts.length);
  });
});

test("a CSV whose columns need mapping, mapped in the import dialog, adds its posts to the calendar", { timeout: 5 * 60000 }, async () => {
  assert.ok(sample, "the sample strategy of the first test");
  const csv = join(folder("import"), "agenda.csv");
  await withSession("files-import", async (s) => {
    await openStrategy(s, sample.name);
    await openCalendar(s);
    // Three days of the week on screen and three of the strategy's networks, as the grid shows them.
    const { days, rows } = await s.execute(`
      const cells = [...document.querySelectorAll('[data-testid^="cell-"]')].map((c) => c.dataset.testid);
      const days = [...new Set(cells.map((c) => c.slice(-10)).filter((d) => /^\\d{4}-\\d{2}-\\d{2}$/.test(d)))].sort();
      const rows = [...document.querySelectorAll('[data-testid^="row-"]')].map((r) => r.dataset.testid.slice(4));
      return { days, rows };
    `);
    assert.ok(days.length >= 4, `the week's days (${days})`);
    const nets = ["instagram", "facebook", "pinterest"];
    for (const n of nets) assert.ok(rows.includes(n), `${n} on the grid (${rows})`);
    const NAMES = { instagram: "Instagram", facebook: "Facebook", pinterest: "Pinterest" };
    const posts = nets.map((network, i) => ({
      network,
      day: days[i + 1],
      time: `1${i}:15`,
      title: `Imported workshop ${i + 1}`,
      text: `Our wax workshop number ${i + 1}, in Lyon; bring a friend, “the more the merrier”.`,
    }));
    // Column names the import does not know: every field is mapped by hand. Days as DD/MM/YYYY.
    const dmy = (d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const quote = (v) => `"${v.replace(/"/g, '""')}"`;
    writeFileSync(
      csv,
      ["Where,Go live,Clock,Label,Body", ...posts.map((p) => [NAMES[p.network], dmy(p.day), p.time, p.title, quote(p.text)].join(","))].join("\r\n") + "\r\n",
    );
    const before = json("calendar", "show", String(sample.id)).posts.length;

    answer(csv);
    await (await s.find('[data-testid="calendar-import"]')).click();
    await (await s.find('[data-testid="import-pick"]')).click();
    await s.find('[data-testid="import-mapping"]', { timeout: LONG });
    await s.find('[data-testid="import-file"]', { text: "agenda.csv" });
    // Nothing is mapped: the dialog says what is missing.
    assert.equal(await (await s.find('[data-testid="map-title"]')).property("value"), "— not in the file —");
    await s.find('[data-testid="import-missing"]');

    await pick(s, '[data-testid="map-network"]', "Where");
    await pick(s, '[data-testid="map-date"]', "Go live");
    await pick(s, '[data-testid="map-time"]', "Clock");
    await pick(s, '[data-testid="map-title"]', "Label");
    await pick(s, '[data-testid="map-text"]', "Body");
    await (await s.find('[data-testid="map-date-order-day_first"]')).click();
    await s.find('[data-testid="import-summary"]', { text: "All 3 rows are ready to import.", timeout: LONG });
    await shot(s, "files-import-mapped");
    await (await s.find('[data-testid="import-run"]:not([disabled])')).click();
    await eventually(async () => (await s.count('[data-testid="import-modal"]')) === 0, "the import dialog closed", LONG);

    // On the grid, each in its network's row and its day.
    for (const p of posts) {
      await s.find(`[data-testid="cell-${p.network}-${p.day}"] [data-testid^="post-card-"]`, { text: p.title, timeout: LONG });
    }
    await shot(s, "files-imported");

    // In the database.
    const after = json("calendar", "show", String(sample.id)).posts;
    assert.equal(after.length, before + posts.length);
    for (const p of posts) {
      const found = after.find((x) => x.title === p.title);
      assert.ok(found, `${p.title} in the database`);
      assert.equal(found.network, p.network);
      assert.equal(found.scheduled_at, `${p.day}T${p.time}`);
      assert.equal(found.text, p.text);
    }
  });
});

test("the customer survey saved through its dialog holds the survey's text", { timeout: 5 * 60000 }, async () => {
  assert.ok(sample, "the sample strategy of the first test");
  const file = join(folder("survey"), "survey.txt");
  await withSession("files-survey", async (s) => {
    await openStrategy(s, sample.name);
    await (await s.find('[data-testid="step-benchmark"]', { timeout: LONG })).click();
    await (await s.find('[data-testid="bench-tab-voice"]', { timeout: LONG })).click();
    await s.find('[data-testid="survey-preview"]', { timeout: LONG });
    answer(file);
    await (await s.find('[data-testid="survey-download"]:not([disabled])')).click();
    await eventually(() => existsSync(file), "the survey written", LONG);
  });
  const survey = json("benchmark", "show", String(sample.id)).survey.en;
  assert.ok(survey.includes("1. "), "the survey has its questions");
  assert.equal(readFileSync(file, "utf8"), survey);
});
