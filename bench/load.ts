import autocannon from "autocannon";
import { createHmac } from "node:crypto";
import type { RunningWorker } from "../scripts/dev-worker.ts";
import { postgresPssMiB } from "./lib/postgres-memory.ts";
import { liveHeapMiB } from "./lib/worker-heap.ts";
import { writeReport, type Row } from "./lib/report.ts";
import { call, psql, publishSurvey, startStack } from "./lib/stack.ts";

const BENCH_DB = "ckm_bench_load";
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 8814);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const PAGE_ORIGIN = "https://shop.bench.example";
/** Target rates per second: mostly reads, then shop webhooks, then widget answers (under the widget's per-address limit). */
const RATES = { reads: 30, webhooks: 8, widget: 1 };

type Stream = { name: keyof typeof RATES; requests: number; ok: number; errors: number; p50: number; p99: number; seconds: number };

type Tenant = { secretKey: string; customerIds: string[]; integrationId: string; webhookKey: Buffer; publishableKey: string; surveyId: string };

/** A tenant with 200 customers, a generic integration, and a published survey its widget may answer from PAGE_ORIGIN. */
async function seedTenant(url: string): Promise<Tenant> {
  const owner = await call(url, "POST", "/v1/signup", undefined, { company: "Bench Load", name: "Bench", email: "bench-load@example.com", password: "a long benchmark passphrase" });
  const token = owner.tokens.accessToken;
  const { publishableKey, surveyId } = await publishSurvey(url, token, PAGE_ORIGIN);
  const secretKey = (await call(url, "POST", "/v1/api-keys", token, { name: "bench reads", kind: "secret", role: "analyst" })).key;
  const customerIds: string[] = [];
  for (let i = 0; i < 200; i++) customerIds.push((await call(url, "POST", "/v1/customers", token, { name: `Load Customer ${i}`, email: `load-${i}@example.com` })).id);
  const { integration, secret } = await call(url, "POST", "/v1/integrations", token, { platform: "generic", name: "Bench hooks" });
  return { secretKey, customerIds, integrationId: integration.id, webhookKey: Buffer.from(secret.replace(/^whsec_/, ""), "base64"), publishableKey, surveyId };
}

function stream(name: Stream["name"], url: string, seconds: number, requests: autocannon.Request[]): Promise<Stream> {
  const amount = Math.round(RATES[name] * seconds);
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: Math.max(1, Math.ceil(RATES[name] / 5)), overallRate: RATES[name], amount, requests, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      resolve({ name, requests: result.requests.total, ok: result["2xx"], errors: result.errors + result.non2xx + result.timeouts, p50: result.latency.p50, p99: result.latency.p99, seconds: result.duration });
    });
  });
}

