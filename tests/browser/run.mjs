// Browser checks of built sites, in headless Chromium (Debian's `chromium`):
// - axe-core finds no WCAG 2.2 A/AA violation (target size included) on one
//   page of every type, at 1280 px and at 390 px;
// - no element is wider than the screen at 320, 390 and 1280 px;
// - chart text renders at 12 px or more on a 390 px phone;
// - no request leaves 127.0.0.1;
// - every internal link and asset of every page resolves;
// - the search box finds agencies with and without diacritics, says
//   "N trên M" and shows the rest on request;
// - Lighthouse (mobile) scores 100 for accessibility, best practices and SEO
//   and at least 95 for performance on home, a plan, a task and an agency
//   page (skip with LIGHTHOUSE=0);
// - screenshots of home, plan, task, agency and charts at 390 px go to
//   ci-artifacts/screenshots/ (kept by CI, ignored by git).
// - each state has one colour on every page, the same for its badges and its
//   chart segments, and different states have different colours;
// - with --hostile DIR: every page of the hostile-content site (built from
//   tests/hostile/content) loads, is searched for its payloads, and no
//   dialog (alert/confirm/prompt) opens and no injected script runs.
// - with --english DIR: an English site passes the same page checks with
//   lang="en".
// - the demo site's second language (/en/, `ui_languages: [en]`) passes the
//   same page checks with lang="en", and on every page of both languages
//   the language switch and the hreflang links lead to the twin page, whose
//   lang is the one announced, and whose switch leads back.
// - on the demo site at 390 px, the two readers' walks: from the home page
//   to one agency's list of what it is late on in at most 2 taps, the list
//   within the first two screens; from a task page to its state in an
//   earlier month's snapshot in 1 tap, and the copied citation names the
//   task, the state and the as-of date;
// - page heights at 390 px are printed, and the status page and the largest
//   plan page stay within a third of their height before the compact cards
//   (61,047 and 53,716 px); the h1 sits in the top third of the first screen
//   on every page type.
// Usage: node run.mjs SITE_DIR [DEMO_SITE_DIR] [--hostile HOSTILE_SITE_DIR] [--english ENGLISH_SITE_DIR]
//   (prints "N passed, N failed")
import { createServer } from "node:http";
import { readFileSync, statSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, extname, dirname, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const args = process.argv.slice(2);
const hostileAt = args.indexOf("--hostile");
const hostile = hostileAt >= 0 ? resolve(args.splice(hostileAt, 2)[1]) : null;
const englishAt = args.indexOf("--english");
const english = englishAt >= 0 ? resolve(args.splice(englishAt, 2)[1]) : null;
const [site, demo] = args.map((p) => resolve(p));
if (!site) {
  console.error("usage: node run.mjs SITE_DIR [DEMO_SITE_DIR]");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".csv": "text/csv", ".ics": "text/calendar",
  ".xml": "application/xml", ".txt": "text/plain", ".svg": "image/svg+xml",
};
const here = dirname(fileURLToPath(import.meta.url));
const SHOTS = resolve(here, "../../ci-artifacts/screenshots");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

function serve(root) {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let f = resolve(join(root, p));
    if (!f.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(f) && statSync(f).isDirectory()) f = join(f, "index.html");
    if (!existsSync(f)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[extname(f)] || "application/octet-stream" });
    res.end(readFileSync(f));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${name}`); }
  else { failed++; console.log(`not ok - ${name}\n  ${String(detail || "").split("\n").join("\n  ")}`); }
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}

// Every href/src of every page must resolve to a file of the site.
function checkLinks(root, label) {
  const broken = [];
  let count = 0;
  for (const file of walk(root).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    // Attributes of real tags only (text such as `&lt;a href="…"` is not a link).
    for (const m of html.matchAll(/<[a-zA-Z][^<>]*?\s(?:href|src)="([^"]+)"/g)) {
      const url = m[1].replace(/&amp;/g, "&");
      if (/^(https?:|mailto:|#)/.test(url)) continue;
      count++;
      const path = url.split(/[?#]/)[0];
      let target = resolve(dirname(file), path);
      if (!target.startsWith(root)) { broken.push(`${file}: ${url} leaves the site`); continue; }
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, "index.html");
      if (!existsSync(target)) broken.push(`${file.slice(root.length)}: ${url}`);
    }
  }
  check(`${label}: ${count} internal links and assets resolve`, broken.length === 0, broken.slice(0, 20).join("\n"));
}

// Elements wider than the screen or sticking out of it on the right.
function overflowReport() {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // Moved off-screen on purpose (visually hidden for screen readers).
    if (r.right <= 0) continue;
    if (r.right > w + 1 || r.width > w + 1) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} (${Math.round(r.width)} px, right ${Math.round(r.right)})`);
    }
  }
  return { scroll: document.documentElement.scrollWidth - window.innerWidth, elements: out.slice(0, 5) };
}

