// Search index checks against a built site, in Node (no browser needed):
// - fold in tim-kiem.js agrees with Rust's fold on tests/fold_samples.json;
// - ranking: the agency "Sở Khoa học và Công nghệ" first for "so khoa hoc"
//   (a query that begins an agency's name or alias names it), tasks before
//   agencies otherwise, exact diacritics first ("số" vs "sở"), states
//   carried on task results;
// - counts: "N trên M" — total counts every match, results stop at the limit,
//   and asking for all returns all.
// Usage: node search-index.mjs SITE_DIR   (prints "N passed, N failed")
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { fold, search } = require(join(here, "../../themes/default/static/tim-kiem.js"));
const site = resolve(process.argv[2] || "output");
const load = (p) => Promise.resolve(JSON.parse(readFileSync(join(site, "tim-kiem", p), "utf8")));

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${name}`); }
  else { failed++; console.log(`not ok - ${name}\n  ${detail ?? ""}`); }
}

const samples = JSON.parse(readFileSync(join(here, "../fold_samples.json"), "utf8"));
const bad = samples.filter(([i, want]) => fold(i) !== want);
check(`fold agrees with Rust on ${samples.length} samples`, bad.length === 0,
  bad.map(([i, w]) => `${JSON.stringify(i)} -> ${JSON.stringify(fold(i))}, want ${JSON.stringify(w)}`).join("\n  "));

const words = (s) => s.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u);

let r = await search("so khoa hoc", load, 50);
check(`"so khoa hoc" ranks the agency first`, r.results[0]?.title === "Sở Khoa học và Công nghệ", r.results[0]?.title);

r = await search("VP UBND tinh", load, 50);
check(`"VP UBND tinh" (an alias) ranks the agency first`, r.results[0]?.title === "Văn phòng Ủy ban nhân dân tỉnh", r.results[0]?.title);
r = await search("cong nghe", load, 0);
const firstAgency = r.results.findIndex((x) => x.kind === "Cơ quan");
const lastTask = r.results.map((x) => x.kind === "Nhiệm vụ").lastIndexOf(true);
check(`"cong nghe" names no agency: tasks rank before agencies`, r.results[0]?.kind === "Nhiệm vụ" && firstAgency > lastTask,
  `first ${r.results[0]?.kind}; first agency at ${firstAgency}, last task at ${lastTask}`);

r = await search("Sở", load, 50);
check(`"Sở" ranks titles with "sở" (exact diacritics) first`, words(r.results[0]?.title || "").includes("sở"), r.results[0]?.title);
r = await search("số", load, 50);
check(`"số" ranks titles with "số" first`, words(r.results[0]?.title || "").includes("số"), r.results[0]?.title);
const firstOther = r.results.findIndex((x) => !words(x.title).includes("số"));
const lastExact = r.results.map((x) => words(x.title).includes("số")).lastIndexOf(true);
check(`"số": every exact match comes before the others`, firstOther === -1 || lastExact < firstOther, `${lastExact} vs ${firstOther}`);

const tasks = r.results.filter((x) => x.kind === "Nhiệm vụ");
check("task results carry their state", tasks.length > 0 && tasks.every((x) => x.state && x.stateLabel), JSON.stringify(tasks[0]));

// Counts: independent count from every token shard (listed in meta.json;
// posting lists are delta-encoded).
const q = "tinh";
const meta = JSON.parse(readFileSync(join(site, "tim-kiem/meta.json"), "utf8"));
const ids = new Set();
for (const [, file] of meta.shards) {
  const shard = JSON.parse(readFileSync(join(site, "tim-kiem", file), "utf8"));
  for (const [t, list] of Object.entries(shard)) {
    if (!t.startsWith(q)) continue;
    let id = 0;
    list.forEach((d) => { id += d; ids.add(id); });
  }
}
r = await search(q, load, 50);
check(`"${q}": total counts every match (${ids.size})`, r.total === ids.size, `${r.total} vs ${ids.size}`);
check(`"${q}": results stop at 50 when there are more`, ids.size <= 50 || r.results.length === 50, r.results.length);
const all = await search(q, load, 0);
check(`"${q}": asking for all gives all ${ids.size}`, all.results.length === ids.size, all.results.length);
check(`"${q}": the first 50 are the first 50 of all`, JSON.stringify(all.results.slice(0, 50)) === JSON.stringify(r.results), "order differs");

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
