import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { widgetCors } from "../widget-cors.ts";
import * as closeSurvey from "./close-survey.ts";
import * as createSurvey from "./create-survey.ts";
import * as deleteSurvey from "./delete-survey.ts";
import * as exportResponses from "./export-responses.ts";
import * as getSurvey from "./get-survey.ts";
import * as listSurveys from "./list-surveys.ts";
import * as publishSurvey from "./publish-survey.ts";
import * as rotateIdentitySecret from "./rotate-identity-secret.ts";
import * as setWebhook from "./set-webhook.ts";
import * as surveyResults from "./survey-results.ts";
import * as updateSurvey from "./update-survey.ts";
import * as widgetGetSurvey from "./widget-get-survey.ts";
import * as widgetIdentify from "./widget-identify.ts";
import * as widgetListSurveys from "./widget-list-surveys.ts";
import * as widgetSaveResponse from "./widget-save-response.ts";

/** The largest widget body: a long survey's answers fit many times over. */
export const MAX_WIDGET_BODY_BYTES = 64 * 1024;

const router = new OpenAPIHono<AppEnv>();
router.use("/v1/widget/*", widgetCors());
router.use(
  "/v1/widget/*",
  bodyLimit({
    maxSize: MAX_WIDGET_BODY_BYTES,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `Bodies up to ${MAX_WIDGET_BODY_BYTES} bytes are accepted here.`);
    },
  }),
);

export const surveyRoutes = router
  .openapi(rotateIdentitySecret.route, rotateIdentitySecret.handler)
  .openapi(setWebhook.route, setWebhook.handler)
  .openapi(createSurvey.route, createSurvey.handler)
  .openapi(listSurveys.route, listSurveys.handler)
  .openapi(getSurvey.route, getSurvey.handler)
  .openapi(updateSurvey.route, updateSurvey.handler)
  .openapi(publishSurvey.route, publishSurvey.handler)
  .openapi(closeSurvey.route, closeSurvey.handler)
  .openapi(deleteSurvey.route, deleteSurvey.handler)
  .openapi(surveyResults.route, surveyResults.handler)
  .openapi(exportResponses.route, exportResponses.handler)
  .openapi(widgetListSurveys.route, widgetListSurveys.handler)
  .openapi(widgetGetSurvey.route, widgetGetSurvey.handler)
  .openapi(widgetSaveResponse.route, widgetSaveResponse.handler)
  .openapi(widgetIdentify.route, widgetIdentify.handler);
