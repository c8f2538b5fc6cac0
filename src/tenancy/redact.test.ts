import { describe, expect, it } from "vitest";
import { redact, REDACTED } from "./redact.ts";

describe("redact", () => {
  it("hides personal values at any depth and keeps the rest", () => {
    const changes = {
      email: "ada@example.com",
      role: { from: "viewer", to: "admin" },
      contact: { phone: "+44 20 7946 0000", plan: "gold" },
      people: [{ name: "Ada", id: 1 }],
    };
    expect(redact(changes)).toEqual({
      email: REDACTED,
      role: { from: "viewer", to: "admin" },
      contact: { phone: REDACTED, plan: "gold" },
      people: [{ name: REDACTED, id: 1 }],
    });
    expect(changes.email).toBe("ada@example.com");
  });
});

describe("redact with exemptions", () => {
  it("keeps a top-level field that is named like personal data but is not", () => {
    expect(redact({ name: { from: "Acme", to: "Acme Gifts" }, email: "x@y.z" }, ["name"])).toEqual({
      name: { from: "Acme", to: "Acme Gifts" },
      email: REDACTED,
    });
  });
});
