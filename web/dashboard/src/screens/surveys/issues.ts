import { ApiError } from "../../api/problem.ts";

export type Issue = { path: string; message: string };

/**
 * The API's field issues of a refused definition, by path inside the definition
 * ("questions.1.text" for "json.definition.questions.1.text"), so each field finds its own.
 */
export class DefinitionIssues {
  readonly list: Issue[];

  constructor(error: unknown) {
    const issues = error instanceof ApiError ? (error.problem.issues ?? []) : [];
    this.list = issues.map((issue) => ({ path: issue.path.replace(/^json\.(definition\.)?/, ""), message: issue.message }));
  }

  /** The first message at this path or inside it (a text's language, say). */
  at(path: string): string | undefined {
    return this.under(path)[0]?.message;
  }

  under(path: string): Issue[] {
    return this.list.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
  }
}

export const NO_ISSUES = new DefinitionIssues(null);
