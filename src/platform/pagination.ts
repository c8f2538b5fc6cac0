import { z } from "@hono/zod-openapi";
import { BadRequestError } from "./errors.ts";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?cursor=&limit=` as every list route takes them. */
export const PageQuery = z.object({
  cursor: z.string().max(512).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

/** An opaque cursor: base64url JSON of the last row's sort key. */
export function encodeCursor(position: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Decodes a cursor made by `encodeCursor` and checks its shape; anything else is a 400. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    return schema.parse(JSON.parse(json));
  } catch {
    throw new BadRequestError("The cursor is not one this API issued.", [{ path: "query.cursor", message: "is invalid" }]);
  }
}
