import { sql, type SQL } from "drizzle-orm";

// drizzle expands a JS array into a row of parameters, `($1, $2)`; these build a Postgres array.
const arrayOf = (values: ReadonlyArray<string | number>) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/** A `text[]` of bound values, for `@>`, `?|` and functions that take arrays. */
export function textArray(values: readonly string[]): SQL {
  return sql`array[${arrayOf(values)}]::text[]`;
}

/** An `integer[]` of bound values. */
export function integerArray(values: readonly number[]): SQL {
  return sql`array[${arrayOf(values)}]::integer[]`;
}

export type ArrayType = "text" | "uuid" | "integer" | "bigint" | "timestamptz" | "jsonb";

/**
 * A whole list as one bound parameter, cast to an array (`$1::uuid[]`): for lists as long as an
 * import batch, which one parameter per value would take past Postgres' 65,535 parameters. The
 * driver writes the list as an array literal, quoting each value; null stays null.
 */
export function boundArray(values: ReadonlyArray<string | number | null>, type: ArrayType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}
