import { and, eq, inArray } from "drizzle-orm";
import { surveyResponses, widgetVisitors } from "../db/schema/index.ts";
import type { Transaction } from "../platform/db.ts";

export type MovedSurveyData = { surveyResponses: string[]; widgetVisitors: string[] };

/**
 * Moves a customer's survey responses and identified visitors to another customer, inside the
 * caller's transaction (a merge, before the duplicate is deleted). With `only`, just those
 * rows move (undoing a merge). Returns what moved.
 */
export async function moveCustomerSurveyData(tx: Transaction, fromCustomerId: string, toCustomerId: string, only?: MovedSurveyData): Promise<MovedSurveyData> {
  const within = (column: Parameters<typeof inArray>[0], ids?: string[]) => (ids ? inArray(column, ids) : undefined);
  const responses =
    only?.surveyResponses.length === 0
      ? []
      : await tx
          .update(surveyResponses)
          .set({ customerId: toCustomerId })
          .where(and(eq(surveyResponses.customerId, fromCustomerId), within(surveyResponses.id, only?.surveyResponses)))
          .returning({ id: surveyResponses.id });
  const visitors =
    only?.widgetVisitors.length === 0
      ? []
      : await tx
          .update(widgetVisitors)
          .set({ customerId: toCustomerId })
          .where(and(eq(widgetVisitors.customerId, fromCustomerId), within(widgetVisitors.visitorId, only?.widgetVisitors)))
          .returning({ id: widgetVisitors.visitorId });
  return { surveyResponses: responses.map((row) => row.id), widgetVisitors: visitors.map((row) => row.id) };
}
