import type { RowProblem, RowValues } from "./row-values.ts";

/** The problems of one record: unreadable values, then what standardisation refuses, by column. */
export function problemsOf(values: Record<string, string>, record: { problem?: string }, row: RowValues, issues: Array<{ path: string; message: string }>): RowProblem[] {
  const problems: RowProblem[] = [...row.problems];
  if (record.problem) problems.push({ column: "", problem: record.problem });
  for (const issue of issues) {
    const field = issue.path.replace(/^json\.?/, "");
    problems.push({ column: row.columnOf[field] ?? field, problem: issue.message });
  }
  const identified = row.customer.name || row.customer.email || row.customer.phone || row.externalId;
  if (!identified && !row.order && Object.keys(values).length) {
    problems.push({ column: "", problem: "has nothing to import: no name, email, phone or id, and no order line" });
  }
  return problems;
}
