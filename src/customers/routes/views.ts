import type { AttributeRow } from "../attributes.ts";
import type { InteractionRow } from "../timeline.ts";

export function interactionView(row: InteractionRow) {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurredAt.toISOString(),
    summary: row.summary,
    data: row.data,
    actorType: row.actorType,
    actorId: row.actorId,
  };
}

export function attributeView(row: AttributeRow) {
  return {
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
