import autocannon from "autocannon";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { nodePool } from "../scripts/db/node-pool.ts";
import { summarise, writeReport, type Row } from "./lib/report.ts";
import { call, publishSurvey, startStack } from "./lib/stack.ts";

const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 500);
const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 10);
const REPETITIONS = 3;
const BENCH_DB = "ckm_bench_webhooks";
const SECRET = "shpss_bench_0123456789abcdef0123456789";
const ORDER = readFileSync(new URL("../test/fixtures/webhooks/shopify-orders-create.json", import.meta.url), "utf8");

type Sent = { rate: number; p50: number; p99: number; errors: number };

/** DELIVERIES requests at CONNECTIONS concurrency, the n-th (from 1) shaped by `shape`. */
async function sendAll(url: string, method: "POST" | "PUT", shape: (n: number) => { path: string; body: string; headers: Record<string, string> }): Promise<Sent> {
  let n = 0;
  const result = await autocannon({ url, connections: CONNECTIONS, amount: DELIVERIES, requests: [{ method, setupRequest: (request) => ({ ...request, ...shape(++n) }) }] });
  return { rate: result["2xx"] / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Signed Shopify orders/create deliveries, each a new event of a new order. */
function receive(url: string, integrationId: string, run: number): Promise<Sent> {
  return sendAll(url, "POST", (n) => {
    const id = `${run}${String(n).padStart(9, "0")}`;
    const body = ORDER.replaceAll("820982911946154508", `9${id}`);
    const headers = {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": "bench.myshopify.com",
      "x-shopify-webhook-id": `w-${id}`,
      "x-shopify-event-id": `e-${id}`,
    };
    return { path: `/v1/hooks/${integrationId}`, body, headers };
  });
}

const PAGE_ORIGIN = "https://shop.bench.example";
const answerBody = (surveyId: string, visitor: string) =>
  JSON.stringify({ surveyId, version: 1, visitorId: visitor, language: "en", answers: { nps: visitor.length % 11 }, complete: true, startedAt: new Date(Date.now() - 30_000).toISOString() });

/**
 * Completed widget answers, each from a new visitor at a new address (the widget's limits are
 * per visitor and per address), with a publishable key from an allowed origin.
 */
function answer(url: string, key: string, surveyId: string, run: number): Promise<Sent> {
  return sendAll(url, "PUT", (n) => ({
    path: `/v1/widget/responses/${crypto.randomUUID()}`,
    body: answerBody(surveyId, `bench-${run}-${n}`),
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, origin: PAGE_ORIGIN, "cf-connecting-ip": `10.${run}.${(n >> 8) & 255}.${n & 255}` },
  }));
}

/** The same number of single-row INSERTs of the same bodies, from Node, over the same connections. */
async function rawInserts(pool: ReturnType<typeof nodePool>, body = ORDER): Promise<number> {
  await pool.query("CREATE TABLE IF NOT EXISTS bench_raw (id text PRIMARY KEY, topic text NOT NULL, payload text NOT NULL)");
  await pool.query("TRUNCATE bench_raw");
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        for (let i = next++; i < DELIVERIES; i = next++) await client.query("INSERT INTO bench_raw VALUES ($1, $2, $3)", [`e-${i}`, "orders/create", body]);
      } finally {
        client.release();
      }
    }),
  );
  return DELIVERIES / ((performance.now() - started) / 1000);
}

/**
 * Signed webhook deliveries per second through `wrangler dev` (verify, record, queue; the queue
 * consumer processing them at the same time), and completed widget answers per second, with
 * autocannon at a fixed concurrency, each next to single-row INSERTs of the same bodies from Node
 * through the same database path.
 */
