import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { PERMISSIONS, type Permission } from "../../src/platform/permissions.ts";
import { BASE } from "../harness/api.ts";
import { createFixture, type Caller, type Fixture } from "../harness/fixture.ts";
import { brokenBody, hostileString, hostileValue, QUERY_KEYS } from "../harness/fuzz-values.ts";
import { documentedOperations, type Operation } from "../harness/openapi.ts";
import { SAMPLES, type Sample } from "../harness/route-samples.ts";
import { tenantHash, tenantJobsInFlight } from "../harness/tenant-hash.ts";
import { workerFetch } from "../harness/worker.ts";

/** Rejections these operations record by design (failed log-ins and widget saves count towards their rate limits). */
const RECORDS_REJECTIONS = new Set(["auth.login", "auth.refresh", "invites.accept", "widget.responses.save", "widget.identify"]);

type Mutation =
  | { kind: "body"; value: unknown }
  | { kind: "field"; key: string; value: unknown }
  | { kind: "param"; name: string; value: string }
  | { kind: "query"; query: Record<string, string> }
  | { kind: "broken"; bytes: Uint8Array };

/** The first fixture caller the permission table lets through, so requests reach validation. */
function allowedCaller(operation: Operation, fixture: Fixture): Caller | undefined {
  const permission: Permission = PERMISSIONS[operation.operationId];
  if (permission.public) return undefined;
  return fixture.callers.find(
    (caller) => caller.kind !== "none" && permission.credentials.includes(caller.kind) && (caller.kind === "publishable_key" || permission.roles.includes(caller.role!)),
  );
}

function mutations(operation: Operation, sample: Sample): fc.Arbitrary<Mutation> {
  const keys = sample.body && typeof sample.body === "object" && !Array.isArray(sample.body) ? Object.keys(sample.body) : [];
  const choices: fc.Arbitrary<Mutation>[] = [
    fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileString.map((s) => s.slice(0, 2000)), { minKeys: 1, maxKeys: 3 }).map((query) => ({ kind: "query" as const, query })),
  ];
  if (operation.params.length) {
    choices.push(fc.record({ kind: fc.constant("param" as const), name: fc.constantFrom(...operation.params), value: hostileString.map((s) => s.slice(0, 5000)) }));
  }
  if (["post", "put", "patch"].includes(operation.method) && !sample.raw) {
    choices.push(fc.record({ kind: fc.constant("body" as const), value: hostileValue }));
    choices.push(fc.record({ kind: fc.constant("broken" as const), bytes: brokenBody }));
    choices.push(fc.record({ kind: fc.constant("field" as const), key: keys.length ? fc.oneof(fc.constantFrom(...keys), hostileString) : hostileString, value: hostileValue }));
  }
  return fc.oneof(...choices);
}

/** Percent-encodes as a client would, and lone surrogates as the invalid UTF-8 bytes a sloppy one sends. */
function encodeHostile(value: string): string {
  let out = "";
  for (const char of value) out += /^[\uD800-\uDFFF]$/.test(char) ? "%ED%A0%80" : encodeURIComponent(char);
  return out;
}

function pathWith(operation: Operation, params: Record<string, string>, query?: Record<string, string>): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeHostile(params[name] ?? ""));
  if (!query) return path;
  return `${path}?${Object.entries(query).map(([key, value]) => `${encodeHostile(key)}=${encodeHostile(value)}`).join("&")}`;
}

function request(operation: Operation, sample: Sample, mutation: Mutation, caller: Caller | undefined): Promise<Response> {
  const params = { ...sample.params };
  let query = sample.query;
  let body: BodyInit | undefined = sample.raw ? sample.raw.body : sample.body === undefined ? undefined : JSON.stringify(sample.body);
  const headers: Record<string, string> = { ...sample.headers, ...caller?.headers };
  if (caller?.token) headers.authorization = `Bearer ${caller.token}`;
  headers["content-type"] = sample.raw?.contentType ?? "application/json";
  if (mutation.kind === "param") params[mutation.name] = mutation.value;
  if (mutation.kind === "query") query = { ...query, ...mutation.query };
  if (mutation.kind === "body") body = JSON.stringify(mutation.value);
  if (mutation.kind === "broken") body = mutation.bytes;
  if (mutation.kind === "field") body = JSON.stringify({ ...(sample.body as object), [mutation.key]: mutation.value });
  return workerFetch(`${BASE}${pathWith(operation, params, query)}`, { method: operation.method.toUpperCase(), headers, body });
}

function describeMutation(mutation: Mutation): string {
  return JSON.stringify(mutation, (_, value) => (typeof value === "string" && value.length > 80 ? `${value.slice(0, 80)}… (${value.length} chars)` : value instanceof Uint8Array ? `bytes ${Array.from(value.slice(0, 12))}` : value));
}

/**
 * Queue consumers finishing earlier work (an import's validation, a backup, a run) also change
 * the tenant's data, with pauses between their steps. When a digest differs, waits until no job
 * of the tenant is in flight and the digest holds still, then sends the request again: only a
 * change that repeats then is the request's own.
 */
async function changesWhenQuiet(send: () => Promise<Response>, tenantId: string): Promise<boolean> {
  let quiet = await tenantHash(tenantId);
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await tenantHash(tenantId);
    if (now === quiet && (await tenantJobsInFlight(tenantId)) === 0) break;
    quiet = now;
  }
  await (await send()).body?.cancel();
  return (await tenantHash(tenantId)) !== quiet;
}

const RUNS = inject("fuzzRuns");

describe("fuzzing every documented route: never a 5xx, bad input answered with a problem document, nothing written when refused", () => {
  let fixture: Fixture;
  let operations: Map<string, Operation>;
  beforeAll(async () => {
    fixture = await createFixture();
    operations = new Map((await documentedOperations()).map((operation) => [operation.operationId, operation]));
  });

  it.each(Object.keys(PERMISSIONS).map((id, index) => [id, index] as const))("%s", async (operationId, index) => {
    const operation = operations.get(operationId)!;
    const caller = allowedCaller(operation, fixture);
    const cases = fc.sample(mutations(operation, await SAMPLES[operation.operationId](fixture)), { seed: inject("fuzzSeed") + index, numRuns: RUNS });
    const failures: string[] = [];
    for (const mutation of cases) {
      const sample = await SAMPLES[operation.operationId](fixture);
      const before = await tenantHash(fixture.tenantId);
      const res = await request(operation, sample, mutation, caller);
      const text = await res.text();
      const where = describeMutation(mutation);
      if (res.status >= 500) failures.push(`${where}: ${res.status} ${text.slice(0, 300)}`);
      else if (res.status >= 400) {
        if (res.headers.get("content-type") !== "application/problem+json") failures.push(`${where}: ${res.status} without a problem document`);
        else if (JSON.parse(text).status !== res.status) failures.push(`${where}: problem status differs from ${res.status}`);
        if (!RECORDS_REJECTIONS.has(operationId) && (await tenantHash(fixture.tenantId)) !== before && (await changesWhenQuiet(() => request(operation, sample, mutation, caller), fixture.tenantId))) {
          failures.push(`${where}: ${res.status} but the tenant's data changed`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toHaveLength(RUNS);
  }, 20_000 + RUNS * 3_000);
});
