import type { OperationId } from "../../src/platform/permissions.ts";
import { PASSWORD } from "./accounts.ts";
import { call, clientAddress, uniqueEmail } from "./api.ts";
import { currentIdentitySecret, publishedSurvey, responseBody, sampleDefinition, signIdentity } from "./surveys.ts";
import { genericCustomerEvent, standardHeaders } from "./webhooks.ts";
import {
  insertApiKey,
  insertAttribute,
  insertCustomer,
  insertIdentity,
  insertIntegration,
  insertInvite,
  insertMember,
  insertOrder,
  insertSegment,
  insertSession,
  SAMPLE_FILTER,
  mergeFresh,
  uploadFresh,
  type Fixture,
} from "./fixture.ts";

/** What a valid call of a route needs: path parameters, a body, extra headers. */
export type Sample = {
  params?: Record<string, string>;
  raw?: { body: string; contentType: string };
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
};

const unique = () => crypto.randomUUID().slice(0, 8);

const none = async (): Promise<Sample> => ({});

/** Alternates the two languages: a member without one, or with the last one asked for, always changes (and is audited). */
let languageCalls = 0;
const nextLanguage = () => (languageCalls++ % 2 === 0 ? "en" : "zh-CN");

/**
 * A valid request for every operation, made fresh for each call so routes that consume
 * something (a refresh token, an invitation, a member) can be called again and again. Typed by
 * the permission table: a new route does not compile here until it has a sample.
 */
