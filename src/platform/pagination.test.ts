import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { decodeCursor, encodeCursor } from "./pagination.ts";

const Position = z.object({ id: z.number().int() });

describe("cursors", () => {
  it("round-trip a position as URL-safe text", () => {
    const cursor = encodeCursor({ id: 123456789, name: "żółw ✓" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, z.object({ id: z.number(), name: z.string() }))).toEqual({ id: 123456789, name: "żółw ✓" });
  });

  it("answer anything else with a 400 naming the cursor", () => {
    for (const bad of ["", "!!!", encodeCursor({ id: "x" }), encodeCursor([1]), "eyJpZCI6"]) {
      let error: unknown;
      try {
        decodeCursor(bad, Position);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues).toEqual([{ path: "query.cursor", message: "is invalid" }]);
    }
  });
});
