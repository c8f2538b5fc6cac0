import type { Platform } from "./verify/index.ts";

const CUSTOMER = { email: "webhook-test@example.com", first: "Test", last: "Customer (ckm)", phone: "+442071838750" };

/**
 * A realistic sample in the platform's own shape, for "send test delivery": a customer
 * created event for one fixed test customer, so repeated tests update one record instead of
 * filling the customer list. `n` makes each event new (a new id), so it is not a duplicate.
 */
export function sampleDelivery(platform: Platform, n: number, now = new Date()): { topic: string; id: string; body: string } {
  const at = now.toISOString();
  switch (platform) {
    case "shopify":
      return {
        topic: "customers/update",
        id: `ckm-test-${n}`,
        body: `{"id":7394120939120939120,"admin_graphql_api_id":"gid://shopify/Customer/7394120939120939120","email":"${CUSTOMER.email}","first_name":"${CUSTOMER.first}","last_name":"${CUSTOMER.last}","phone":"${CUSTOMER.phone}","created_at":"${at}","updated_at":"${at}","tags":"ckm-test","currency":"GBP","email_marketing_consent":{"state":"not_subscribed","opt_in_level":"single_opt_in","consent_updated_at":null},"default_address":{"address1":"1 Test Street","city":"London","zip":"EC1A 1BB","country_code":"GB","country":"United Kingdom","default":true}}`,
      };
    case "woocommerce":
      return {
        topic: "customer.updated",
        id: `ckm-test-${n}`,
        body: JSON.stringify({ id: 900001, date_created_gmt: at.slice(0, 19), date_modified_gmt: at.slice(0, 19), email: CUSTOMER.email, first_name: CUSTOMER.first, last_name: CUSTOMER.last, role: "customer", username: "ckm-test", billing: { first_name: CUSTOMER.first, last_name: CUSTOMER.last, address_1: "1 Test Street", city: "London", postcode: "EC1A 1BB", country: "GB", email: CUSTOMER.email, phone: CUSTOMER.phone }, shipping: {} }),
      };
    case "stripe":
      return {
        topic: "customer.updated",
        id: `evt_ckmtest${n}`,
        body: JSON.stringify({ id: `evt_ckmtest${n}`, object: "event", api_version: "2025-10-29.clover", created: Math.floor(now.getTime() / 1000), type: "customer.updated", livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: "cus_ckmtest", object: "customer", email: CUSTOMER.email, name: `${CUSTOMER.first} ${CUSTOMER.last}`, phone: CUSTOMER.phone, address: { line1: "1 Test Street", line2: null, city: "London", state: null, postal_code: "EC1A 1BB", country: "GB" }, created: Math.floor(now.getTime() / 1000), metadata: {} } } }),
      };
    case "generic":
      return {
        topic: "customer.updated",
        id: `msg_ckmtest${n}`,
        body: JSON.stringify({ type: "customer.updated", timestamp: at, data: { id: "ckm-test-customer", email: CUSTOMER.email, name: `${CUSTOMER.first} ${CUSTOMER.last}`, phone: CUSTOMER.phone, country: "GB", updatedAt: at } }),
      };
  }
}
