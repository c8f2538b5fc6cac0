import { describe, expect, it } from "vitest";
import { attributeReferences, checkFilter, MAX_CONDITIONS, MAX_DEPTH, SegmentFilterSchema } from "./filter-schema.ts";

const EXAMPLE = {
  all: [
    { field: "score.rfmSegment", op: "in", value: ["At risk", "Cannot lose them"] },
    { any: [{ field: "tag", op: "has", value: "vip" }, { field: "attribute.plan", op: "eq", value: "gold" }] },
    { field: "customer.country", op: "eq", value: "GB" },
    { field: "score.clv", op: "gte", value: 100 },
  ],
};

function problemsOf(input: unknown): Array<{ path: string; message: string }> {
  const checked = checkFilter(input);
  if (checked.ok) throw new Error("expected the filter to be refused");
  return checked.problems.map((problem) => ({ path: problem.path.join("."), message: problem.message }));
}

function nested(depth: number): unknown {
  let node: unknown = { field: "tag", op: "has", value: "vip" };
  for (let level = 0; level < depth; level++) node = { all: [node] };
  return node;
}

describe("the segment filter language", () => {
  it("accepts the documented example as it is", () => {
    expect(checkFilter(EXAMPLE)).toEqual({ ok: true, filter: EXAMPLE });
  });

  it("points each problem at its path: unknown field, operator the field does not allow, value of the wrong kind", () => {
    const problems = problemsOf({
      all: [
        { field: "customer.password", op: "eq", value: "x" },
        { any: [{ field: "score.clv", op: "contains", value: "9" }, { field: "score.rfmSegment", op: "eq", value: "Royalty" }] },
        { field: "customer.createdAt", op: "between", value: ["2025-02-01T00:00:00Z", "2025-01-01T00:00:00Z"] },
        { field: "tag", op: "in", value: [] },
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual(["all.0.field", "all.1.any.0.op", "all.1.any.1.value", "all.2.value", "all.3.value"]);
    expect(problems[1]!.message).toContain("allowed: eq, ne, in, gt");
  });

  it("refuses field names that are not in the catalogue, SQL or otherwise, and attribute keys of the wrong shape", () => {
    for (const field of ['customer.name"; drop table customers; --', "attribute.plan') or 1=1 --", "attribute.", "score", "customers.tenant_id", "__proto__", "constructor"]) {
      expect(problemsOf({ field, op: "eq", value: "x" }), field).toEqual([expect.objectContaining({ path: "field" })]);
    }
  });

  it("bounds the nesting depth and the number of conditions", () => {
    expect(checkFilter(nested(MAX_DEPTH)).ok).toBe(true);
    expect(problemsOf(nested(MAX_DEPTH + 1))[0]!.message).toContain("nests too deep");
    const many = { any: Array.from({ length: MAX_CONDITIONS }, () => ({ field: "tag", op: "has", value: "a" })) };
    expect(checkFilter(many).ok).toBe(true);
    expect(problemsOf({ all: [many, { field: "tag", op: "has", value: "b" }] })).toEqual([{ path: "", message: `has ${MAX_CONDITIONS + 1} conditions; at most ${MAX_CONDITIONS}` }]);
  });

  it("refuses what the database would fail on: year 0, bounds of different kinds", () => {
    expect(problemsOf({ field: "customer.birthday", op: "lt", value: "0000-01-01" })[0]!.path).toBe("value");
    expect(problemsOf({ field: "score.nextOrderAt", op: "gt", value: "0000-01-01T00:00:00Z" })[0]!.path).toBe("value");
    expect(problemsOf({ field: "attribute.seats", op: "between", value: [1, "2025-01-01"] })[0]!.message).toBe("must be two values of the same kind");
  });

  it("refuses groups with extra keys, empty groups, stray properties and non-objects", () => {
    expect(problemsOf({ all: [{ field: "tag", op: "has", value: "a" }], any: [] })[0]!.path).toBe("");
    expect(problemsOf({ all: [] })[0]!.path).toBe("all");
    expect(problemsOf({ field: "tag", op: "has", value: "a", sql: "1=1" })[0]!.path).toBe("");
    expect(problemsOf({ not: "tag" })[0]!.path).toBe("not");
    expect(problemsOf(null)[0]!.path).toBe("");
  });

  it("defaults isNull to true and reports issues through the zod schema with their paths", () => {
    expect(checkFilter({ field: "score.clv", op: "isNull" })).toEqual({ ok: true, filter: { field: "score.clv", op: "isNull", value: true } });
    const parsed = SegmentFilterSchema.safeParse({ all: [{ field: "score.r", op: "gt", value: "5" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(["all.0.value"]);
  });

  it("lists the custom attributes a filter names, with where", () => {
    const checked = checkFilter(EXAMPLE);
    expect(checked.ok && attributeReferences(checked.filter)).toEqual([{ key: "plan", path: ["all", 1, "any", 1, "field"] }]);
  });
});
