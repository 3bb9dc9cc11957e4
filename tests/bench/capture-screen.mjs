// The screen floor of the start-up benchmark (startup.sh): Cinq's first screen, captured from the real app once it is
// ready, written as a static page for the empty shell (`CINQ_SHELL_PAGE=screen`): the same elements, classes and
// styles (Mantine's variables included), the same stylesheet, and no script but the one that reports the paint, as
// the empty shell's own page does. What the web view needs to show that screen without React, Mantine or Cinq's code.
// Usage: node tests/bench/capture-screen.mjs BINARY DB OUT_DIR   (under Xvfb and D-Bus, as startup.sh runs it)
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { appEnv, appGone, Session, startDriver } from "../e2e/webdriver.mjs";

const [binary, db, out] = process.argv.slice(2);
const home = mkdtempSync(join(tmpdir(), "cinq-capture-"));
const uiDist = join(dirname(fileURLToPath(import.meta.url)), "../../ui/dist");
const driver = await startDriver(appEnv(db, home));
let s;
try {
  s = await Session.start(binary);
  await s.find('[data-testid="step-title"]', { timeout: 60000 });
  // Ready: nothing loading, and nothing changed in half a second.
  let last = "";
  for (let i = 0; i < 60; i++) {
    const html = await s.execute(
      "return document.querySelector('[data-testid$=\"-loading\"]') ? '' : document.documentElement.outerHTML;",
    );
    if (html && html === last) break;
    last = html;
    await sleep(500);
  }
  if (!last) throw new Error("the first screen did not settle");
  // The empty shell's own report: "ready" once loaded, sent after the paint that follows.
  const shellPage = readFileSync(new URL("./empty-shell/dist/index.html", import.meta.url), "utf8");
  const report = shellPage.match(/<script>[\s\S]*?<\/script>/)?.[0];
  if (!report) throw new Error("no report script in the empty shell's page");
  const sheets = [...last.matchAll(/<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  if (sheets.length === 0) throw new Error("no stylesheet in the captured page");
  const page = last
    .replace(/<script type="module"[^>]*><\/script>\s*/g, "")
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, "")
    .replace("</body>", `${report}</body>`);
  if (/<script type="module"/.test(page)) throw new Error("a module script is left in the captured page");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "assets"), { recursive: true });
  for (const sheet of sheets) copyFileSync(join(uiDist, sheet), join(out, sheet));
  writeFileSync(join(out, "index.html"), `<!doctype html>\n${page}`);
  const elements = await s.execute("return document.getElementsByTagName('*').length;");
  console.error(`screen floor: ${elements} elements, ${page.length} characters, ${sheets.length} stylesheet(s)`);
} finally {
  if (s) await s.quit().catch(() => undefined);
  // The app gone before the driver stops: left running, it would take over the measured starts (webdriver.mjs).
  await appGone(realpathSync(binary), db);
  driver.kill();
  rmSync(home, { recursive: true, force: true });
}
