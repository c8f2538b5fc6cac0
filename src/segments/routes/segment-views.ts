import { z } from "@hono/zod-openapi";
import { Timestamp } from "../../tenancy/routes/schemas.ts";
import type { SegmentWithCount } from "../dynamic/segments.ts";

export const Segment = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    filter: z.record(z.string(), z.unknown()).openapi({ description: "The filter, as saved." }),
    memberCount: z.number().int().openapi({ description: "Customers matching the filter now." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Segment");

export function segmentView(row: SegmentWithCount): z.infer<typeof Segment> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: row.filter as Record<string, unknown>,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