// The smallest chart text as rendered, in CSS pixels.
function chartText() {
  let min = Infinity, where = "";
  for (const t of document.querySelectorAll("svg.chart-svg text")) {
    if (!t.textContent.trim()) continue;
    const ctm = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
    if (size < min) { min = size; where = t.textContent.trim().slice(0, 30); }
  }
  return { min, where };
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate((tags) =>
    window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
  return result.violations;
}

function describe(v) {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("\n");
}

async function checkPages(browser, root, label, paths, shots = {}, want = "vi") {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const external = [];
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== "127.0.0.1") { external.push(u.href); return route.abort(); }
    return route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  for (const p of paths) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const resp = await page.goto(origin + "/" + p, { waitUntil: "load" });
    check(`${label} /${p} loads`, resp && resp.ok(), resp && resp.status());
    let v = await axe(page);
    check(`${label} /${p} at 1280 px: 0 axe violations (WCAG 2.2 AA)`, v.length === 0, describe(v));
    for (const width of [1280, 390, 320]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      const o = await page.evaluate(overflowReport);
      check(`${label} /${p}: nothing wider than a ${width} px screen`, o.scroll <= 0 && o.elements.length === 0,
        `${o.scroll}px too wide; ${o.elements.join("; ")}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    v = await axe(page);
    check(`${label} /${p} at 390 px: 0 axe violations (WCAG 2.2 AA)`, v.length === 0, describe(v));
    const charts = await page.evaluate(chartText);
    if (charts.min !== Infinity) {
      check(`${label} /${p}: chart text at least 12 px at 390 px (smallest ${charts.min.toFixed(1)} px)`, charts.min >= 12,
        `"${charts.where}" is ${charts.min.toFixed(2)} px`);
    }
    if (shots[p]) {
      mkdirSync(SHOTS, { recursive: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: join(SHOTS, `${label}-${shots[p]}-390.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width: 390, height: Math.min(height, 6000) },
      });
    }
    const lang = await page.evaluate(() => document.documentElement.lang);
    check(`${label} /${p}: lang="${want}"`, lang === want, lang);
  }
  check(`${label}: no script errors`, errors.length === 0, errors.join("\n"));
  check(`${label}: no request leaves 127.0.0.1`, external.length === 0, external.join("\n"));
  await context.close();
  server.close();
  return origin;
}

