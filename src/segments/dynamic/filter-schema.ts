import { z } from "@hono/zod-openapi";
import { fieldDefinition, OPERATORS, OPERATORS_BY_TYPE, type FieldDefinition, type Operator } from "./fields.ts";

/** One test on one field: `{ field: "score.clv", op: "gte", value: 10000 }`. */
export type Condition = { field: string; op: Operator; value: unknown };
/** A condition, or conditions joined: all must hold, any may, or the negation of one. */
export type SegmentFilter = Condition | { all: SegmentFilter[] } | { any: SegmentFilter[] } | { not: SegmentFilter };

/** Groups nest at most this deep, and a filter holds at most this many conditions. */
export const MAX_DEPTH = 5;
export const MAX_CONDITIONS = 50;
const MAX_LIST = 500;

type Path = Array<string | number>;
type Problem = { path: Path; message: string };

/** Postgres has no year 0: such a date would fail in the database instead of here. */
const noYearZero = (value: string) => !value.startsWith("0000");
const Day = z.iso.date().refine(noYearZero, { error: "must be a date from year 1" });
const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).refine(noYearZero, { error: "must be a date or time from year 1" });
const AttributeScalar = z.union([z.string().min(1).max(1000), z.number(), z.boolean()]);
const AttributeOrdered = z.union([z.number(), Instant]);

/** The value one operand of an operator on a field of this type must be. */
function scalarFor(definition: FieldDefinition, op: Operator): z.ZodType {
  switch (definition.type) {
    case "text":
      return op === "contains" ? z.string().min(1).max(200) : z.string().min(1).max(320);
    case "choice":
      return z.enum(definition.choices as [string, ...string[]], { error: `must be one of: ${definition.choices!.join(", ")}` });
    case "number":
      return z.number();
    case "boolean":
      return z.boolean();
    case "timestamp":
      return Instant;
    case "date":
      return Day;
    case "tags":
      return z.string().min(1).max(100);
    case "attribute":
      if (op === "has" || op === "contains") return z.string().min(1).max(200);
      return op === "eq" || op === "ne" || op === "in" ? AttributeScalar : AttributeOrdered;
  }
}

function valueSchema(definition: FieldDefinition, op: Operator): z.ZodType {
  if (op === "isNull") return z.boolean().default(true);
  const scalar = scalarFor(definition, op);
  if (op === "in") return z.array(scalar).min(1).max(MAX_LIST);
  if (op === "between") {
    return z
      .tuple([scalar, scalar])
      .refine(([low, high]) => typeof low === typeof high, { error: "must be two values of the same kind" })
      .refine(([low, high]) => typeof low !== typeof high || (low as number | string) <= (high as number | string), { error: "must be [low, high] with low not above high" });
  }
  return scalar;
}

const ConditionShape = z.object({ field: z.string().min(1).max(100), op: z.enum(OPERATORS), value: z.unknown().optional() }).strict();

function checkCondition(node: object, path: Path, problems: Problem[]): Condition | undefined {
  const shape = ConditionShape.safeParse(node);
  if (!shape.success) {
    for (const issue of shape.error.issues) problems.push({ path: [...path, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))], message: issue.message });
    return undefined;
  }
  const { field, op } = shape.data;
  const definition = fieldDefinition(field);
  if (!definition) {
    problems.push({ path: [...path, "field"], message: "is not a field segments can filter on (customer.*, score.*, tag, attribute.<key>)" });
    return undefined;
  }
  const allowed = OPERATORS_BY_TYPE[definition.type];
  if (!allowed.includes(op)) {
    problems.push({ path: [...path, "op"], message: `is not allowed on ${field}; allowed: ${allowed.join(", ")}` });
    return undefined;
  }
  const value = valueSchema(definition, op).safeParse(shape.data.value);
  if (!value.success) {
    for (const issue of value.error.issues) problems.push({ path: [...path, "value", ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))], message: issue.message });
    return undefined;
  }
  return { field, op, value: value.data };
}

