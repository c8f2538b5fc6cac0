import { BadRequestError } from "./errors.ts";

/**
 * Recognises text the database refuses to store, which is the client's input and not a bug:
 * a NUL character (SQLSTATE 22021 in text, 22P05 in JSON). The statement's transaction has
 * rolled back, so nothing was written.
 */
export function asUnstorable(error: unknown): BadRequestError | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (code === "22021" || code === "22P05") {
      return new BadRequestError("The request contains a character that cannot be stored (a NUL byte); nothing was changed.");
    }
  }
  return undefined;
}