export async function run(): Promise<string> {
  const stack = await startStack(BENCH_DB, Number(process.env.BENCH_WEBHOOK_PORT ?? 8811));
  const { worker } = stack;
  const pool = nodePool(stack.bridge, CONNECTIONS);
  const ours: Sent[] = [];
  const reference: number[] = [];
  const answers: Sent[] = [];
  const answerReference: number[] = [];
  const ceiling: string[] = [];
  try {
    for (const path of ["/.well-known/jwks.json", "/health"]) {
      const result = await autocannon({ url: `${worker.url}${path}`, connections: CONNECTIONS, amount: DELIVERIES });
      ceiling.push(`\`GET ${path}\` ${(result["2xx"] / result.duration).toFixed(0)} requests/s`);
    }
    const owner = await call(worker.url, "POST", "/v1/signup", undefined, { company: "Bench", name: "Bench", email: "bench-webhooks@example.com", password: "a long benchmark passphrase" });
    const token = owner.tokens.accessToken;
    const { integration } = await call(worker.url, "POST", "/v1/integrations", token, { platform: "shopify", name: "Bench shop", secret: SECRET });
    const { publishableKey: publishable, surveyId } = await publishSurvey(worker.url, token, PAGE_ORIGIN);
    for (let r = 0; r < REPETITIONS; r++) {
      ours.push(await receive(worker.url, integration.id, r + 1));
      reference.push(await rawInserts(pool));
      answers.push(await answer(worker.url, publishable, surveyId, r + 1));
      answerReference.push(await rawInserts(pool, answerBody(surveyId, "bench-reference")));
    }
  } finally {
    await pool.end();
    await stack.close();
  }
  const rate = summarise(ours.map((sample) => sample.rate));
  const answerRate = summarise(answers.map((sample) => sample.rate));
  const latency = (samples: Sent[], pick: (sample: Sent) => number) => summarise(samples.map(pick)).median.toFixed(0);
  const errors = (samples: Sent[]) => samples.reduce((sum, s) => sum + s.errors, 0);
  const rows: Row[] = [
    { measure: `webhook receive: signed Shopify deliveries accepted per second, ${CONNECTIONS} connections (p50 ${latency(ours, (s) => s.p50)} ms, p99 ${latency(ours, (s) => s.p99)} ms, ${errors(ours)} errors)`, ours: rate.median, reference: summarise(reference).median, unit: "deliveries/s vs INSERTs/s", spread: rate.spread, goal: "ratio ≥ 0.5 (within 2x)" },
    { measure: `widget answers: completed responses stored per second, ${CONNECTIONS} connections (p50 ${latency(answers, (s) => s.p50)} ms, p99 ${latency(answers, (s) => s.p99)} ms, ${errors(answers)} errors)`, ours: answerRate.median, reference: summarise(answerReference).median, unit: "answers/s vs INSERTs/s", spread: answerRate.spread, goal: "none set by the surveys issue; 0 errors" },
  ];
  return writeReport(
    "webhook-receive",
    "Ingest: webhook receive and widget answers vs raw single-row INSERTs",
    [
      `Ours: ${DELIVERIES} Shopify orders/create deliveries (${ORDER.length} bytes, each a new event and order) per run, signed, sent by autocannon with ${CONNECTIONS} connections to \`wrangler dev\`; the queue consumer processes them meanwhile.`,
      `Reference: ${DELIVERIES} single-row INSERTs of the same bodies from Node (Neon driver, local bridge, same database), ${CONNECTIONS} sessions. Median of ${REPETITIONS} runs.`,
      `For scale, the same \`wrangler dev\` at the same concurrency answers ${ceiling.join(" (no database) and ")} (one new database connection and one query per request, as every Worker request opens its own).`,
      `Widget answers: ${DELIVERIES} completed responses per run (PUT /v1/widget/responses/{id}, a publishable key from an allowed origin, each a new visitor and address), against single-row INSERTs of the same bodies.`,
      `Latencies are medians of runs; errors count non-2xx answers too. Worker (workerd) peak resident memory ${worker.peakRssMiB().toFixed(0)} MiB.`,
    ],
    rows,
    `PostgreSQL ${stack.postgresVersion}`,
  );
}
