import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as health from "./health.ts";

export const systemRoutes = new OpenAPIHono<AppEnv>().openapi(health.route, health.handler);
