import type { Customer, CustomerChange } from "../customer-api.ts";
import { fieldText, PROFILE_FIELDS, type ProfileField } from "../fields.ts";

/** How a field ends up after the merge, by the API's rules, and whether the user may choose. */
export type FieldOutcome = { field: ProfileField; survivor: string | null; duplicate: string | null; result: "survivor" | "duplicate" | "empty"; choice: boolean };

/** The survivor's value wins, a gap is filled from the duplicate; only two different values leave a choice. */
export function fieldOutcomes(survivor: Customer, duplicate: Customer): FieldOutcome[] {
  return PROFILE_FIELDS.map((field) => {
    const own = fieldText(survivor, field);
    const other = fieldText(duplicate, field);
    const result = own !== null ? "survivor" : other !== null ? "duplicate" : "empty";
    return { field, survivor: own, duplicate: other, result, choice: own !== null && other !== null && own !== other };
  });
}

/** Tags after the merge: the survivor's, then the duplicate's others (compared without case). */
export function unitedTags(survivor: Customer, duplicate: Customer): string[] {
  return [...survivor.tags, ...duplicate.tags.filter((tag) => !survivor.tags.some((own) => own.toLowerCase() === tag.toLowerCase()))];
}

/** Consent follows the record whose consent was updated last. */
export function consentFrom(survivor: Customer, duplicate: Customer): Customer {
  const time = (customer: Customer) => (customer.consentUpdatedAt ? Date.parse(customer.consentUpdatedAt) : -Infinity);
  return time(duplicate) > time(survivor) ? duplicate : survivor;
}

/**
 * The merge route always keeps the survivor's values, so a duplicate's value the user picked is
 * written to the survivor first; `undo` holds the survivor's own values to write back after an undo.
 */
export function pickedChange(survivor: Customer, duplicate: Customer, picked: ProfileField[]): { apply: CustomerChange; undo: CustomerChange } {
  const apply: Record<string, unknown> = {};
  const undo: Record<string, unknown> = {};
  for (const field of picked) {
    apply[field] = duplicate[field];
    undo[field] = survivor[field];
  }
  return { apply: apply as CustomerChange, undo: undo as CustomerChange };
}
