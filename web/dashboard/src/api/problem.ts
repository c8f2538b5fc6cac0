/** An RFC 9457 problem document as the API answers errors. */
export type Problem = {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  issues?: { path: string; message: string }[];
};

/** A failed API call: the problem document, or one made up for a network failure. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  /** The message of the issue at that field path (e.g. "json.email"), if any. */
  issueAt(path: string): string | undefined {
    return this.problem.issues?.find((issue) => issue.path === path || issue.path.endsWith(`.${path}`))?.message;
  }
}

type Answer = { ok: boolean; status: number; headers: Headers; statusText: string; json(): Promise<unknown> };

/** The body type of a typed client answer's 2xx statuses. */
export type Ok<R> = R extends { status: infer S; json(): Promise<infer T> } ? (S extends 200 | 201 | 202 | 204 ? T : never) : never;

/** The body of a successful answer, or an ApiError carrying the problem document. */
export async function unwrap<R extends Answer>(response: Promise<R>): Promise<Ok<R>> {
  let res: R;
  try {
    res = await response;
  } catch (error) {
    throw new ApiError({ title: "The server could not be reached", status: 0, code: "NETWORK", detail: String(error) });
  }
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as Ok<R>;
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) throw new ApiError((await res.json()) as Problem);
  throw new ApiError({ title: res.statusText || "Request failed", status: res.status, code: `HTTP_${res.status}` });
}
