import { and, eq, inArray, isNull } from "drizzle-orm";
import { findCustomerByIdentity } from "../customers/find-by-identity.ts";
import { surveyResponses, surveyVersions, widgetVisitors } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import type { SurveyDefinition } from "./definition.ts";
import { verifyIdentity, type IdentityClaim } from "./identity.ts";
import { countWidgetWrite } from "./rate-limit.ts";
import { addResponseToTimeline } from "./response-timeline.ts";

/**
 * Links a visitor to the customer a signed claim names (by external id through the customer's
 * identities, or by email): the visitor's earlier anonymous responses become the customer's,
 * completed ones appear on their timeline, and later responses of the visitor follow.
 * Returns how many responses were re-attributed.
 */
export async function identifyVisitor(db: Database, actor: Actor, visitorId: string, claim: IdentityClaim): Promise<number> {
  await countWidgetWrite(db, actor.tenantId, visitorId, actor.origin.ip);
  return withTenant(db, actor.tenantId, async (tx) => {
    await verifyIdentity(tx, actor.tenantId, claim);
    const customerId = await findCustomerByIdentity(tx, claim);
    if (!customerId) throw new NotFoundError("customer", undefined, "No customer has that external id or email.");
    await tx
      .insert(widgetVisitors)
      .values({ tenantId: actor.tenantId, visitorId, customerId })
      .onConflictDoUpdate({ target: [widgetVisitors.tenantId, widgetVisitors.visitorId], set: { customerId, identifiedAt: new Date() } });
    const linked = await tx
      .update(surveyResponses)
      .set({ customerId, updatedAt: new Date() })
      .where(and(eq(surveyResponses.visitorId, visitorId), isNull(surveyResponses.customerId)))
      .returning();
    const completed = linked.filter((response) => response.status === "complete");
    if (completed.length) {
      const versions = await tx
        .select()
        .from(surveyVersions)
        .where(inArray(surveyVersions.surveyId, [...new Set(completed.map((response) => response.surveyId))]));
      for (const response of completed) {
        const version = versions.find((row) => row.surveyId === response.surveyId && row.version === response.version)!;
        await addResponseToTimeline(tx, actor.tenantId, customerId, { ...response, completedAt: response.completedAt ?? response.updatedAt }, version.definition as SurveyDefinition);
      }
    }
    return linked.length;
  });
}
