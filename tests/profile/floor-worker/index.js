// The local stack's floor for ingest, for `cargo xtask bench --ingest
// --floor`: a Worker that takes the same request as `POST /v1/events` and
// writes each event as one plain row (no validation, no secret, no index
// but the key, no trigger), in one D1 batch a request. What it reaches on
// this machine is what wrangler's proxy, workerd and local D1 allow any
// ingest; the collector's figure next to it says how much of that its own
// work takes. Not deployed, not part of the product.
//
// Three optional variables make its batch look like another's, to find
// what a batch's shape costs (BENCHMARKS.md, "Fewer statements"); the
// bench sets none of them:
// - `EXTRA_STATEMENTS`: that many more statements a batch, each a read
//   that does nothing (`SELECT 1 WHERE 0`);
// - `SQL_PADDING`: each insert's SQL text longer by that many bytes (a
//   comment);
// - `BODY_COPIES`: each insert binds the body that many times (2 or 3).
// e.g. `wrangler dev --port 8799 --var EXTRA_STATEMENTS:133`, then
// `target/release/loadgen ingest http://127.0.0.1:8799 SITES.json 100 10 8`.

let table;

/** The one table, made once per isolate. */
function ready(db) {
  table ??= db.exec(
    "CREATE TABLE IF NOT EXISTS floor (site_key TEXT NOT NULL, event_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (site_key, event_id))",
  );
  return table;
}

/** A whole number from a variable, within 0..=max. */
function count(value, max) {
  const n = Number(value ?? 0);
  return Number.isInteger(n) ? Math.min(Math.max(n, 0), max) : 0;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/v1/health") {
      return new Response("ok");
    }
    if (request.method !== "POST" || pathname !== "/v1/events") {
      return new Response("not found", { status: 404 });
    }
    let envelope;
    try {
      envelope = JSON.parse(await request.text());
    } catch {
      return new Response("not JSON", { status: 400 });
    }
    const events = Array.isArray(envelope?.events) ? envelope.events.slice(0, 100) : [];
    await ready(env.DB);
    const padding = count(env.SQL_PADDING, 100_000);
    const copies = Math.max(count(env.BODY_COPIES, 3), 1);
    const comment = padding > 0 ? ` /*${"x".repeat(padding)}*/` : "";
    // The body's copies are bound and read, and nothing else.
    const checks = Array.from({ length: copies - 1 }, (_, i) => `length(?${4 + i}) >= 0`);
    const insert = env.DB.prepare(
      checks.length === 0
        ? `INSERT INTO floor (site_key, event_id, body) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING${comment}`
        : "INSERT INTO floor (site_key, event_id, body) SELECT ?1, ?2, ?3 " +
            `WHERE ${checks.join(" AND ")} ON CONFLICT DO NOTHING${comment}`,
    );
    const statements = events.map((event) => {
      const body = JSON.stringify(event);
      return insert.bind(String(envelope.site_key), String(event?.id), ...Array(copies).fill(body));
    });
    const nothing = env.DB.prepare("SELECT 1 WHERE 0");
    for (let i = count(env.EXTRA_STATEMENTS, 1000); i > 0; i--) {
      statements.push(nothing);
    }
    await env.DB.batch(statements);
    return Response.json({ accepted: events.length });
  },
};
