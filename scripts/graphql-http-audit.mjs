// Runs the graphql-http server audit (GraphQL over HTTP conformance) against
// the URL given as the first argument; graphql-http is imported from the
// directory in GRAPHQL_HTTP_DIR (installed there by graphql-http-audit.sh).
// Prints every result; exits 1 if any is an error (warnings and notices are
// listed, not failed).
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const url = process.argv[2];
const dir = process.env.GRAPHQL_HTTP_DIR;
if (!url || !dir) {
  console.error("usage: GRAPHQL_HTTP_DIR=dir node graphql-http-audit.mjs URL");
  process.exit(2);
}
const { auditServer } = await import(pathToFileURL(join(dir, "node_modules/graphql-http/lib/index.mjs")).href);

const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  counts[r.status]++;
  if (r.status === "ok") {
    console.log(`ok     ${r.name}`);
  } else {
    let body = "";
    try {
      body = JSON.stringify(await r.response.clone().text());
    } catch {}
    console.log(`${r.status.padEnd(6)} ${r.name}: ${r.reason}${body ? " — response " + body.slice(0, 200) : ""}`);
  }
}
console.log(`graphql-http audit: ${results.length} audits, ${counts.ok} ok, ${counts.notice} notices, ${counts.warn} warnings, ${counts.error} errors`);
process.exit(counts.error > 0 ? 1 : 0);