export const SAMPLES: Record<OperationId, (fx: Fixture) => Promise<Sample>> = {
  "system.health": none,
  "auth.jwks": none,
  "auth.signup": async () => ({
    body: { company: "Sample Traders", name: "Sam Sample", email: uniqueEmail("signup"), password: PASSWORD },
    headers: clientAddress(),
  }),
  "auth.login": async (fx) => ({ body: { email: fx.owner.email, password: PASSWORD }, headers: clientAddress() }),
  "auth.refresh": async (fx) => ({ body: { refreshToken: await insertSession(fx.tenantId, fx.owner.userId) } }),
  "auth.logout": async (fx) => ({ body: { refreshToken: await insertSession(fx.tenantId, fx.owner.userId) } }),
  "invites.accept": async (fx) => ({
    body: { token: (await insertInvite(fx.tenantId)).token, name: "Ivy Invitee", password: PASSWORD },
    headers: clientAddress(),
  }),
  "me.get": none,
  "me.update": async () => ({ body: { language: nextLanguage() } }),
  "members.list": none,
  "members.update": async (fx) => ({ params: { memberId: await insertMember(fx.tenantId, "viewer") }, body: { role: "analyst" } }),
  "members.remove": async (fx) => ({ params: { memberId: await insertMember(fx.tenantId, "viewer") } }),
  "invites.create": async () => ({ body: { email: uniqueEmail("invitee"), role: "viewer" } }),
  "invites.list": none,
  "invites.revoke": async (fx) => ({ params: { inviteId: (await insertInvite(fx.tenantId)).id } }),
  "api_keys.create": async () => ({ body: { kind: "secret", name: "Reporting server", role: "viewer" } }),
  "api_keys.list": none,
  "api_keys.revoke": async (fx) => ({ params: { apiKeyId: await insertApiKey(fx.tenantId) } }),
  "settings.get": none,
  "settings.update": async () => ({ body: { webhookRetentionDays: 1 + Math.floor(Math.random() * 3000) } }),
  "audit_log.list": none,
  "customers.list": none,
  "customers.get": async (fx) => ({ params: { customerId: fx.customerIds[0]! } }),
  "customers.create": async () => ({ body: { name: "Sample Customer", email: uniqueEmail("customer"), phone: "+44 20 7946 0958" } }),
  "customers.update": async (fx) => ({ params: { customerId: fx.customerIds[0]! }, body: { city: `Town ${unique()}` } }),
  "customers.identities.add": async (fx) => ({
    params: { customerId: fx.customerIds[1]! },
    body: { platform: "stripe", externalId: `cus_${unique()}` },
  }),
  "customers.identities.remove": async (fx) => ({
    params: { customerId: fx.customerIds[1]! },
    query: await insertIdentity(fx.tenantId, fx.customerIds[1]!),
  }),
  "customers.timeline": async (fx) => ({ params: { customerId: fx.customerIds[0]! } }),
  "customers.quality": none,
  "customers.interactions.create": async (fx) => ({
    params: { customerId: fx.customerIds[0]! },
    body: { kind: "call", summary: "Asked about delivery times" },
  }),
  "attributes.list": none,
  "attributes.create": async () => ({ body: { key: `tier_${unique()}`, label: "Tier", type: "enum", options: ["gold", "silver"] } }),
  "attributes.update": async (fx) => ({ params: { key: await insertAttribute(fx.tenantId) }, body: { label: `Label ${unique()}` } }),
  "attributes.remove": async (fx) => ({ params: { key: await insertAttribute(fx.tenantId) } }),
  "customers.duplicates": none,
  "customers.export": none,
  "customers.data": async (fx) => ({ params: { customerId: fx.customerIds[0]! } }),
  "customers.erase": async (fx) => ({ params: { customerId: await insertCustomer(fx.tenantId, "Forget Me") } }),
  "customers.merge": async (fx) => ({
    params: { customerId: await insertCustomer(fx.tenantId, "Keeper") },
    body: { duplicateId: await insertCustomer(fx.tenantId, "Copy") },
  }),
  "customers.merges.undo": async (fx) => ({ params: { mergeId: await mergeFresh(fx.owner) } }),
  "imports.template": none,
  "imports.create": async () => ({ raw: { body: "Email,Name\r\nada@example.com,Ada\r\n", contentType: "text/csv" } }),
  "imports.list": none,
  "imports.get": async (fx) => ({ params: { importId: fx.importId } }),
  "imports.update": async (fx) => ({ params: { importId: await uploadFresh(fx.owner) }, body: { options: { dateOrder: "DMY" } } }),
  "imports.validate": async (fx) => ({ params: { importId: await uploadFresh(fx.owner) } }),
  "imports.run": async (fx) => ({ params: { importId: await uploadFresh(fx.owner) } }),
  "imports.problems": async (fx) => ({ params: { importId: fx.importId } }),
  "orders.list": none,
  "orders.summary": none,
  "orders.get": async (fx) => ({ params: { orderId: fx.orderId } }),
  "orders.create": async (fx) => ({
    body: {
      customerId: fx.customerIds[0],
      source: "shop",
      externalId: `#${unique()}`,
      currency: "GBP",
      orderedAt: new Date().toISOString(),
      lines: [{ sku: "85123A", title: "White hanging heart t-light holder", quantity: 6, unitPrice: 255 }],
    },
  }),
  "orders.refund": async (fx) => ({ params: { orderId: await insertOrder(fx.tenantId, fx.customerIds[0]!) }, body: { amount: 250, reason: "Broken mug" } }),
  "orders.cancel": async (fx) => ({ params: { orderId: await insertOrder(fx.tenantId, fx.customerIds[0]!) }, body: { reason: "Changed mind" } }),
  "hooks.receive": async (fx) => {
    const body = genericCustomerEvent(`ext-${unique()}`, uniqueEmail("hooked"));
    return { params: { integrationId: fx.integrationId }, raw: { body, contentType: "application/json" }, headers: standardHeaders(fx.integrationSecret, body) };
  },
  "integrations.create": async () => ({ body: { platform: "woocommerce", name: `Woo shop ${unique()}` } }),
  "integrations.list": none,
  "integrations.get": async (fx) => ({ params: { integrationId: fx.integrationId } }),
  "integrations.update": async (fx) => ({ params: { integrationId: fx.integrationId }, body: { name: `Sender ${unique()}` } }),
  "integrations.rotate_secret": async (fx) => ({ params: { integrationId: (await insertIntegration(fx.tenantId)).integrationId }, body: { overlapHours: 1 } }),
  "integrations.delete": async (fx) => ({ params: { integrationId: (await insertIntegration(fx.tenantId)).integrationId } }),
  "integrations.test_delivery": async (fx) => ({ params: { integrationId: fx.integrationId } }),
  "integrations.deliveries.list": async (fx) => ({ params: { integrationId: fx.integrationId } }),
  "integrations.deliveries.get": async (fx) => ({ params: { integrationId: fx.integrationId, deliveryId: fx.deliveryId } }),
  "integrations.deliveries.replay": async (fx) => ({ params: { integrationId: fx.integrationId, deliveryId: fx.deliveryId } }),
  "segmentation.runs.create": async () => ({ body: {} }),
  "backups.create": none,
  "backups.list": none,
  "backups.get": async (fx) => ({ params: { backupId: fx.backupId } }),
  "backups.verify": async (fx) => ({ params: { backupId: fx.backupId } }),
  "backups.download": async (fx) => ({ params: { backupId: fx.backupId } }),
  "backups.restore": async (fx) => ({ params: { backupId: fx.backupId }, body: { into: "new" } }),
  "segmentation.runs.list": none,
  "segmentation.runs.get": async (fx) => ({ params: { runId: fx.runId } }),
  "segmentation.runs.scores": async (fx) => ({ params: { runId: fx.runId } }),
  "customers.scores": async (fx) => ({ params: { customerId: fx.customerIds[0]! } }),
  "segmentation.runs.portraits": async (fx) => ({ params: { runId: fx.runId } }),
  "customers.portrait": async (fx) => ({ params: { customerId: fx.customerIds[0]! } }),
  "segments.create": async () => ({ body: { name: `Segment ${unique()}`, filter: SAMPLE_FILTER } }),
  "segments.list": none,
  "segments.get": async (fx) => ({ params: { segmentId: fx.segmentId } }),
  "segments.update": async (fx) => ({ params: { segmentId: fx.segmentId }, body: { name: `Segment ${unique()}` } }),
  "segments.delete": async (fx) => ({ params: { segmentId: await insertSegment(fx.tenantId) } }),
  "segments.members": async (fx) => ({ params: { segmentId: fx.segmentId } }),
  "segments.preview": async () => ({ body: { filter: SAMPLE_FILTER } }),
  "segments.export": async (fx) => ({ params: { segmentId: fx.segmentId } }),
  "surveys.create": async () => ({ body: { name: `Survey ${unique()}`, definition: sampleDefinition() } }),
  "surveys.list": none,
  "surveys.get": async (fx) => ({ params: { surveyId: fx.surveyId } }),
  "surveys.update": async (fx) => ({ params: { surveyId: fx.surveyId }, body: { name: `Survey ${unique()}` } }),
  "surveys.publish": async (fx) => ({ params: { surveyId: fx.surveyId } }),
  "surveys.close": async (fx) => ({ params: { surveyId: await publishedSurvey(fx.owner) } }),
  "surveys.delete": async (fx) => ({ params: { surveyId: await draftSurvey(fx) } }),
  "surveys.identity_secret": none,
  "surveys.webhook.set": async () => ({ body: { url: null } }),
  "surveys.results": async (fx) => ({ params: { surveyId: fx.surveyId }, query: { interval: "week" } }),
  "surveys.responses.export": async (fx) => ({ params: { surveyId: fx.surveyId } }),
  "widget.surveys.list": async () => ({ query: { lang: "zh-CN", url: "https://shop.example.com/cart" } }),
  "widget.surveys.get": async (fx) => ({ params: { surveyId: fx.surveyId }, query: { lang: "ar" } }),
  "widget.responses.save": async (fx) => ({ params: { responseId: crypto.randomUUID() }, body: responseBody(fx.surveyId) }),
  "widget.identify": async (fx) => {
    const email = `c1@${fx.tenantId}.example`;
    return { body: { visitorId: `v_${unique()}`, email, signature: await signIdentity(await currentIdentitySecret(fx.tenantId), email) } };
  },
};

/** A survey never published, written through the API. */
async function draftSurvey(fx: Fixture): Promise<string> {
  const res = await call("POST", "/v1/surveys", { token: fx.owner.tokens.accessToken, body: { name: `Draft ${unique()}`, definition: sampleDefinition() } });
  return (await res.json<{ id: string }>()).id;
}
