import type { Actor } from "../platform/actor.ts";
import type { Database, DatabaseHandle } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit, type AuditEntry } from "../tenancy/audit.ts";
import { attributeDefinitions } from "./attributes.ts";
import { csvRow, type CsvValue } from "./csv-write.ts";
import type { CustomerView } from "./customer-view.ts";
import { listCustomers, type CustomerFilter } from "./list-customers.ts";

const PAGE = 1000;

/** The export's columns: the customer's fields, then one per custom attribute (by key). */
export const EXPORT_FIELDS = [
  "id",
  "name",
  "email",
  "phone",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
  "company",
  "jobTitle",
  "birthday",
  "gender",
  "source",
  "industry",
  "companySize",
  "creditTermsDays",
  "tags",
  "emailConsent",
  "smsConsent",
  "createdAt",
  "updatedAt",
] as const satisfies ReadonlyArray<keyof CustomerView>;

function cells(customer: CustomerView, attributeKeys: string[]): CsvValue[] {
  const fields = EXPORT_FIELDS.map((field) => (field === "tags" ? customer.tags.join(", ") : (customer[field] as CsvValue)));
  const attributes = attributeKeys.map((key) => {
    const value = customer.attributes[key];
    return Array.isArray(value) ? value.join(", ") : (value as CsvValue);
  });
  return [...fields, ...attributes];
}

/** Fetches one page of the customers to export, after `cursor`, through the stream's own handle. */
export type CustomerPages = (db: Database, cursor: string | undefined, limit: number) => Promise<{ items: CustomerView[]; nextCursor: string | null }>;

/**
 * Streams the filtered customer list as UTF-8 CSV; see `exportCustomerPages`.
 */
export async function exportCustomers(
  open: () => DatabaseHandle,
  db: Database,
  actor: Actor,
  filter: CustomerFilter,
): Promise<ReadableStream<Uint8Array>> {
  return exportCustomerPages(open, db, actor, { action: "customers.export", entityType: "customer", changes: { filter } }, (handle, cursor, limit) =>
    listCustomers(handle, actor, filter, { sort: "createdAt", cursor, limit }),
  );
}

/**
 * Streams customers as UTF-8 CSV (with a BOM so spreadsheet programs read Chinese text right),
 * a thousand rows per query, so memory stays flat however many there are. The stream owns its
 * database handle, since it outlives the request handler. The export is audited before the
 * first byte with `audit`; `pages` says which customers (the filtered list, a segment's members).
 */
export async function exportCustomerPages(
  open: () => DatabaseHandle,
  db: Database,
  actor: Actor,
  audit: AuditEntry,
  pages: CustomerPages,
): Promise<ReadableStream<Uint8Array>> {
  const attributeKeys = await withTenant(db, actor.tenantId, async (tx) => {
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), audit);
    return (await attributeDefinitions(tx)).map((definition) => definition.key);
  });
  const encoder = new TextEncoder();
  let handle: DatabaseHandle | undefined;
  let cursor: string | null | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow([...EXPORT_FIELDS, ...attributeKeys])}`));
    },
    async pull(controller) {
      try {
        handle ??= open();
        const page = await pages(handle.db, cursor ?? undefined, PAGE);
        controller.enqueue(encoder.encode(page.items.map((customer) => csvRow(cells(customer, attributeKeys))).join("")));
        cursor = page.nextCursor;
        if (!cursor) {
          controller.close();
          await handle.close();
        }
      } catch (error) {
        controller.error(error);
        await handle?.close();
      }
    },
    async cancel() {
      await handle?.close();
    },
  });
}
