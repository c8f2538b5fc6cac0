import { z } from "@hono/zod-openapi";

export const PortraitTag = z
  .object({
    tag: z.string(),
    weight: z.number().openapi({ description: "0.1 to 1: bigger weight, bigger in the tag cloud." }),
    kind: z.enum(["segment", "cluster", "value", "loyalty", "activity", "product", "feedback"]),
  })
  .openapi("PortraitTag");
