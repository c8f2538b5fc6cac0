import type { Bindings, Env } from "../env.ts";
import type { KeyRing } from "./access-tokens.ts";
import type { Actor } from "./actor.ts";
import type { Database } from "./db.ts";
import type { Logger } from "./logger.ts";

/** Per-request services, created by the `services` middleware; never module singletons. */
export type Services = {
  env: Env;
  /** Opens the request's database pool on first use; it is closed when the response is done. */
  db(): Database;
  /** The access-token signing keys from AUTH_SIGNING_KEYS, imported once per isolate. */
  signingKeys(): Promise<KeyRing>;
};

export type AppEnv = {
  Bindings: Bindings;
  Variables: { requestId: string; log: Logger; services: Services; actor?: Actor };
};
