import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as addIdentity from "./add-identity.ts";
import * as attributes from "./attributes.ts";
import * as createCustomer from "./create-customer.ts";
import * as getCustomer from "./get-customer.ts";
import * as imports from "./imports.ts";
import * as listCustomers from "./list-customers.ts";
import * as listImports from "./list-imports.ts";
import * as merges from "./merges.ts";
import * as orders from "./orders.ts";
import * as personalData from "./personal-data.ts";
import * as qualityReport from "./quality-report.ts";
import * as recordInteraction from "./record-interaction.ts";
import * as removeIdentity from "./remove-identity.ts";
import * as timeline from "./timeline.ts";
import * as updateCustomer from "./update-customer.ts";

export const customerRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listCustomers.route, listCustomers.handler)
  .openapi(createCustomer.route, createCustomer.handler)
  .openapi(qualityReport.route, qualityReport.handler)
  .openapi(merges.duplicates, merges.duplicatesHandler)
  .openapi(personalData.exportCsv, personalData.exportCsvHandler)
  .openapi(getCustomer.route, getCustomer.handler)
  .openapi(updateCustomer.route, updateCustomer.handler)
  .openapi(addIdentity.route, addIdentity.handler)
  .openapi(removeIdentity.route, removeIdentity.handler)
  .openapi(timeline.route, timeline.handler)
  .openapi(recordInteraction.route, recordInteraction.handler)
  .openapi(attributes.list, attributes.listHandler)
  .openapi(attributes.create, attributes.createHandler)
  .openapi(attributes.update, attributes.updateHandler)
  .openapi(attributes.remove, attributes.removeHandler)
  .openapi(personalData.data, personalData.dataHandler)
  .openapi(personalData.erase, personalData.eraseHandler)
  .openapi(merges.merge, merges.mergeHandler)
  .openapi(merges.undo, merges.undoHandler)
  .openapi(imports.template, imports.templateHandler)
  .openapi(imports.create, imports.createHandler)
  .openapi(listImports.route, listImports.handler)
  .openapi(imports.get, imports.getHandler)
  .openapi(imports.update, imports.updateHandler)
  .openapi(imports.validate, imports.validateHandler)
  .openapi(imports.run, imports.runHandler)
  .openapi(imports.problems, imports.problemsHandler)
  .openapi(orders.summary, orders.summaryHandler)
  .openapi(orders.list, orders.listHandler)
  .openapi(orders.get, orders.getHandler)
  .openapi(orders.create, orders.createHandler)
  .openapi(orders.refund, orders.refundHandler)
  .openapi(orders.cancel, orders.cancelHandler);
