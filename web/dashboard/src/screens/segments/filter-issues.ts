import { ApiError } from "../../api/problem.ts";

/** Which control of a row an issue is about; null for the row or group as a whole. */
export type IssuePart = "field" | "op" | "value" | null;
export type NodeIssue = { part: IssuePart; message: string };

export type PlacedIssues = {
  /** Issues inside the filter, by the draft node they point at. */
  byNode: Map<string, NodeIssue[]>;
  /** Issues about the other fields of the form (`name`, `description`), by field. */
  byField: Map<string, string>;
};

const PREFIX = "json.filter";

/**
 * Places an API error's issues onto the draft: each issue path inside the filter
 * (`json.filter.all.1.any.0.value.1`) goes to the node whose path is its longest prefix, and
 * names the control when the rest begins with `field`, `op` or `value`.
 */
export function placeIssues(error: unknown, paths: Map<string, string>): PlacedIssues {
  const placed: PlacedIssues = { byNode: new Map(), byField: new Map() };
  if (!(error instanceof ApiError)) return placed;
  for (const issue of error.problem.issues ?? []) {
    if (issue.path !== PREFIX && !issue.path.startsWith(`${PREFIX}.`)) {
      const field = issue.path.replace(/^json\./, "");
      if (!placed.byField.has(field)) placed.byField.set(field, issue.message);
      continue;
    }
    const inner = issue.path.slice(PREFIX.length + 1);
    let best: { id: string; path: string } | undefined;
    for (const [id, path] of paths) {
      const within = path === "" || inner === path || inner.startsWith(`${path}.`);
      if (within && (!best || path.length > best.path.length)) best = { id, path };
    }
    if (!best) continue;
    const rest = (best.path === "" ? inner : inner.slice(best.path.length + 1)).split(".")[0];
    const part: IssuePart = rest === "field" || rest === "op" || rest === "value" ? rest : null;
    placed.byNode.set(best.id, [...(placed.byNode.get(best.id) ?? []), { part, message: issue.message }]);
  }
  return placed;
}

/** Whether an error is about the filter's content (shown on its rows) rather than a failure to show as a whole. */
export const isFilterProblem = (error: unknown) => error instanceof ApiError && (error.problem.status === 400 || error.problem.status === 422) && (error.problem.issues?.length ?? 0) > 0;
