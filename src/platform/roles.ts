/** Staff roles, strongest first. */
export const ROLES = ["owner", "admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles a secret key may carry: ownership belongs to people. */
export const KEY_ROLES = ["admin", "analyst", "viewer"] as const satisfies readonly Role[];

/** The kinds of credential a request can carry. */
export const CREDENTIALS = ["user", "secret_key", "publishable_key"] as const;
export type Credential = (typeof CREDENTIALS)[number];
