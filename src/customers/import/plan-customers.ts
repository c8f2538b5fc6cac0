import type { ImportOptions, ImportResults } from "../../db/schema/index.ts";
import type { CustomerValues } from "../standardise-customer.ts";
import type { OrderPart } from "./row-values.ts";

/** A row of the file that passed every check, standardised. */
export type ValidRow = { line: number; values: CustomerValues; externalId: string | null; order: OrderPart | null };

/** A customer's stored values by field name, as `CustomerValues` names them. */
export type StoredCustomer = Record<string, unknown>;

/** What the database held when the batch began, for the keys the batch names. */
export type KnownCustomers = {
  byExternalId: Map<string, string>;
  /** The earliest created customer with each email (and phone). */
  byEmail: Map<string, string>;
  byPhone: Map<string, string>;
  /** The stored values of every customer those maps name. */
  stored: Map<string, StoredCustomer>;
  /** Which of them an earlier batch of this run met. */
  metEarlier: Set<string>;
};

/** A timeline entry to write; the actor is the import. */
export type Note = { customerId: string; kind: "created" | "field_change" | "order"; summary: string; data?: Record<string, unknown>; occurredAt?: string };

export type CustomerPlan = {
  /** Each row's customer, in row order; null for a row that names none (a guest order). */
  customerOf: Array<string | null>;
  /** New customers with their values once the batch's later rows have filled them. */
  created: Array<{ id: string; values: StoredCustomer }>;
  /** Existing customers and the fields the batch sets on them. */
  changed: Map<string, StoredCustomer>;
  notes: Note[];
  /** External ids the database does not know yet, and their customers. */
  identities: Array<{ externalId: string; customerId: string }>;
  /** Customers the batch met that no earlier batch of the run did. */
  met: string[];
};

/** The external ids, emails and phones a batch looks customers up by. */
export function lookupKeys(rows: ValidRow[]): { externalIds: string[]; emails: string[]; phones: string[] } {
  const [externalIds, emails, phones] = [new Set<string>(), new Set<string>(), new Set<string>()];
  for (const row of rows) {
    if (row.externalId) externalIds.add(row.externalId);
    if (row.values.email) emails.add(row.values.email);
    if (row.values.phone) phones.add(row.values.phone);
  }
  return { externalIds: [...externalIds], emails: [...emails], phones: [...phones] };
}

/** A new customer's values before a row sets any: the columns' defaults. */
export const blankCustomer = (): StoredCustomer => ({
  displayName: null, email: null, phone: null, addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null, country: null,
  company: null, jobTitle: null, birthday: null, gender: null, source: null, industry: null, companySize: null, creditTermsDays: null,
  tags: [], emailConsent: false, smsConsent: false, attributes: {},
});

const isEmpty = (value: unknown) => value === null || value === "" || (Array.isArray(value) && value.length === 0);
const isAbsent = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

function keysOf(values: CustomerValues, externalId: string | null): string[] {
  return [externalId && `id:${externalId}`, values.email && `email:${values.email}`, values.phone && `phone:${values.phone}`].filter(Boolean) as string[];
}

function knownMatch(known: KnownCustomers, values: CustomerValues, externalId: string | null): string | undefined {
  return (externalId && known.byExternalId.get(externalId)) || (values.email && known.byEmail.get(values.email)) || (values.phone && known.byPhone.get(values.phone)) || undefined;
}

/**
 * Decides, row by row, what a batch does to customers. A row's customer is the one an earlier
 * row of the batch gave any of its keys, else the one the database knows by external id, then
 * email, then phone; else a new one. The first row of a customer in the run sets its values;
 * later rows (of this batch or an earlier one) only fill what is still empty, so a file that
 * disagrees with itself reads the same way on every run and a second run changes nothing. Counts
 * each row in `results` as created, updated, unchanged or mergedInFile.
 */
export function planCustomers(rows: ValidRow[], known: KnownCustomers, options: ImportOptions, results: ImportResults): CustomerPlan {
  const plan: CustomerPlan = { customerOf: [], created: [], changed: new Map(), notes: [], identities: [], met: [] };
  const byKey = new Map<string, string>();
  const stored = new Map(known.stored);
  const met = new Set<string>();
  const identified = new Set<string>();
  const createdById = new Map<string, { id: string; values: StoredCustomer }>();
  for (const row of rows) {
    const keys = keysOf(row.values, row.externalId);
    if (keys.length === 0 && !row.values.displayName) {
      plan.customerOf.push(null);
      continue;
    }
    const provided: StoredCustomer = Object.fromEntries(Object.entries(row.values).filter(([, value]) => !isAbsent(value)));
    let id = keys.map((key) => byKey.get(key)).find(Boolean) ?? knownMatch(known, row.values, row.externalId);
    if (id) {
      const laterRow = met.has(id) || known.metEarlier.has(id);
      const current = stored.get(id)!;
      const was = (field: string) => current[field] ?? null;
      // A row's attributes add to the stored ones; they never drop keys the file does not name.
      if (provided.attributes) provided.attributes = { ...((current.attributes as object | null) ?? {}), ...(provided.attributes as object) };
      const fields = Object.keys(provided).filter((field) => (laterRow ? isEmpty(was(field)) : JSON.stringify(was(field)) !== JSON.stringify(provided[field])));
      if (fields.length) {
        const changes = Object.fromEntries(fields.map((field) => [field, { from: was(field), to: provided[field] }]));
        plan.notes.push({ customerId: id, kind: "field_change", summary: `Changed ${fields.join(", ")} by import`, data: changes });
        const set = Object.fromEntries(fields.map((field) => [field, provided[field]]));
        stored.set(id, { ...current, ...set });
        // A customer created earlier in the batch is written once, with what later rows filled in.
        const created = createdById.get(id);
        if (created) created.values = stored.get(id)!;
        else plan.changed.set(id, { ...plan.changed.get(id), ...set });
      }
      results[laterRow ? "mergedInFile" : fields.length ? "updated" : "unchanged"]++;
    } else {
      id = crypto.randomUUID();
      const values = { ...blankCustomer(), ...provided, source: row.values.source ?? options.source };
      stored.set(id, values);
      createdById.set(id, { id, values });
      plan.created.push(createdById.get(id)!);
      plan.notes.push({ customerId: id, kind: "created", summary: `Created by import from ${options.source}` });
      results.created++;
    }
    if (!met.has(id) && !known.metEarlier.has(id)) plan.met.push(id);
    met.add(id);
    // An identity already stored stays as it is, with whichever customer it names.
    if (row.externalId && !identified.has(row.externalId) && !known.byExternalId.has(row.externalId)) {
      identified.add(row.externalId);
      plan.identities.push({ externalId: row.externalId, customerId: id });
    }
    for (const key of keys) byKey.set(key, id);
    plan.customerOf.push(id);
  }
  return plan;
}
