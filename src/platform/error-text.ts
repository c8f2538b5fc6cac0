/** Query errors carry their bound values (emails, names); logs keep the statement, never the values. */
export function withoutParameters(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, "\nparams: [withheld]");
}

/** An error as a log line may show it: its message and its cause's, bound values withheld. */
export function describeError(error: unknown): string {
  const failure = error as { message?: unknown; cause?: { message?: unknown } } | null;
  if (typeof failure?.message !== "string") return String(error);
  const cause = typeof failure.cause?.message === "string" ? `; cause: ${failure.cause.message}` : "";
  return withoutParameters(`${failure.message}${cause}`);
}