// Lighthouse (mobile, its default) against a local static server.
async function checkLighthouse(root, label, paths) {
  if (process.env.LIGHTHOUSE === "0") return;
  let cli;
  try { cli = require.resolve("lighthouse/cli/index.js"); } catch { check("lighthouse is installed", false, "npm ci in tests/browser"); return; }
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const p of paths) {
      const out = join(SHOTS, "..", `lighthouse-${label}-${p.replace(/[\/.]+/g, "-")}.json`);
      mkdirSync(dirname(out), { recursive: true });
      try {
        await new Promise((ok, fail) => {
          import("node:child_process").then(({ execFile }) => execFile(process.execPath, [cli, origin + "/" + p,
            "--quiet", "--output=json", `--output-path=${out}`,
            "--only-categories=performance,accessibility,best-practices,seo",
            `--chrome-flags=${CHROME_FLAGS.join(" ")}`],
            { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || "/usr/bin/chromium" }, timeout: 180000 },
            (err) => (err ? fail(err) : ok())));
        });
      } catch (e) {
        check(`${label} /${p}: lighthouse runs`, false, String(e).slice(0, 500));
        continue;
      }
      const r = JSON.parse(readFileSync(out, "utf8"));
      const score = (k) => Math.round((r.categories[k]?.score ?? 0) * 100);
      const failing = (k) => Object.values(r.audits).filter((a) => r.categories[k].auditRefs.some((x) => x.id === a.id && x.weight > 0) && a.score !== null && a.score < 1).map((a) => a.id).join(", ");
      for (const k of ["accessibility", "best-practices", "seo"]) {
        check(`${label} /${p}: lighthouse ${k} 100`, score(k) === 100, `${score(k)}: ${failing(k)}`);
      }
      check(`${label} /${p}: lighthouse performance >= 95 (${score("performance")})`, score("performance") >= 95, failing("performance"));
    }
  } finally {
    server.close();
  }
}

async function checkSearch(browser, root) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  for (const q of ["so khoa hoc", "SỞ KHOA HỌC", "VP UBND tinh", "de an 06"]) {
    await page.goto(`${origin}/tim-kiem/index.html?q=${encodeURIComponent(q)}`);
    await page.waitForSelector("#ket-qua ul", { timeout: 5000 }).catch(() => {});
    const first = await page.evaluate(() => {
      const a = document.querySelector("#ket-qua li a");
      return a ? a.textContent : "";
    });
    const want = q.startsWith("VP") ? "Văn phòng Ủy ban nhân dân tỉnh" : q.startsWith("de an") ? "Đề án 06" : "Sở Khoa học và Công nghệ";
    check(`search "${q}" finds ${want}`, first.includes(want), `first result: ${first}`);
  }
  // Counts and the rest of the results.
  await page.goto(`${origin}/tim-kiem/index.html?q=tinh`);
  await page.waitForSelector("#ket-qua .count", { timeout: 5000 }).catch(() => {});
  const count = await page.evaluate(() => document.querySelector("#ket-qua .count")?.textContent || "");
  const m = count.match(/Hiện (\d+) trên (\d+)/);
  check(`search "tinh" says how many of how many ("${count.slice(0, 40)}")`, m && Number(m[1]) === 50 && Number(m[2]) > 50, count);
  const shown = await page.evaluate(() => document.querySelectorAll("#ket-qua li").length);
  check("search shows 50 results first", shown === 50, shown);
  await page.click("#ket-qua button.more").catch(() => {});
  await page.waitForFunction((n) => document.querySelectorAll("#ket-qua li").length === n, m ? Number(m[2]) : -1, { timeout: 5000 }).catch(() => {});
  const all = await page.evaluate(() => document.querySelectorAll("#ket-qua li").length);
  check(`"Xem tất cả" shows all ${m ? m[2] : "?"} results`, m && all === Number(m[2]), all);
  const states = await page.evaluate(() => document.querySelectorAll("#ket-qua li .state").length);
  check("task results show their state", states > 0, states);
  await page.close();
  server.close();
}

// On an edition in another language than the content's (the demo's /en/),
// results whose titles are wholly content carry the content's language.
async function checkSearchLang(browser, root) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  await page.goto(`${origin}/en/search/index.html?q=${encodeURIComponent("so khoa hoc")}`);
  await page.waitForSelector("#ket-qua ul", { timeout: 5000 }).catch(() => {});
  const first = await page.evaluate(() => {
    const a = document.querySelector("#ket-qua li a");
    return a ? { text: a.textContent, lang: a.lang } : { text: "", lang: "" };
  });
  check(`English search result "${first.text.slice(0, 30)}" is marked lang=vi`, first.lang === "vi", first.lang);
  await page.close();
  server.close();
}

