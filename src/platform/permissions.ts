import { ROLES, type Credential, type Role } from "./roles.ts";

/** Who may call a route: nobody needs a credential, or one of these kinds with one of these roles. */
export type Permission =
  | { public: true }
  | { public?: false; roles: readonly Role[]; credentials: readonly Credential[] };

const PUBLIC: Permission = { public: true };
const EVERYONE = ROLES;
const MANAGERS = ["owner", "admin"] as const satisfies readonly Role[];
/** Viewers read but may not take personal data away (exports, right-of-access files). */
const READERS_OF_PERSONAL_DATA = ["owner", "admin", "analyst"] as const satisfies readonly Role[];
/** Staff who work with customers day to day: they also log calls and notes. */
const WORKERS = ["owner", "admin", "analyst"] as const satisfies readonly Role[];
const OWNERS = ["owner"] as const satisfies readonly Role[];
const STAFF: readonly Credential[] = ["user"];
const STAFF_AND_SERVERS: readonly Credential[] = ["user", "secret_key"];
/** Analysts and up read surveys and their results. */
const SURVEY_READERS = ["owner", "admin", "analyst"] as const satisfies readonly Role[];
/** The survey widget on a tenant's pages: publishable keys only, from allowed origins. */
const WIDGET: Permission = { roles: EVERYONE, credentials: ["publishable_key"] };

/**
 * Every route's decision, keyed by OpenAPI operationId. A route missing here cannot be defined
 * (defineRoute throws), and a test walks the OpenAPI document against this table.
 * Publishable keys act without a role: an entry listing "publishable_key" admits them whatever
 * `roles` says, and only from the tenant's allowed origins.
 */
export const PERMISSIONS = {
  "system.health": PUBLIC,
  "auth.signup": PUBLIC,
  "auth.login": PUBLIC,
  "auth.refresh": PUBLIC,
  "auth.logout": PUBLIC,
  "auth.jwks": PUBLIC,
  "invites.accept": PUBLIC,
  "me.get": { roles: EVERYONE, credentials: STAFF },
  "me.update": { roles: EVERYONE, credentials: STAFF },
  "members.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "members.update": { roles: MANAGERS, credentials: STAFF },
  "members.remove": { roles: MANAGERS, credentials: STAFF },
  "invites.create": { roles: MANAGERS, credentials: STAFF },
  "invites.list": { roles: MANAGERS, credentials: STAFF },
  "invites.revoke": { roles: MANAGERS, credentials: STAFF },
  "api_keys.create": { roles: MANAGERS, credentials: STAFF },
  "api_keys.list": { roles: MANAGERS, credentials: STAFF },
  "api_keys.revoke": { roles: MANAGERS, credentials: STAFF },
  "settings.get": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "settings.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "audit_log.list": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.get": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.identities.add": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.identities.remove": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.timeline": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.interactions.create": { roles: WORKERS, credentials: STAFF_AND_SERVERS },
  "customers.quality": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "attributes.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "attributes.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "attributes.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "attributes.remove": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.export": { roles: READERS_OF_PERSONAL_DATA, credentials: STAFF_AND_SERVERS },
  "customers.data": { roles: READERS_OF_PERSONAL_DATA, credentials: STAFF_AND_SERVERS },
  "customers.erase": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.duplicates": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.merge": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "customers.merges.undo": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.template": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.list": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.get": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.validate": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.run": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "imports.problems": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "orders.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "orders.get": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "orders.summary": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "orders.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "orders.refund": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "orders.cancel": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "hooks.receive": PUBLIC,
  "integrations.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.list": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.get": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.rotate_secret": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.delete": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.test_delivery": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.deliveries.list": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.deliveries.get": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "integrations.deliveries.replay": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "segmentation.runs.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "segmentation.runs.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segmentation.runs.get": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segmentation.runs.scores": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.scores": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "backups.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "backups.list": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "backups.get": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "backups.verify": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  /** A backup holds every row of the tenant, credentials' hashes included: only its owners take one away or write one back. */
  "backups.download": { roles: OWNERS, credentials: STAFF },
  "backups.restore": { roles: OWNERS, credentials: STAFF },
  "segmentation.runs.portraits": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "customers.portrait": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segments.create": { roles: WORKERS, credentials: STAFF_AND_SERVERS },
  "segments.list": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segments.get": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segments.update": { roles: WORKERS, credentials: STAFF_AND_SERVERS },
  "segments.delete": { roles: WORKERS, credentials: STAFF_AND_SERVERS },
  "segments.members": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segments.preview": { roles: EVERYONE, credentials: STAFF_AND_SERVERS },
  "segments.export": { roles: READERS_OF_PERSONAL_DATA, credentials: STAFF_AND_SERVERS },
  "surveys.create": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.list": { roles: SURVEY_READERS, credentials: STAFF_AND_SERVERS },
  "surveys.get": { roles: SURVEY_READERS, credentials: STAFF_AND_SERVERS },
  "surveys.update": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.publish": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.close": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.delete": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.identity_secret": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.webhook.set": { roles: MANAGERS, credentials: STAFF_AND_SERVERS },
  "surveys.results": { roles: SURVEY_READERS, credentials: STAFF_AND_SERVERS },
  "surveys.responses.export": { roles: READERS_OF_PERSONAL_DATA, credentials: STAFF_AND_SERVERS },
  "widget.surveys.list": WIDGET,
  "widget.surveys.get": WIDGET,
  "widget.responses.save": WIDGET,
  "widget.identify": WIDGET,
} as const satisfies Record<string, Permission>;

export type OperationId = keyof typeof PERMISSIONS;

export function permissionFor(operationId: string): Permission | undefined {
  return (PERMISSIONS as Record<string, Permission>)[operationId];
}
