import { and, or, sql, type SQL } from "drizzle-orm";
import { textArray } from "../../db/sql-arrays.ts";
import { fieldDefinition, type FieldDefinition } from "./fields.ts";
import type { Condition, SegmentFilter } from "./filter-schema.ts";

const COMPARISON = { gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` } as const;

/** A bound value with the cast its column needs, so timestamps and dates compare as such. */
function bound(definition: FieldDefinition, value: unknown): SQL {
  if (definition.type === "timestamp") return sql`${value}::timestamptz`;
  if (definition.type === "date") return sql`${value}::date`;
  if (typeof value === "string" && definition.normalise) return sql`${definition.normalise(value)}`;
  // Compared as numeric, so a value beyond an integer column's range matches nothing instead of failing.
  if (typeof value === "number") return sql`${value}::numeric`;
  return sql`${value}`;
}

function columnCondition(definition: FieldDefinition, condition: Condition): SQL {
  const column = definition.column;
  const value = condition.value;
  switch (condition.op) {
    case "eq":
      return sql`${column} = ${bound(definition, value)}`;
    case "ne":
      return sql`${column} is distinct from ${bound(definition, value)}`;
    case "in":
      return sql`${column} in (${sql.join((value as unknown[]).map((item) => bound(definition, item)), sql`, `)})`;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return sql`${column} ${COMPARISON[condition.op]} ${bound(definition, value)}`;
    case "between": {
      const [low, high] = value as [unknown, unknown];
      return sql`${column} between ${bound(definition, low)} and ${bound(definition, high)}`;
    }
    case "contains":
      return sql`strpos(lower(${column}), lower(${value as string})) > 0`;
    case "isNull":
      return value ? sql`${column} is null` : sql`${column} is not null`;
    case "has":
      throw new Error(`has is not an operator of ${condition.field}`);
  }
}

function tagCondition(definition: FieldDefinition, condition: Condition): SQL {
  const tags = definition.column;
  switch (condition.op) {
    case "has":
      return sql`${tags} @> ${textArray([condition.value as string])}`;
    case "in":
      return sql`${tags} && ${textArray(condition.value as string[])}`;
    case "isNull":
      return condition.value ? sql`cardinality(${tags}) = 0` : sql`cardinality(${tags}) > 0`;
    default:
      throw new Error(`${condition.op} is not an operator of tag`);
  }
}

/**
 * A custom attribute is a jsonb value: equality compares JSON values (a number with a number,
 * text with text); ordering compares numbers as numbers and dates as ISO text, and a value of
 * another type simply does not match (never a failed cast); `has` finds an option in a
 * multi-choice attribute (or equals a single one).
 */
function attributeCondition(definition: FieldDefinition, condition: Condition): SQL {
  const value = definition.column;
  const ordered = (operand: unknown) =>
    typeof operand === "number"
      ? { left: sql`(case when jsonb_typeof(${value}) = 'number' then (${value} #>> '{}')::numeric end)`, right: sql`${operand}::numeric` }
      : { left: sql`(case when jsonb_typeof(${value}) = 'string' then ${value} #>> '{}' end)`, right: sql`${operand}::text` };
  switch (condition.op) {
    case "eq":
      return sql`${value} = ${JSON.stringify(condition.value)}::jsonb`;
    case "ne":
      return sql`${value} is distinct from ${JSON.stringify(condition.value)}::jsonb`;
    case "in":
      return sql`${JSON.stringify(condition.value)}::jsonb @> jsonb_build_array(${value})`;
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const { left, right } = ordered(condition.value);
      return sql`${left} ${COMPARISON[condition.op]} ${right}`;
    }
    case "between": {
      const [low, high] = condition.value as [unknown, unknown];
      const { left, right } = ordered(low);
      return sql`${left} between ${right} and ${ordered(high).right}`;
    }
    case "has":
      return sql`coalesce(${value} ? ${condition.value as string}, false)`;
    case "contains":
      return sql`strpos(lower(${value} #>> '{}'), lower(${condition.value as string})) > 0`;
    case "isNull":
      return condition.value ? sql`coalesce(jsonb_typeof(${value}), 'null') = 'null'` : sql`coalesce(jsonb_typeof(${value}), 'null') <> 'null'`;
  }
}

/**
 * Compiles a checked filter to a SQL condition over `customers` joined to the latest run's
 * `customer_scores`. Columns come from the field catalogue and every value is a bound
 * parameter: nothing a client sends becomes SQL text.
 */
export function compileFilter(filter: SegmentFilter): SQL {
  if ("all" in filter) return and(...filter.all.map(compileFilter))!;
  if ("any" in filter) return or(...filter.any.map(compileFilter))!;
  if ("not" in filter) return sql`coalesce(not (${compileFilter(filter.not)}), true)`;
  const definition = fieldDefinition(filter.field);
  if (!definition) throw new Error(`${filter.field} is not in the field catalogue`);
  if (definition.type === "tags") return tagCondition(definition, filter);
  if (definition.type === "attribute") return attributeCondition(definition, filter);
  return columnCondition(definition, filter);
}