// Colours of state badges and chart segments on `paths`, gathered in `seen`
// (state key -> set of colours, by where they were seen).
async function gatherStateColours(browser, root, label, paths, seen) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  for (const p of paths) {
    await page.goto(`${origin}/${p}`);
    const found = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("span.state")) {
        const key = [...el.classList].find((c) => c.startsWith("state-"));
        if (key) out.push([key.slice(6), "badge", getComputedStyle(el).backgroundColor]);
      }
      for (const el of document.querySelectorAll("svg [class^='state-fill-']")) {
        out.push([el.getAttribute("class").slice(11), "chart", getComputedStyle(el).fill]);
      }
      return out;
    });
    for (const [key, kind, colour] of found) {
      if (!seen.has(key)) seen.set(key, new Map());
      const where = seen.get(key);
      if (!where.has(colour)) where.set(colour, `${kind} on ${label} /${p}`);
    }
  }
  await page.close();
  server.close();
}

function checkStateColours(seen) {
  const one = [...seen].filter(([, where]) => where.size !== 1);
  check(`each of ${seen.size} states has one colour for its badges and chart segments on every page`,
    seen.size > 0 && one.length === 0,
    one.map(([k, where]) => `${k}: ${[...where].map(([c, w]) => `${c} (${w})`).join(", ")}`).join("\n"));
  const byColour = new Map();
  for (const [key, where] of seen) for (const c of where.keys()) {
    byColour.set(c, [...(byColour.get(c) || []), key]);
  }
  const shared = [...byColour].filter(([, keys]) => new Set(keys).size > 1);
  check("different states have different colours", shared.length === 0,
    shared.map(([c, keys]) => `${c}: ${keys.join(", ")}`).join("\n"));
}

// The two walks of a reader on a phone (390 × 844), on the demo site.
async function checkWalks(browser, root) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  const screen = 844;
  // 1. "What is this agency late on?": home, then one tap.
  await page.goto(`${origin}/index.html`);
  let taps = 0;
  const first = page.locator("section.who-late ol li a").first();
  const agency = (await first.textContent()).trim();
  await Promise.all([page.waitForNavigation(), first.click()]);
  taps++;
  const late = await page.evaluate(() => {
    const h = document.querySelector("h2#qua-han, h2#overdue");
    const card = document.querySelector("section.late li.tk");
    return {
      url: location.pathname + location.hash,
      h1: document.querySelector("h1")?.textContent.trim(),
      heading: h?.textContent.trim(),
      cardTop: card ? card.getBoundingClientRect().top + window.scrollY : -1,
      cards: document.querySelectorAll("section.late li.tk").length,
    };
  });
  check(`walk 1: home → ${agency}'s overdue list in ${taps} tap(s) (at most 2)`,
    taps <= 2 && late.h1 === agency && /\(\d+\)/.test(late.heading || "") && late.cards > 0,
    JSON.stringify(late));
  check(`walk 1: the list starts within the first two screens (first card at ${Math.round(late.cardTop)} px)`,
    late.cardTop >= 0 && late.cardTop < 2 * screen, JSON.stringify(late));
  // 2. "Cite task 18's state as of an earlier month": one tap to the row
  // frozen in that month's snapshot, and a citation naming them.
  const task = `${origin}/ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html`;
  await page.goto(task);
  const month = await page.evaluate(() => {
    const li = document.querySelector("ol.hist li");
    return li && { month: li.querySelector(".m").textContent, state: li.querySelector(".state").textContent };
  });
  const link = page.locator("ol.hist li a").first();
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), link.click()]);
  // The browser scrolls to the row once the page is laid out.
  await page.waitForFunction(() => {
    const r = document.querySelector("tr:target");
    return r && r.getBoundingClientRect().top > -2 && r.getBoundingClientRect().top < window.innerHeight;
  }, null, { timeout: 3000 }).catch(() => {});
  const row = await page.evaluate(() => {
    const r = document.querySelector("tr:target");
    return { url: location.pathname + location.hash, text: r ? r.textContent.replace(/\s+/g, " ") : "",
      visible: r ? r.getBoundingClientRect().top > -2 && r.getBoundingClientRect().top < window.innerHeight : false };
  });
  check(`walk 2: task 18 → its row in the ${month?.month} snapshot in 1 tap, in view, state “${month?.state}”`,
    month && row.url.includes("/ban-luu/") && row.text.includes(month.state) && row.visible, JSON.stringify(row));
  await page.goto(task);
  await page.locator("ol.hist li button[data-cite]").first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => String(e));
  check(`walk 2: the copied citation names the task, its state and the as-of date`,
    /nhiệm vụ số 18/.test(copied) && month && copied.includes(month.state) && /tính đến ngày \d\d\/\d\d\/\d{4}/.test(copied),
    copied);
  await context.close();
  server.close();
}

