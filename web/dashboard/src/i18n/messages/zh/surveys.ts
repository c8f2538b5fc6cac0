import type { Messages } from "../en/index.ts";

export const surveys: Messages["surveys"] = {};
