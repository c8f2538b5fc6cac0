import type { Messages } from "../en/index.ts";

export const analytics: Messages["analytics"] = {};
