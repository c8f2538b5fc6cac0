import type { Messages } from "../en/index.ts";

export const customers: Messages["customers"] = {};
