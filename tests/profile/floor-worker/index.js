// The local stack's floor for ingest, for `cargo xtask bench --ingest
// --floor`: a Worker that takes the same request as `POST /v1/events` and
// writes each event as one plain row (no validation, no secret, no index
// but the key, no trigger), in one D1 batch a request. What it reaches on
// this machine is what wrangler's proxy, workerd and local D1 allow any
// ingest; the collector's figure next to it says how much of that its own
// work takes. Not deployed, not part of the product.

let table;

/** The one table, made once per isolate. */
function ready(db) {
  table ??= db.exec(
    "CREATE TABLE IF NOT EXISTS floor (site_key TEXT NOT NULL, event_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (site_key, event_id))",
  );
  return table;
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
    const insert = env.DB.prepare(
      "INSERT INTO floor (site_key, event_id, body) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    );
    await env.DB.batch(
      events.map((event) => insert.bind(String(envelope.site_key), String(event?.id), JSON.stringify(event))),
    );
    return Response.json({ accepted: events.length });
  },
};
