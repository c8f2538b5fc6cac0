import { sql } from "drizzle-orm";
import type { Database } from "../platform/db.ts";

export type Health = { status: "ok"; database: { reachable: true; latencyMs: number } };

/** Proves the database answers a round trip; a failure propagates as an unavailable error. */
export async function checkHealth(db: Database): Promise<Health> {
  const started = Date.now();
  await db.execute(sql`select 1`);
  return { status: "ok", database: { reachable: true, latencyMs: Date.now() - started } };
}
