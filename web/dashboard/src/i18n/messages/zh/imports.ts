import type { Messages } from "../en/index.ts";

export const imports: Messages["imports"] = {};
