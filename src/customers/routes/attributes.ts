import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { defineAttribute, listAttributes, removeAttribute, updateAttribute } from "../attributes.ts";
import { Attribute } from "./schemas.ts";
import { attributeView } from "./views.ts";

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "must be lower-case letters, digits and underscores, starting with a letter" })
  .openapi({ example: "loyalty_tier" });
const Options = z.array(z.string().trim().min(1).max(100)).max(200).refine((options) => new Set(options).size === options.length, {
  error: "must not repeat an option",
});
const KeyParam = z.object({ key: Key.openapi({ param: { name: "key", in: "path" } }) });

export const list = defineRoute({
  operationId: "attributes.list",
  method: "get",
  path: "/v1/attributes",
  tags: ["customers"],
  summary: "The tenant's custom customer attributes",
  responses: { 200: json(z.object({ items: z.array(Attribute) }), "Every attribute, by key.") },
});

export const listHandler: RouteHandler<typeof list, AppEnv> = async (c) => {
  const rows = await listAttributes(c.get("services").db(), currentActor(c));
  return c.json({ items: rows.map(attributeView) }, 200);
};

export const create = defineRoute({
  operationId: "attributes.create",
  method: "post",
  path: "/v1/attributes",
  tags: ["customers"],
  summary: "Declare a custom attribute",
  request: {
    body: jsonBody(
      z
        .object({
          key: Key,
          label: z.string().trim().min(1).max(100),
          type: z.enum(["text", "number", "boolean", "date", "enum", "multi_enum"]),
          options: Options.optional(),
        })
        .openapi("NewAttribute"),
    ),
  },
  responses: {
    201: json(Attribute, "The attribute."),
    400: json(ProblemSchema, "The input is invalid."),
    409: json(ProblemSchema, "The key is taken."),
  },
});

export const createHandler: RouteHandler<typeof create, AppEnv> = async (c) => {
  const row = await defineAttribute(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json(attributeView(row), 201);
};

export const update = defineRoute({
  operationId: "attributes.update",
  method: "patch",
  path: "/v1/attributes/{key}",
  tags: ["customers"],
  summary: "Rename an attribute or change its options",
  description: "The type is fixed. An option still used by a customer cannot be removed.",
  request: {
    params: KeyParam,
    body: jsonBody(z.object({ label: z.string().trim().min(1).max(100), options: Options }).partial().strict().openapi("AttributeChange")),
  },
  responses: {
    200: json(Attribute, "The attribute after the change."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such attribute."),
    409: json(ProblemSchema, "An option to remove is still in use."),
  },
});

export const updateHandler: RouteHandler<typeof update, AppEnv> = async (c) => {
  const row = await updateAttribute(c.get("services").db(), currentActor(c), c.req.valid("param").key, c.req.valid("json"));
  return c.json(attributeView(row), 200);
};

export const remove = defineRoute({
  operationId: "attributes.remove",
  method: "delete",
  path: "/v1/attributes/{key}",
  tags: ["customers"],
  summary: "Remove an attribute and its values from every customer",
  request: { params: KeyParam },
  responses: {
    204: { description: "The attribute and its values are gone." },
    404: json(ProblemSchema, "No such attribute."),
  },
});

export const removeHandler: RouteHandler<typeof remove, AppEnv> = async (c) => {
  await removeAttribute(c.get("services").db(), currentActor(c), c.req.valid("param").key);
  return c.body(null, 204);
};
