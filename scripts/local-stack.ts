import { mkdirSync } from "node:fs";

/** Where `npm start` keeps local state (embedded database, wrangler's queues and R2). */
export const DATA_DIR = new URL("../.data/", import.meta.url).pathname;
export const EMBEDDED_DATA_DIR = `${DATA_DIR}pglite`;
export const WRANGLER_STATE_DIR = `${DATA_DIR}wrangler`;

mkdirSync(DATA_DIR, { recursive: true });
