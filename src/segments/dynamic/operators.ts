/**
 * The filter language's operators and which field types take which, with no database or schema
 * imports, so the dashboard's filter builder offers exactly what the API accepts.
 */

/** What a field holds, which decides the operators it allows and the values they take. */
export type FieldType = "text" | "choice" | "number" | "boolean" | "timestamp" | "date" | "tags" | "attribute";

export const OPERATORS = ["eq", "ne", "in", "gt", "gte", "lt", "lte", "between", "has", "contains", "isNull"] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  text: ["eq", "ne", "in", "contains", "isNull"],
  choice: ["eq", "ne", "in", "isNull"],
  number: ["eq", "ne", "in", "gt", "gte", "lt", "lte", "between", "isNull"],
  boolean: ["eq", "ne"],
  timestamp: ["gt", "gte", "lt", "lte", "between", "isNull"],
  date: ["eq", "ne", "gt", "gte", "lt", "lte", "between", "isNull"],
  tags: ["has", "in", "isNull"],
  attribute: ["eq", "ne", "in", "gt", "gte", "lt", "lte", "between", "has", "contains", "isNull"],
};
