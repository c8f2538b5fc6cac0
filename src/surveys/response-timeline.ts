import { addTimelineEntry } from "../customers/timeline.ts";
import type { Transaction } from "../platform/db.ts";
import type { SurveyDefinition } from "./definition.ts";

/** What a response is on a customer's timeline: the survey, and its headline score if any. */
export async function addResponseToTimeline(
  tx: Transaction,
  tenantId: string,
  customerId: string,
  response: { id: string; surveyId: string; version: number; completedAt: Date; answers: Record<string, unknown> },
  definition: SurveyDefinition,
): Promise<void> {
  const title = definition.title[definition.defaultLanguage] ?? "a survey";
  const scores: Record<string, number> = {};
  for (const question of definition.questions) {
    const value = response.answers[question.id];
    if (typeof value === "number" && (question.type === "nps" || question.type === "csat" || question.type === "ces")) scores[question.type] ??= value;
  }
  const headline = Object.entries(scores).map(([type, value]) => `${type.toUpperCase()} ${value}`).join(", ");
  await addTimelineEntry(tx, tenantId, customerId, {
    kind: "survey_response",
    summary: headline ? `Answered "${title}" (${headline})` : `Answered "${title}"`,
    occurredAt: response.completedAt,
    data: { responseId: response.id, surveyId: response.surveyId, version: response.version, ...scores },
    actorType: "visitor",
    actorId: null,
  });
}