// Page heights at 390 px (printed), and where each page type's h1 sits.
const PAGE_TYPES = [
  "index.html", "ke-hoach/index.html", "ke-hoach/223-kh-ubnd-2024/index.html",
  "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html", "co-quan/index.html", "co-quan/so-noi-vu/index.html",
  "co-quan/ubnd-phuong-minh-xuan/index.html", "co-quan/cac-so-ban-nganh/index.html", "tinh-trang/index.html",
  "lich/index.html", "lich/2025-09/index.html", "bao-cao/index.html", "bao-cao/2025-12/index.html",
  "bieu-do/index.html", "du-lieu/index.html", "tim-kiem/index.html", "ban-luu/2025-12/index.html",
  "ban-luu/2025-12/ke-hoach/114-kh-bcd-2025/index.html", "ban-luu/2025-12/tinh-trang/index.html",
  "ban-luu/2025-12/co-quan/index.html", "en/index.html", "en/plans/114-kh-bcd-2025/tasks/18/index.html",
];
// Heights before the compact cards (measured at ec1ecf0 on the demo site).
const BEFORE = { "tinh-trang/index.html": 61047, "ke-hoach/223-kh-ubnd-2024/index.html": 53716 };
async function checkHeights(browser, root) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const p of PAGE_TYPES) {
    const resp = await page.goto(`${origin}/${p}`);
    if (!resp || !resp.ok()) { check(`${p} exists`, false, resp && resp.status()); continue; }
    const m = await page.evaluate(() => {
      const h1 = document.querySelector("h1");
      return { height: document.documentElement.scrollHeight, h1: h1 ? h1.getBoundingClientRect().top + window.scrollY : -1 };
    });
    console.log(`# 390 px: /${p}: ${m.height} px high (${(m.height / 844).toFixed(1)} screens), h1 at ${Math.round(m.h1)} px`);
    check(`/${p}: h1 in the top third of the first screen (${Math.round(100 * m.h1 / 844)} %)`, m.h1 >= 0 && m.h1 < 844 / 3, m.h1);
    if (BEFORE[p]) {
      check(`/${p}: ${m.height} px high at 390 px, at most a third of ${BEFORE[p]} px`, m.height <= BEFORE[p] / 3, m.height);
    }
  }
  await page.close();
  server.close();
}

