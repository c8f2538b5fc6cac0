import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { compileFilter } from "./compile-filter.ts";
import { checkFilter, type SegmentFilter } from "./filter-schema.ts";

const dialect = new PgDialect({ casing: "snake_case" });

function compiled(input: unknown): { sql: string; params: unknown[] } {
  const checked = checkFilter(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return dialect.sqlToQuery(compileFilter(checked.filter));
}

const PAYLOADS = [
  "'; drop table customers; --",
  "x' or '1'='1",
  "\" or 1=1 --",
  "$1) or true or ($1",
  "gold'::jsonb or true --",
  "\\'; select pg_sleep(10); --",
];

describe("compiling a segment filter to SQL", () => {
  it("turns the example into one condition over customers and the latest scores, every value bound", () => {
    const query = compiled({
      all: [
        { field: "score.rfmSegment", op: "in", value: ["At risk", "Cannot lose them"] },
        { any: [{ field: "tag", op: "has", value: "vip" }, { field: "attribute.plan", op: "eq", value: "gold" }] },
        { field: "customer.country", op: "eq", value: "gb" },
        { field: "score.clv", op: "gte", value: 100 },
      ],
    });
    expect(query.sql).toBe(
      '("customer_scores"."segment" in ($1, $2) and ("customers"."tags" @> array[$3]::text[] or "customers"."attributes" -> $4 = $5::jsonb) and "customers"."country" = $6 and "customer_scores"."clv_minor" >= $7::numeric)',
    );
    expect(query.params).toEqual(["At risk", "Cannot lose them", "vip", "plan", '"gold"', "GB", 100]);
  });

  it("compiles every operator to its SQL", () => {
    const cases: Array<[SegmentFilter, string]> = [
      [{ field: "customer.email", op: "eq", value: "Ada@Example.com" }, '"customers"."email" = $1'],
      [{ field: "customer.city", op: "ne", value: "Leeds" }, '"customers"."city" is distinct from $1'],
      [{ field: "customer.name", op: "contains", value: "ann" }, 'strpos(lower("customers"."display_name"), lower($1)) > 0'],
      [{ field: "customer.company", op: "isNull", value: false }, '"customers"."company" is not null'],
      [{ field: "customer.createdAt", op: "between", value: ["2025-01-01", "2025-02-01T00:00:00Z"] }, '"customers"."created_at" between $1::timestamptz and $2::timestamptz'],
      [{ field: "customer.birthday", op: "lt", value: "2000-01-01" }, '"customers"."birthday" < $1::date'],
      [{ field: "customer.emailConsent", op: "eq", value: true }, '"customers"."email_consent" = $1'],
      [{ field: "score.pAlive", op: "lt", value: 0.3 }, '"customer_scores"."p_alive" < $1::numeric'],
      [{ field: "tag", op: "in", value: ["a", "b"] }, '"customers"."tags" && array[$1, $2]::text[]'],
      [{ field: "tag", op: "isNull", value: true }, 'cardinality("customers"."tags") = 0'],
      [{ field: "attribute.seats", op: "gt", value: 10 }, "(case when jsonb_typeof(\"customers\".\"attributes\" -> $1) = 'number' then (\"customers\".\"attributes\" -> $2 #>> '{}')::numeric end) > $3::numeric"],
      [{ field: "attribute.colours", op: "has", value: "red" }, 'coalesce("customers"."attributes" -> $1 ? $2, false)'],
      [{ field: "attribute.plan", op: "in", value: ["gold", 3] }, '$1::jsonb @> jsonb_build_array("customers"."attributes" -> $2)'],
      [{ not: { field: "customer.country", op: "eq", value: "GB" } }, 'coalesce(not ("customers"."country" = $1), true)'],
    ];
    for (const [filter, expected] of cases) expect(compiled(filter).sql, JSON.stringify(filter)).toBe(expected);
    expect(compiled({ field: "customer.email", op: "eq", value: "Ada@Example.com" }).params).toEqual(["ada@example.com"]);
  });

  it("never puts a value into the SQL text: injection payloads as values end up as parameters", () => {
    for (const payload of PAYLOADS) {
      const filters: SegmentFilter[] = [
        { field: "customer.name", op: "eq", value: payload },
        { field: "customer.city", op: "in", value: [payload, "Leeds"] },
        { field: "customer.company", op: "contains", value: payload },
        { field: "tag", op: "has", value: payload },
        { field: "attribute.plan", op: "eq", value: payload },
        { field: "attribute.plan", op: "has", value: payload },
        { field: "attribute.plan", op: "contains", value: payload },
      ];
      for (const filter of filters) {
        const query = compiled(filter);
        expect(query.sql).not.toContain(payload);
        expect(query.sql).not.toMatch(/drop|pg_sleep|or true|'1'='1/i);
        expect(query.params.some((param) => typeof param === "string" && param.includes(payload))).toBe(true);
      }
    }
  });
});
