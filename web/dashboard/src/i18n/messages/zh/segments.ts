import type { Messages } from "../en/index.ts";

export const segments: Messages["segments"] = {};
