// Samples the local Worker's CPU through wrangler dev's DevTools inspector
// (the V8 CPU profiler of the workerd isolate) for a number of seconds,
// then prints where the time went: self time per function, the heaviest
// first, and the same grouped by crate. Wasm frames carry the Rust names
// from the Worker's name section.
//
//   node tests/profile/worker_cpu.mjs PORT SECONDS [TOP] [OUT.cpuprofile]
//
// Run by `cargo xtask bench --ingest --profile` while the load runs. The
// WebSocket is the `ws` package from the repository's node_modules (locked
// in package-lock.json): wrangler's inspector proxy refuses the handshake
// of Node 20's own WebSocket (undici's), with a non-101 answer.

import { createRequire } from "node:module";

const WebSocket = createRequire(new URL("../../package.json", import.meta.url))("ws");

const [port, seconds, top = "30", out] = process.argv.slice(2);
if (!port || !seconds) {
  console.error("usage: worker_cpu.mjs PORT SECONDS [TOP] [OUT.cpuprofile]");
  process.exit(2);
}

const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
const target = targets.find((t) => t.webSocketDebuggerUrl);
if (!target) {
  console.error(`no inspectable Worker on port ${port}: ${JSON.stringify(targets)}`);
  process.exit(1);
}

const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => {
  socket.once("open", resolve);
  socket.once("error", reject);
});
let next = 0;
const waiting = new Map();
socket.on("message", (data) => {
  const message = JSON.parse(String(data));
  const answer = waiting.get(message.id);
  if (answer) {
    waiting.delete(message.id);
    if (message.error) answer.reject(new Error(JSON.stringify(message.error)));
    else answer.resolve(message.result);
  }
});
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });

// wrangler's proxy turns on the Network domain for DevTools; left on,
// workerd keeps every request's sockets for it and runs out of file
// descriptors under load ("Too many open files").
await send("Network.disable");
await send("Profiler.enable");
// 200 µs: fine enough for a request of a few milliseconds.
await send("Profiler.setSamplingInterval", { interval: 200 });
await send("Profiler.start");
await new Promise((resolve) => setTimeout(resolve, Number(seconds) * 1000));
const { profile } = await send("Profiler.stop");
socket.close();
if (out) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(out, JSON.stringify(profile));
}

// Self time per node: its samples times the interval between them.
const interval = profile.samples.length
  ? (profile.endTime - profile.startTime) / profile.samples.length
  : 0;
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const count = hits.get(node.id) ?? 0;
  if (count === 0) continue;
  const frame = node.callFrame;
  const name = frame.functionName || `(anonymous ${frame.url}:${frame.lineNumber})`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + count * interval);
  total += count * interval;
}
const idle = byFunction.get("(idle)") ?? 0;
const busy = total - idle;
const percent = (us) => ((100 * us) / busy).toFixed(1).padStart(5);
const ms = (us) => (us / 1000).toFixed(0).padStart(7);
// "edge_worker::store::ingest::write::h0123" -> "edge_worker"; JS and V8's
// own entries keep their name.
const crate = (name) => {
  const plain = name.replace(/^<+/, "").replace(/^(&mut |&|dyn )/, "");
  const found = /^([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(plain);
  return found ? found[1] : name.startsWith("(") ? name : "JavaScript and V8";
};
const byCrate = new Map();
for (const [name, us] of byFunction) {
  if (name === "(idle)") continue;
  byCrate.set(crate(name), (byCrate.get(crate(name)) ?? 0) + us);
}
const sorted = (map) => [...map].filter(([name]) => name !== "(idle)").sort((a, b) => b[1] - a[1]);

console.log(
  `sampled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s ` +
    `(${profile.samples.length} samples, ${interval.toFixed(0)} µs apart)`,
);
console.log("\nself time by function (ms, % of busy):");
for (const [name, us] of sorted(byFunction).slice(0, Number(top))) {
  console.log(`${ms(us)} ${percent(us)}%  ${name.slice(0, 140)}`);
}
console.log("\nself time by crate:");
for (const [name, us] of sorted(byCrate).slice(0, 15)) {
  console.log(`${ms(us)} ${percent(us)}%  ${name}`);
}
