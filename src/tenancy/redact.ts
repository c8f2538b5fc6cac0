/** Field names whose values are personal data: the audit trail records that they changed, not to what. */
const PERSONAL = new Set([
  "email",
  "name",
  "displayName",
  "firstName",
  "lastName",
  "phone",
  "address",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "birthday",
  "gender",
  "jobTitle",
  "attributes",
  "identity",
  "identities",
  "externalId",
  "password",
  "ip",
]);

export const REDACTED = "[redacted]";

/**
 * Copies a change set with every personal value replaced by a marker, at any depth. `exempt`
 * names top-level fields that share a personal field's name but are not about a person (a
 * company's name).
 */
export function redact(changes: Record<string, unknown>, exempt: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [
      key,
      PERSONAL.has(key) && !exempt.includes(key) ? REDACTED : redactValue(value),
    ]),
  );
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object" && !(value instanceof Date)) return redact(value as Record<string, unknown>);
  return value;
}
