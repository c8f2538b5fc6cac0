import type { MessageKey, Vars } from "../../../i18n/translate.ts";

/** Every action the API records, by the operationId of the route that made the change. */
export const AUDIT_ACTIONS = [
  "auth.signup", "auth.login", "auth.logout", "auth.refresh", "auth.refresh_reuse",
  "me.update", "members.update", "members.remove", "invites.create", "invites.accept", "invites.revoke",
  "api_keys.create", "api_keys.revoke", "settings.update",
  "customers.create", "customers.update", "customers.erase", "customers.merge", "customers.merges.undo",
  "customers.identities.add", "customers.identities.remove", "customers.interactions.create", "customers.export", "customers.data",
  "attributes.create", "attributes.update", "attributes.remove",
  "imports.create", "imports.update", "imports.validate", "imports.run",
  "orders.create", "orders.refund", "orders.cancel",
  "integrations.create", "integrations.update", "integrations.rotate_secret", "integrations.delete", "integrations.deliveries.replay",
  "segmentation.runs.create", "segments.create", "segments.update", "segments.delete", "segments.export", "segments.preview",
  "surveys.create", "surveys.update", "surveys.publish", "surveys.close", "surveys.delete", "surveys.identity_secret", "surveys.webhook.set", "surveys.responses.export",
  "backups.create", "backups.verify", "backups.download", "backups.restore",
] as const;

/** A readable name for an action, or the action itself when it is one this screen does not know yet. */
export function actionLabel(t: (key: MessageKey, vars?: Vars) => string, action: string): string {
  const key = `admin.audit.actions.${action}` as MessageKey;
  const label = t(key);
  return label === key ? action : label;
}
