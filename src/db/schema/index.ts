export * from "./tenants.ts";
export * from "./customers.ts";
export * from "./users.ts";
export * from "./sessions.ts";
export * from "./invites.ts";
export * from "./api-keys.ts";
export * from "./audit-log.ts";
export * from "./login-throttle.ts";
