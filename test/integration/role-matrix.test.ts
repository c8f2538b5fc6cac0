import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "../../src/platform/permissions.ts";
import { call } from "../harness/api.ts";
import { createFixture, type Caller, type Fixture } from "../harness/fixture.ts";
import { documentedOperations, pathOf, type Operation } from "../harness/openapi.ts";
import { SAMPLES } from "../harness/route-samples.ts";

/** What the permission table says a caller gets from an operation. */
function expectedStatus(operation: Operation, caller: Caller): number {
  const permission: Permission = PERMISSIONS[operation.operationId];
  if (permission.public) return operation.successStatus;
  if (caller.kind === "none") return 401;
  if (!permission.credentials.includes(caller.kind)) return 403;
  if (caller.kind !== "publishable_key" && !permission.roles.includes(caller.role!)) return 403;
  return operation.successStatus;
}

describe("the permission table", () => {
  it("has exactly one decision for every documented operation", async () => {
    const documented = (await documentedOperations()).map((operation) => operation.operationId).sort();
    expect(documented).toEqual(Object.keys(PERMISSIONS).sort());
    expect(new Set(documented).size).toBe(documented.length);
  });
});

describe("role matrix: every route x every role x every credential kind", () => {
  let fixture: Fixture;
  let operations: Operation[];
  beforeAll(async () => {
    fixture = await createFixture();
    operations = await documentedOperations();
  });

  // Every route times every caller, each route's samples included: about a thousand requests, more than the default minute on a busy machine.
  it("answers each caller exactly as the permission table says", { timeout: 300_000 }, async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const operation of operations) {
      for (const caller of fixture.callers) {
        const sample = await SAMPLES[operation.operationId](fixture);
        const res = await call(operation.method, pathOf(operation, sample.params, sample.query), {
          token: caller.token,
          body: sample.body,
          raw: sample.raw,
          headers: { ...sample.headers, ...caller.headers },
        });
        const expected = expectedStatus(operation, caller);
        if (res.status !== expected) {
          mismatches.push(`${operation.operationId} as ${caller.name}: ${res.status}, expected ${expected}: ${await res.text()}`);
        } else {
          await res.body?.cancel();
        }
        if (res.status === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="ckm"/);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(operations.length * fixture.callers.length);
  });
});
