import { describe, expect, it } from "vitest";
import { normalizeHeader } from "./column-mapping.ts";
import { IMPORT_FIELDS } from "./fields.ts";

describe("IMPORT_FIELDS", () => {
  it("covers the customer and order columns", () => {
    expect(IMPORT_FIELDS.map((field) => field.key)).toEqual([
      "externalId", "email", "phone", "name", "firstName", "lastName", "company", "jobTitle", "addressLine1",
      "addressLine2", "city", "region", "postalCode", "country", "birthday", "gender", "source", "industry",
      "companySize", "creditTermsDays", "tags", "emailConsent", "smsConsent",
      "orderId", "orderedAt", "sku", "title", "quantity", "unitPrice", "currency",
    ]);
    expect(IMPORT_FIELDS.filter((field) => field.target === "order").map((field) => field.key)[0]).toBe("orderId");
  });

  it("labels every field in English and Chinese", () => {
    for (const { label } of IMPORT_FIELDS) {
      expect(label.en).not.toBe("");
      expect(label.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it("never lets one spelling name two fields", () => {
    const owner = new Map<string, string>();
    for (const field of IMPORT_FIELDS) {
      for (const spelling of new Set([field.key, field.label.en, field.label.zh, ...field.aliases].map(normalizeHeader))) {
        expect(owner.get(spelling) ?? field.key, `"${spelling}"`).toBe(field.key);
        owner.set(spelling, field.key);
      }
    }
  });
});
