// Every step of the sample strategy (with the calendar's month, and the next month planned by Cinq), in both
// languages, both themes and two window sizes (1280×800 and 1024×700), screenshotted for a person to look at. Not part of the test run (its name does not end in .test.mjs); run it on
// demand: CINQ_E2E_SHOTS=/tmp/screens tests/e2e/run.sh target/debug/cinq tests/e2e/screens.mjs
// Each screenshot is named <language>-<theme>-<width>-<screen>.png.

import { test } from "node:test";

import { shot, useApp, withSession } from "./harness.mjs";

useApp("screens");

const STEPS = ["audit", "benchmark", "objectives", "calendar", "test_adapt"];
const SIZES = [
  [1280, 800],
  [1024, 700],
];

async function settings(s, testId) {
  await (await s.find('[data-testid="open-settings"]')).click();
  await (await s.find(`[data-testid="${testId}"]`)).click();
  await (await s.find('[data-testid="settings-close"]')).click();
}

test("every step of the sample, in English and French, light and dark, at 1280×800 and 1024×700", async () => {
  await withSession("screens", async (s) => {
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await s.find('[data-testid="strategy-title"]');
    for (const lang of ["en", "fr"]) {
      await settings(s, `settings-lang-${lang}`);
      for (const theme of ["light", "dark"]) {
        await settings(s, `settings-theme-${theme}`);
        for (const [width, height] of SIZES) {
          await s.cmd("POST", "/window/rect", { x: 0, y: 0, width, height });
          for (const step of STEPS) {
            await (await s.find(`[data-testid="step-${step}"]`)).click();
            await s.find('[data-testid="step-title"]');
            await shot(s, `${lang}-${theme}-${width}-${step}`);
          }
          // The calendar's month.
          await (await s.find('[data-testid="step-calendar"]')).click();
          const month = await s.find('[data-testid="calendar-step"] button, [data-testid="calendar-step"] label', {
            text: lang === "fr" ? "Mois" : "Month",
          });
          await month.click();
          await shot(s, `${lang}-${theme}-${width}-calendar-month`);
          // The next month planned by Cinq: its proposals as ghosts, then left with nothing written.
          await (await s.find('[data-testid="calendar-next"]')).click();
          await (await s.find('[data-testid="calendar-plan"]')).click();
          await (await s.find('[data-testid="plan-modal"] [data-testid="plan-show"]', { timeout: 30000 })).click();
          await s.find('[data-testid="plan-bar"]', { timeout: 30000 });
          await s.find("[data-ghost]");
          await shot(s, `${lang}-${theme}-${width}-calendar-plan`);
          await (await s.find('[data-testid="plan-bar-discard"]')).click();
          await (await s.find('[data-testid="calendar-prev"]')).click();
        }
      }
    }
  });
});