/** Reads, signed webhook deliveries and widget answers at their target rates, all at once, for `seconds`. */
function mixed(worker: RunningWorker, tenant: Tenant, seconds: number, round: number): Promise<Stream[]> {
  let n = 0;
  const pick = () => tenant.customerIds[n++ % tenant.customerIds.length]!;
  const auth = { authorization: `Bearer ${tenant.secretKey}` };
  return Promise.all([
    stream("reads", worker.url, seconds, [
      { method: "GET", path: "/v1/customers?limit=20", headers: auth },
      { method: "GET", path: "/v1/customers?q=Load%20Customer%201&limit=20", headers: auth },
      { method: "GET", setupRequest: (request) => ({ ...request, path: `/v1/customers/${pick()}`, headers: auth }) },
    ]),
    stream("webhooks", worker.url, seconds, [
      {
        method: "POST",
        path: `/v1/hooks/${tenant.integrationId}`,
        setupRequest(request) {
          const id = `msg_${round}_${++n}`;
          const timestamp = Math.floor(Date.now() / 1000);
          const body = JSON.stringify({ type: "customer.updated", timestamp: new Date().toISOString(), data: { id: `cust_${round}_${n}`, email: `hook-${round}-${n}@example.com`, name: "Hook Customer", updatedAt: new Date().toISOString() } });
          const signature = createHmac("sha256", tenant.webhookKey).update(`${id}.${timestamp}.${body}`).digest("base64");
          return { ...request, body, headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` } };
        },
      },
    ]),
    stream("widget", worker.url, seconds, [
      {
        method: "PUT",
        setupRequest(request) {
          const body = JSON.stringify({ surveyId: tenant.surveyId, version: 1, visitorId: `visitor-${round}-${++n}`, language: "en", answers: { nps: n % 11 }, complete: true, startedAt: new Date(Date.now() - 30_000).toISOString() });
          return { ...request, path: `/v1/widget/responses/${crypto.randomUUID()}`, body, headers: { "content-type": "application/json", authorization: `Bearer ${tenant.publishableKey}`, origin: PAGE_ORIGIN } };
        },
      },
    ]),
  ]);
}

const MEMORY_KEYS = ["workerd", "wrangler", "bench", "postgres"] as const;
type MemoryKey = (typeof MEMORY_KEYS)[number];
/** The tenant's segmentation runs as "14:02:11 for 2.4 s (cluster 1.9 s, ...)" (UTC, stages of 0.1 s or more), oldest first. */
function segmentationRunsOf(databaseUrl: string): string {
  const lines = psql(
    `select to_char(started_at at time zone 'UTC', 'HH24:MI:SS') || ' for ' || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s'
            || coalesce(' (' || (select string_agg(key || ' ' || round(value::numeric / 1000, 1) || ' s', ', ' order by value::numeric desc)
                                   from jsonb_each_text(diagnostics -> 'timings') where value::numeric >= 100) || ')', '')
       from segmentation_runs where finished_at is not null order by started_at`,
    databaseUrl,
  );
  return lines.split("\n").filter(Boolean).join("; ");
}

/** `minute`: the soak round the sample was taken in (0 for the first), whatever its wall-clock length. */
type MemorySample = { minute: number } & Record<MemoryKey, number>;
const PROCESS_NAMES: Record<MemoryKey, string> = {
  workerd: "workerd (the Worker) resident",
  wrangler: "wrangler dev's own processes resident",
  bench: "bench process (bridge, load generator) resident",
  postgres: "PostgreSQL server (all its processes, proportional)",
};

/** The mean of each soak round's samples, as "0: 412, 1: 430, ...". */
function byMinute(memory: MemorySample[], key: MemoryKey): string {
  const minutes = new Map<number, number[]>();
  for (const sample of memory) minutes.set(sample.minute, [...(minutes.get(sample.minute) ?? []), sample[key]]);
  return [...minutes].map(([minute, values]) => `${minute}: ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(0)}`).join(", ");
}

/**
 * A bounded load test on loopback: reads, webhook ingest and widget answers at fixed rates
 * against `wrangler dev` on the local PostgreSQL, then the same mix for a soak of several
 * minutes with the Worker's memory sampled throughout. Every answer must be a 2xx.
 */
export async function run(): Promise<string> {
  const stack = await startStack(BENCH_DB, PORT);
  const { worker } = stack;
  const memory: MemorySample[] = [];
  let round = 0;
  const sample = () =>
    memory.push({ minute: round, workerd: worker.rssMiB(), wrangler: worker.toolingRssMiB(), bench: process.memoryUsage().rss / 2 ** 20, postgres: postgresPssMiB() });
  let load: Stream[];
  const soak: Stream[][] = [];
  /** The Worker's live heap after a full collection at the start of each soak minute and at its end. */
  const heap: number[] = [];
  const roundStarts: string[] = [];
  let backgroundRuns = "";
  try {
    const tenant = await seedTenant(worker.url);
    load = await mixed(worker, tenant, LOAD_SECONDS, 0);
    sample();
    const sampler = setInterval(sample, 15_000);
    for (; round < SOAK_MINUTES; round++) {
      heap.push(await liveHeapMiB(PORT + 1000));
      roundStarts.push(new Date().toISOString().slice(11, 19));
      soak.push(await mixed(worker, tenant, 60, round + 1));
    }
    clearInterval(sampler);
    round = SOAK_MINUTES - 1;
    sample();
    heap.push(await liveHeapMiB(PORT + 1000));
    backgroundRuns = segmentationRunsOf(stack.databaseUrl);
  } finally {
    await stack.close();
  }

  const rows: Row[] = load.map((s) => ({
    measure: `load ${LOAD_SECONDS} s: ${s.name} (${s.requests} requests, ${s.errors} errors, p50 ${s.p50} ms, p99 ${s.p99} ms)`,
    ours: s.ok / s.seconds,
    reference: RATES[s.name],
    unit: "answered/s vs target/s",
    spread: `${s.errors} errors`,
    goal: "ratio 1.00, 0 errors",
  }));
  const soakTotals = Object.keys(RATES).map((name) => {
    const minutes = soak.map((round) => round.find((s) => s.name === name)!);
    const sum = (pick: (s: Stream) => number) => minutes.reduce((a, s) => a + pick(s), 0);
    const p50s = minutes.map((s) => s.p50).sort((a, b) => a - b);
    return {
      name,
      requests: sum((s) => s.requests),
      errors: sum((s) => s.errors),
      rate: sum((s) => s.ok) / sum((s) => s.seconds),
      p50: p50s[Math.floor(p50s.length / 2)]!,
      p99: Math.max(...minutes.map((s) => s.p99)),
    };
  });
  for (const t of soakTotals) {
    rows.push({
      measure: `soak ${SOAK_MINUTES} min: ${t.name} (${t.requests} requests, ${t.errors} errors, median minute p50 ${t.p50} ms, worst minute p99 ${t.p99} ms)`,
      ours: t.rate,
      reference: RATES[t.name as Stream["name"]],
      unit: "answered/s vs target/s",
      spread: `${t.errors} errors`,
      goal: "ratio 1.00, 0 errors",
    });
  }
  const middleMinute = Math.floor(SOAK_MINUTES / 2);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const minuteMean = (key: MemoryKey, pick: (minute: number) => boolean) => mean(memory.filter((m) => pick(m.minute)).map((m) => m[key]));
  for (const key of MEMORY_KEYS) {
    const first = minuteMean(key, (minute) => minute === 0);
    const middle = minuteMean(key, (minute) => minute === middleMinute);
    const last = minuteMean(key, (minute) => minute === SOAK_MINUTES - 1);
    rows.push({
      measure: `soak ${SOAK_MINUTES} min: ${PROCESS_NAMES[key]} memory, last minute vs minute ${middleMinute} (first minute ${first.toFixed(0)} MiB)`,
      ours: last,
      reference: middle,
      unit: "MiB",
      spread: `first to last ${(last / first).toFixed(2)}`,
      goal: "flat over the second half (ratio ≤ 1.10)",
    });
  }
  rows.push({
    measure: `soak ${SOAK_MINUTES} min: workerd live JavaScript heap after a full collection, at the end vs minute ${middleMinute} (at the start ${heap[0]!.toFixed(1)} MiB)`,
    ours: heap.at(-1)!,
    reference: heap[middleMinute]!,
    unit: "MiB",
    spread: `start to end ${(heap.at(-1)! / heap[0]!).toFixed(2)}`,
    goal: "flat over the second half (ratio ≤ 1.10)",
  });
  return writeReport(
    "load",
    "Load and soak: reads, webhook ingest and widget answers at once",
    [
      `Loopback only: autocannon against \`wrangler dev\` (Worker, queue consumer) on PostgreSQL through the local bridge. Target rates: ${RATES.reads} reads/s (customer list, search, get with a secret key), ${RATES.webhooks} signed webhook deliveries/s (each a new customer event, processed by the queue meanwhile), ${RATES.widget} widget answers/s (the widget's per-address limit is 120 a minute).`,
      `Soak: the same mix in ${SOAK_MINUTES} rounds of a minute's requests each (a round lasts longer when the rate is not kept); memory sampled every 15 s. Soak totals: ${soakTotals.map((t) => `${t.name} ${t.requests} requests, ${t.errors} errors, ${t.rate.toFixed(2)} answered/s (target ${RATES[t.name as Stream["name"]]}), worst minute p99 ${t.p99} ms`).join("; ")}.`,
      `Rounds of the soak started at (UTC) ${roundStarts.map((at, i) => `${i + 1}: ${at}`).join(", ")}; p99 by round (ms): ${Object.keys(RATES).map((name) => `${name}: ${soak.map((round, i) => `${i + 1}: ${round.find((s) => s.name === name)!.p99}`).join(", ")}`).join("; ")}.`,
      `Segmentation runs the queue did meanwhile (debounced after the webhooks' data changes; in \`wrangler dev\` they share the Worker's one isolate with the requests): ${backgroundRuns || "none"}.`,
      `Memory by round of the soak (mean of the samples taken in it, MiB): ${MEMORY_KEYS.map((key) => `${PROCESS_NAMES[key]}: ${byMinute(memory, key)}`).join("; ")}.`,
      `The Worker's live JavaScript heap after a full garbage collection (through \`wrangler dev\`'s inspector, at the start of each minute and at the end, MiB): ${heap.map((mib, minute) => `${minute}: ${mib.toFixed(1)}`).join(", ")}. Resident memory also counts what V8 and the allocator keep after a collection without using it.`,
    ],
    rows,
    `PostgreSQL ${stack.postgresVersion}`,
  );
}