// Loads every page of the hostile site and the search page with payload
// queries; any dialog or any script error is a failure. Payloads call
// alert(); a global marker catches scripts that would not.
async function checkHostile(browser, root) {
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    return u.hostname === "127.0.0.1" ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  page.on("dialog", async (d) => { dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e}`));
  const pages = walk(root).filter((f) => f.endsWith(".html")).map((f) => f.slice(root.length + 1).split(sep).join("/"));
  const queries = ["script", "<script>alert('q')</script>", "\"><img src=x onerror=alert('q')>", "javascript:alert('q')", "Sở Thử", "ontoggle"];
  const urls = pages.map((p) => `${origin}/${p}`)
    .concat(queries.map((q) => `${origin}/tim-kiem/index.html?q=${encodeURIComponent(q)}`));
  let loaded = 0;
  for (const url of urls) {
    const resp = await page.goto(url, { waitUntil: "load" }).catch((e) => { errors.push(`${url}: ${e}`); return null; });
    if (resp && resp.ok()) loaded++;
    // Hover and focus every element, open every <details>: handlers that
    // would need an interaction get it.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("body *")) {
        for (const t of ["mouseover", "focus", "click", "toggle"]) {
          if (t === "click" && (el.tagName === "A" || el.tagName === "BUTTON" || el.tagName === "INPUT")) continue;
          el.dispatchEvent(new Event(t, { bubbles: false }));
        }
      }
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    if (url.includes("tim-kiem")) await page.waitForSelector("#ket-qua li", { timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(50);
  }
  check(`hostile: ${loaded} of ${urls.length} pages load`, loaded === urls.length, errors.slice(0, 10).join("\n"));
  check("hostile: no dialog opens on any page", dialogs.length === 0, dialogs.slice(0, 20).join("\n"));
  check("hostile: no script error on any page", errors.length === 0, errors.slice(0, 20).join("\n"));
  await context.close();
  server.close();
}

const PAGES = [
  "index.html", "ke-hoach/index.html", "ke-hoach/114-kh-bcd-2025/index.html",
  "ke-hoach/01-kh-bcd-minh-xuan-2026/index.html",
  "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html", "co-quan/index.html",
  "co-quan/so-khcn/index.html", "co-quan/cac-so-ban-nganh/index.html", "tinh-trang/index.html",
  "lich/index.html", "lich/2025-09/index.html", "bao-cao/index.html", "bieu-do/index.html",
  "du-lieu/index.html", "tim-kiem/index.html",
];
const SHOTS_OF = {
  "index.html": "home", "ke-hoach/114-kh-bcd-2025/index.html": "plan",
  "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html": "task", "co-quan/so-khcn/index.html": "agency",
  "bieu-do/index.html": "charts",
};
const LIGHTHOUSE_PAGES = [
  "index.html", "ke-hoach/114-kh-bcd-2025/index.html",
  "ke-hoach/114-kh-bcd-2025/nhiem-vu/18/index.html", "co-quan/so-khcn/index.html",
];
const DEMO_PAGES = [
  "index.html", "bao-cao/2025-12/index.html", "bieu-do/index.html",
  "ke-hoach/114-kh-bcd-2025/nhiem-vu/26/index.html", "ban-luu/2025-12/ke-hoach/114-kh-bcd-2025/index.html",
  "ke-hoach/223-kh-ubnd-2024/index.html", "tinh-trang/index.html", "co-quan/index.html",
  "co-quan/so-noi-vu/index.html", "co-quan/ubnd-phuong-minh-xuan/index.html", "lich/2025-09/index.html",
  "ban-luu/2025-12/tinh-trang/index.html",
];

const ENGLISH_PAGES = [
  "index.html", "plans/index.html", "plans/digital-action-plan/index.html",
  "plans/digital-action-plan/tasks/21/index.html", "agencies/index.html",
  "agencies/digital-office/index.html", "status/index.html", "calendar/index.html",
  "charts/index.html", "data/index.html", "search/index.html",
];
// The demo's English edition (same content, English interface and paths).
const DEMO_EN_PAGES = [
  "en/index.html", "en/plans/114-kh-bcd-2025/index.html",
  "en/plans/114-kh-bcd-2025/tasks/18/index.html", "en/agencies/index.html",
  "en/agencies/so-khcn/index.html", "en/status/index.html", "en/calendar/index.html",
  "en/calendar/2025-09/index.html", "en/reports/2025-12/index.html", "en/charts/index.html",
  "en/data/index.html", "en/search/index.html",
];

// On every page with a language switch: each switch link and each relative
// hreflang link resolves to a page whose lang is the one announced, and the
// twin's switch leads back. Returns the number of pages with a switch.
function checkSwitches(root, label) {
  const bad = [];
  let pages = 0;
  const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}="([^"]*)"`)) || [])[1];
  const langOf = (html) => (html.match(/<html lang="([^"]+)"/) || [])[1];
  const target = (file, href) => {
    let t = resolve(dirname(file), href.split("#")[0]);
    if (existsSync(t) && statSync(t).isDirectory()) t = join(t, "index.html");
    return t;
  };
  const switches = (html) => {
    const nav = (html.match(/<nav class="lang-switch"[\s\S]*?<\/nav>/) || [""])[0];
    return [...nav.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
  };
  for (const file of walk(root).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    const links = switches(html);
    if (links.length === 0) continue;
    pages++;
    const here = file.slice(root.length);
    for (const a of links) {
      const href = attr(a, "href"), lang = attr(a, "hreflang");
      if (attr(a, "lang") !== lang) bad.push(`${here}: switch link lang/hreflang differ: ${a}`);
      const t = target(file, href);
      if (!existsSync(t)) { bad.push(`${here}: switch ${href} missing`); continue; }
      const twin = readFileSync(t, "utf8");
      if (langOf(twin) !== lang) bad.push(`${here}: switch ${href} has lang ${langOf(twin)}, not ${lang}`);
      const back = switches(twin).map((b) => target(t, attr(b, "href")));
      // A snapshot (built in one language) switches to the live twin, which
      // switches back to the live page.
      const live = root + here.replace(/^\/ban-luu\/[^/]+\//, "/");
      if (!back.includes(file) && !back.includes(live)) bad.push(`${here}: ${href} does not switch back`);
    }
    for (const l of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)) {
      if (/^https?:/.test(l[2])) continue;
      const t = target(file, l[2]);
      if (!existsSync(t)) bad.push(`${here}: hreflang ${l[1]} ${l[2]} missing`);
      else if (l[1] !== "x-default" && langOf(readFileSync(t, "utf8")) !== l[1]) bad.push(`${here}: hreflang ${l[1]} ${l[2]} has another lang`);
    }
  }
  check(`${label}: ${pages} pages' language switches and hreflang links lead to their twins and back`,
    pages > 0 && bad.length === 0, bad.slice(0, 20).join("\n"));
  return pages;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  checkLinks(site, "site");
  await checkPages(browser, site, "site", PAGES, SHOTS_OF);
  await checkSearch(browser, site);
  const colours = new Map();
  await gatherStateColours(browser, site, "site", PAGES, colours);
  if (demo) {
    checkLinks(demo, "demo");
    if (existsSync(join(demo, "en/search/index.html"))) await checkSearchLang(browser, demo);
    await checkPages(browser, demo, "demo", DEMO_PAGES, { "bieu-do/index.html": "charts", "index.html": "home" });
    await checkWalks(browser, demo);
    await checkHeights(browser, demo);
    await gatherStateColours(browser, demo, "demo", [...DEMO_PAGES, "tinh-trang/index.html"], colours);
    if (checkSwitches(demo, "demo") > 0) {
      await checkPages(browser, demo, "demo-en", DEMO_EN_PAGES, { "en/index.html": "home" }, "en");
      await gatherStateColours(browser, demo, "demo-en", DEMO_EN_PAGES, colours);
    }
  }
  if (english) {
    checkLinks(english, "english");
    await checkPages(browser, english, "english", ENGLISH_PAGES, { "index.html": "home" }, "en");
  }
  checkStateColours(colours);
  if (hostile) {
    checkLinks(hostile, "hostile");
    await checkHostile(browser, hostile);
  }
} finally {
  await browser.close();
}
await checkLighthouse(site, "site", LIGHTHOUSE_PAGES);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
