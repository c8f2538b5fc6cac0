import { asc, eq } from "drizzle-orm";
import { attributeDefinitions } from "../../customers/attributes.ts";
import { segments } from "../../db/schema/index.ts";
import type { Actor } from "../../platform/actor.ts";
import { exportCustomerPages } from "../../customers/export-customers.ts";
import type { Database, DatabaseHandle, Transaction } from "../../platform/db.ts";
import { NotFoundError, UnprocessableError } from "../../platform/errors.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../../tenancy/audit.ts";
import { attributeReferences, auditedFilter, checkFilter, type SegmentFilter } from "./filter-schema.ts";
import { countMembers, pageOfMembers, type MemberPage } from "./members.ts";

export type SegmentRow = typeof segments.$inferSelect;
export type SegmentWithCount = SegmentRow & { memberCount: number };
export type NewSegment = { name: string; description?: string | null; filter: SegmentFilter };
export type SegmentChange = { name?: string; description?: string | null; filter?: SegmentFilter };

/** A tenant keeps at most this many saved segments; the list shows them all, each with its count. */
export const MAX_SEGMENTS = 200;

/** Custom attributes a filter names must be declared: an unknown key is a 422 pointing at its field. */
async function checkAttributes(tx: Transaction, filter: SegmentFilter, at: string): Promise<void> {
  const declared = new Set((await attributeDefinitions(tx)).map((definition) => definition.key));
  const unknown = attributeReferences(filter).filter((reference) => !declared.has(reference.key));
  if (unknown.length) {
    throw new UnprocessableError(
      "The filter names custom attributes this tenant has not declared.",
      unknown.map((reference) => ({ path: [at, ...reference.path].join("."), message: `names attribute ${reference.key}, which is not declared` })),
    );
  }
}

async function findSegment(tx: Transaction, segmentId: string): Promise<SegmentRow> {
  const [row] = await tx.select().from(segments).where(eq(segments.id, segmentId));
  if (!row) throw new NotFoundError("segment", segmentId);
  return row;
}

/** A stored filter, checked again, since the catalogue is code and the filter is data. */
function storedFilter(row: SegmentRow): SegmentFilter {
  const checked = checkFilter(row.filter);
  if (!checked.ok) throw new UnprocessableError(`Segment ${row.id}'s filter is no longer valid; update it.`, checked.problems.map((p) => ({ path: ["filter", ...p.path].join("."), message: p.message })));
  return checked.filter;
}

async function withCount(tx: Transaction, row: SegmentRow): Promise<SegmentWithCount> {
  return { ...row, memberCount: await countMembers(tx, storedFilter(row)) };
}

export async function createSegment(db: Database, actor: Actor, input: NewSegment): Promise<SegmentWithCount> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await checkAttributes(tx, input.filter, "json.filter");
    const [row] = await tx
      .insert(segments)
      .values({ tenantId: actor.tenantId, name: input.name, description: input.description ?? null, filter: input.filter, createdBy: actor.kind === "user" ? actor.userId : actor.keyId })
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "segments.create",
      entityType: "segment",
      entityId: row!.id,
      notPersonal: ["name"],
      changes: { name: input.name, filter: auditedFilter(input.filter) },
    });
    return withCount(tx, row!);
  });
}

/** The tenant's saved segments by name, each with how many customers match it now. */
export async function listSegments(db: Database, actor: Actor): Promise<SegmentWithCount[]> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const rows = await tx.select().from(segments).orderBy(asc(segments.name), asc(segments.id)).limit(MAX_SEGMENTS);
    const counted: SegmentWithCount[] = [];
    for (const row of rows) counted.push(await withCount(tx, row));
    return counted;
  });
}

export async function getSegment(db: Database, actor: Actor, segmentId: string): Promise<SegmentWithCount> {
  return withTenant(db, actor.tenantId, async (tx) => withCount(tx, await findSegment(tx, segmentId)));
}

export async function updateSegment(db: Database, actor: Actor, segmentId: string, change: SegmentChange): Promise<SegmentWithCount> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSegment(tx, segmentId);
    if (change.filter) await checkAttributes(tx, change.filter, "json.filter");
    const changed = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const [after] = await tx.update(segments).set({ ...changed, updatedAt: new Date() }).where(eq(segments.id, segmentId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "segments.update",
      entityType: "segment",
      entityId: segmentId,
      notPersonal: ["name"],
      changes: Object.fromEntries(
        Object.entries(changed).map(([field, to]) =>
          field === "filter" ? [field, { from: auditedFilter(before.filter as SegmentFilter), to: auditedFilter(to as SegmentFilter) }] : [field, { from: before[field as keyof SegmentRow], to }],
        ),
      ),
    });
    return withCount(tx, after!);
  });
}

export async function deleteSegment(db: Database, actor: Actor, segmentId: string): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSegment(tx, segmentId);
    await tx.delete(segments).where(eq(segments.id, segmentId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "segments.delete", entityType: "segment", entityId: segmentId, notPersonal: ["name"], changes: { name: before.name } });
  });
}

/** One page of a saved segment's members. */
export async function segmentMembers(db: Database, actor: Actor, segmentId: string, page: { cursor?: string; limit: number }): Promise<MemberPage> {
  return withTenant(db, actor.tenantId, async (tx) => pageOfMembers(tx, storedFilter(await findSegment(tx, segmentId)), page));
}

/**
 * What an unsaved filter would match: the count and the first page. Audited like an export,
 * since it shows customers to whoever holds the filter.
 */
export async function previewSegment(db: Database, actor: Actor, filter: SegmentFilter, limit: number): Promise<MemberPage & { memberCount: number }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await checkAttributes(tx, filter, "json.filter");
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "segments.preview", entityType: "segment", changes: { filter: auditedFilter(filter) } });
    return { memberCount: await countMembers(tx, filter), ...(await pageOfMembers(tx, filter, { limit })) };
  });
}

/** A saved segment's filter; 404 when there is no such segment. */
async function segmentFilter(tx: Transaction, segmentId: string): Promise<{ segment: SegmentRow; filter: SegmentFilter }> {
  const segment = await findSegment(tx, segmentId);
  return { segment, filter: storedFilter(segment) };
}

/**
 * A saved segment's members as a CSV stream, with the customer export's columns. The segment is
 * read first, so a missing one is a 404 rather than a broken download; the export is audited.
 */
export async function exportSegment(open: () => DatabaseHandle, db: Database, actor: Actor, segmentId: string): Promise<{ name: string; stream: ReadableStream<Uint8Array> }> {
  const { segment, filter } = await withTenant(db, actor.tenantId, (tx) => segmentFilter(tx, segmentId));
  const stream = await exportCustomerPages(open, db, actor, { action: "segments.export", entityType: "segment", entityId: segmentId, notPersonal: ["name"], changes: { name: segment.name } }, (handle, cursor, limit) =>
    withTenant(handle, actor.tenantId, (tx) => pageOfMembers(tx, filter, { cursor, limit })),
  );
  return { name: segment.name, stream };
}
