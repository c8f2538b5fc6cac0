import type { Actor } from "../platform/actor.ts";
import type { Database, DatabaseHandle } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
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

/**
 * Streams the filtered customer list as UTF-8 CSV (with a BOM so spreadsheet programs read
 * Chinese text right), a thousand rows per query, so memory stays flat however many there are.
 * The stream owns its database handle, since it outlives the request handler. The export is
 * audited before the first byte, with the filter it used.
 */
export async function exportCustomers(
  open: () => DatabaseHandle,
  db: Database,
  actor: Actor,
  filter: CustomerFilter,
): Promise<ReadableStream<Uint8Array>> {
  const attributeKeys = await withTenant(db, actor.tenantId, async (tx) => {
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "customers.export", entityType: "customer", changes: { filter } });
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
        const page = await listCustomers(handle.db, actor, filter, { sort: "createdAt", cursor: cursor ?? undefined, limit: PAGE });
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