function checkNode(node: unknown, path: Path, depth: number, problems: Problem[], counted: { conditions: number }): SegmentFilter | undefined {
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    problems.push({ path, message: "must be a condition { field, op, value } or a group { all: [...] }, { any: [...] } or { not: {...} }" });
    return undefined;
  }
  const keys = Object.keys(node);
  const group = keys.find((key) => key === "all" || key === "any" || key === "not");
  if (!group) {
    counted.conditions += 1;
    return checkCondition(node, path, problems);
  }
  if (keys.length !== 1) {
    problems.push({ path, message: `a group has only its "${group}" key` });
    return undefined;
  }
  if (depth >= MAX_DEPTH) {
    problems.push({ path: [...path, group], message: `nests too deep: groups go at most ${MAX_DEPTH} levels down` });
    return undefined;
  }
  const inner = (node as Record<string, unknown>)[group];
  if (group === "not") {
    const child = checkNode(inner, [...path, "not"], depth + 1, problems, counted);
    return child && { not: child };
  }
  if (!Array.isArray(inner) || inner.length === 0 || inner.length > MAX_CONDITIONS) {
    problems.push({ path: [...path, group], message: `must be a list of 1 to ${MAX_CONDITIONS} filters` });
    return undefined;
  }
  const children = inner.map((child, index) => checkNode(child, [...path, group, index], depth + 1, problems, counted));
  if (children.some((child) => child === undefined)) return undefined;
  return group === "all" ? { all: children as SegmentFilter[] } : { any: children as SegmentFilter[] };
}

/**
 * Checks a filter against the field catalogue: its shape, each field's name, the operators that
 * field allows and the values they take, the nesting depth and the number of conditions. Every
 * problem is reported with its path inside the filter (`all.1.any.0.value`).
 */
export function checkFilter(input: unknown): { ok: true; filter: SegmentFilter } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const counted = { conditions: 0 };
  const filter = checkNode(input, [], 0, problems, counted);
  if (counted.conditions > MAX_CONDITIONS) problems.push({ path: [], message: `has ${counted.conditions} conditions; at most ${MAX_CONDITIONS}` });
  return filter && problems.length === 0 ? { ok: true, filter } : { ok: false, problems };
}

const EXAMPLE = {
  all: [
    { field: "score.rfmSegment", op: "in", value: ["At risk", "Cannot lose them"] },
    { any: [{ field: "tag", op: "has", value: "vip" }, { field: "attribute.plan", op: "eq", value: "gold" }] },
    { field: "customer.country", op: "eq", value: "GB" },
    { field: "score.clv", op: "gte", value: 10000 },
  ],
};

/** The filter as a request carries it: checked by `checkFilter`, each problem a field-level issue. */
export const SegmentFilterSchema = z
  .unknown()
  .transform((input, ctx): SegmentFilter => {
    const checked = checkFilter(input);
    if (checked.ok) return checked.filter;
    for (const problem of checked.problems) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message, input });
    return z.NEVER;
  })
  .openapi({
    type: "object",
    description:
      "A condition `{ field, op, value }` or a group `{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }`. Fields: `customer.*`, `score.*` (the latest finished run), `tag`, `attribute.<key>`. Operators: eq, ne, in, gt, gte, lt, lte, between, has, contains, isNull, as each field allows.",
    example: EXAMPLE,
  });

/** Every custom attribute the filter names, with where it does, so an unknown key can be pointed at. */
export function attributeReferences(filter: SegmentFilter, path: Path = []): Array<{ key: string; path: Path }> {
  if ("all" in filter) return filter.all.flatMap((child, index) => attributeReferences(child, [...path, "all", index]));
  if ("any" in filter) return filter.any.flatMap((child, index) => attributeReferences(child, [...path, "any", index]));
  if ("not" in filter) return attributeReferences(filter.not, [...path, "not"]);
  const key = fieldDefinition(filter.field)?.attributeKey;
  return key ? [{ key, path: [...path, "field"] }] : [];
}

const PERSONAL_FIELDS = new Set(["customer.name", "customer.email", "customer.phone", "customer.city", "customer.region", "customer.postalCode", "customer.birthday", "customer.gender", "customer.jobTitle"]);

/** The filter as the audit trail keeps it: values tested against personal fields and attributes replaced by a marker. */
export function auditedFilter(filter: SegmentFilter): SegmentFilter {
  if ("all" in filter) return { all: filter.all.map(auditedFilter) };
  if ("any" in filter) return { any: filter.any.map(auditedFilter) };
  if ("not" in filter) return { not: auditedFilter(filter.not) };
  const personal = PERSONAL_FIELDS.has(filter.field) || filter.field.startsWith("attribute.");
  return personal && filter.op !== "isNull" ? { ...filter, value: "[redacted]" } : filter;
}
