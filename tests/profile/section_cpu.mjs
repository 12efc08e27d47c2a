// Samples the dashboard's main thread with V8's CPU profiler while a
// section loads, in headless Chromium, and prints, per load, the longest
// run of samples without an idle one (about the longest task) and the
// project's functions inside it; then, over all loads, inclusive and self
// time per function in those runs. Build the dashboard with its names kept
// (`XTASK_WASM_NAMES=1 cargo xtask build-dashboard`, or start `cargo xtask
// demo` with it) so wasm frames carry Rust names.
//
//   node tests/profile/section_cpu.mjs DASHBOARD_URL SITE_KEY SECRET HASH READY [LOADS]
//
// e.g. `… http://127.0.0.1:8787/dashboard/?locale=en-US pk_demo sk_… '#/wording'
// '#wording-csat-title' 10`. The sampler counts wall time: on a busy
// two-core machine a task waiting for a core shows as time in whatever
// ran last, so read several loads, not one. puppeteer-core comes with
// Lighthouse (package-lock.json).

import { createRequire } from "node:module";

const require = createRequire(new URL("../../package.json", import.meta.url));
const puppeteer = require("puppeteer-core");

const [url, key, secret, hash, ready, loadsArg = "10"] = process.argv.slice(2);
if (!url || !key || !secret || !hash || !ready) {
  console.error("usage: section_cpu.mjs DASHBOARD_URL SITE_KEY SECRET HASH READY [LOADS]");
  process.exit(2);
}
const loads = Math.min(Math.max(Number(loadsArg) || 10, 1), 100);
const OURS = /^(dashboard|wording_editor|settings_section|compare_section|conversation_section|l10n|widget)::/;
const IDLE = new Set(["(idle)", "(program)"]);

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", `--user-data-dir=/tmp/section-cpu-${process.pid}`],
});
const page = await browser.newPage();
await page.goto(url);
await page.evaluate((k, s) => {
  sessionStorage.setItem("feedback-dashboard:site-key", k);
  sessionStorage.setItem("feedback-dashboard:secret", s);
}, key, secret);
const cdp = await page.createCDPSession();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });

const add = (map, name, ms) => map.set(name, (map.get(name) || 0) + ms);
const short = (name) => name.replace(/::h[0-9a-f]{16}$/, "");
const inclusive = new Map();
const self = new Map();
let busiest = 0;
for (let load = 0; load < loads; load++) {
  await page.goto("about:blank");
  await cdp.send("Profiler.start");
  await page.goto(url + hash);
  await page.waitForSelector(ready, { timeout: 60000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  const { profile } = await cdp.send("Profiler.stop");
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const name = (node) =>
    node.callFrame.functionName || `(anonymous ${node.callFrame.url.split("/").pop()}:${node.callFrame.lineNumber})`;
  const deltas = profile.timeDeltas;
  // The longest run of samples with no idle one between.
  let [from, to, longest] = [0, -1, 0];
  let [start, run] = [0, 0];
  profile.samples.forEach((id, i) => {
    if (IDLE.has(nodes.get(id).callFrame.functionName)) {
      [start, run] = [i + 1, 0];
      return;
    }
    run += (deltas[i + 1] ?? 0) / 1000;
    if (run > longest) [from, to, longest] = [start, i, run];
  });
  busiest += longest;
  const ours = new Map();
  for (let i = from; i <= to; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    let id = profile.samples[i];
    add(self, name(nodes.get(id)), ms);
    const seen = new Set();
    for (; id !== undefined; id = parent.get(id)) {
      const fn = name(nodes.get(id));
      if (seen.has(fn)) continue;
      seen.add(fn);
      add(inclusive, fn, ms);
      if (OURS.test(fn)) add(ours, short(fn), ms);
    }
  }
  const mine = [...ours].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`load ${load + 1}: ${longest.toFixed(1)} ms: ${mine.map(([fn, ms]) => `${fn} ${ms.toFixed(1)}`).join(", ")}`);
}
const top = (map, count) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, ms]) => `${(ms / loads).toFixed(1).padStart(7)} ms  ${short(fn).slice(0, 140)}`)
    .join("\n");
console.log(`\nthe longest run, mean ${(busiest / loads).toFixed(1)} ms a load`);
console.log(`inclusive, per load:\n${top(inclusive, 40)}\nself, per load:\n${top(self, 25)}`);
await browser.close();
