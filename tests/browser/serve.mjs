// Live reload of `minhbach serve`, in headless Chromium: an open page shows
// a failed rebuild's error (file:line:column) in place over the last good
// site, and reloads by itself after the next successful rebuild.
// Usage: node serve.mjs MINHBACH_BINARY   (prints "N passed, N failed")
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const bin = process.argv[2] && resolve(process.argv[2]);
if (!bin) {
  console.error("usage: node serve.mjs MINHBACH_BINARY");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${name}`); }
  else { failed++; console.log(`not ok - ${name}\n  ${String(detail || "")}`); }
}

const SITE = (title) => `title: "${title}"\nlanguage: vi\nas_of: 2025-09-20\n`;
const FILES = {
  "agencies.yaml": `agencies:\n  - id: so-khcn\n    name: "Sở Khoa học và Công nghệ"\n    kind: department\n`,
  "plans/kh-thu/plan.md": `---\nnumber: "1/KH-TEST"\ndoc_type: "Kế hoạch"\ntitle: "Kế hoạch thử"\nissuer: so-khcn\ndate: 2025-09-01\nperiod: { start: 2025-09-01, end: 2025-12-31 }\n---\nNội dung.\n`,
  "plans/kh-thu/tasks.yaml": `groups:\n  - code: "I"\n    title: "NHÓM"\n    goals:\n      - goal: "Mục tiêu"\n        tasks:\n          - number: "1"\n            task: "Nhiệm vụ một"\n            lead: "Sở Khoa học và Công nghệ"\n            deadline: "30/10/2025"\n`,
};

const tmp = mkdtempSync(join(tmpdir(), "minhbach-serve-"));
const content = join(tmp, "content");
function write(path, text) {
  mkdirSync(join(content, path, ".."), { recursive: true });
  writeFileSync(join(content, path), text);
}
write("site.yaml", SITE("Trang đầu"));
for (const [p, t] of Object.entries(FILES)) write(p, t);

const server = spawn(bin, ["serve", "--port", "0", "--content", content, "--output", join(tmp, "site")],
  { stdio: ["ignore", "ignore", "pipe"] });
const port = await new Promise((ok, fail) => {
  let log = "";
  server.stderr.on("data", (d) => {
    log += d;
    const m = log.match(/serving .* at http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) ok(m[1]);
  });
  server.on("exit", () => fail(new Error(`serve exited:\n${log}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`http://127.0.0.1:${port}/`);
  check("the served page carries the site", (await page.title()).includes("Trang đầu"), await page.title());
  await page.waitForTimeout(500); // the page's first status request

  // A broken save: the error appears in place, the last good page stays.
  write("site.yaml", SITE("Trang đầu") + "as_of: [\n");
  const alert = page.locator("[role=alert]");
  await alert.waitFor({ timeout: 30000 }).catch(() => {});
  const text = (await alert.count()) ? await alert.innerText() : "";
  check("a failed rebuild shows its error with file:line:column", /site\.yaml:\d+:\d+: error/.test(text), text);
  check("the last good page stays under the error", (await page.title()).includes("Trang đầu"));

  // A good save: the page reloads by itself with the new content.
  write("site.yaml", SITE("Trang sau khi sửa"));
  const reloaded = await page.waitForFunction(() => document.title.includes("Trang sau khi sửa"),
    null, { timeout: 30000 }).then(() => true, () => false);
  check("a successful rebuild reloads the open page", reloaded, await page.title());
  check("the error is gone after the reload", (await page.locator("[role=alert]").count()) === 0);
  check("no dialog fired", dialogs.length === 0, dialogs.join("; "));
} finally {
  await browser.close();
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
