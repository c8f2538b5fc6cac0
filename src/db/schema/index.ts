export * from "./tenants.ts";
export * from "./customers.ts";
