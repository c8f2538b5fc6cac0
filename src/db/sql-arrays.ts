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
