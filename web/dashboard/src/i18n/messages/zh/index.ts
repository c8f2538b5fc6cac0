import type { Messages } from "../en/index.ts";
import { admin } from "./admin.ts";
import { analytics } from "./analytics.ts";
import { auth } from "./auth.ts";
import { common } from "./common.ts";
import { customers } from "./customers.ts";
import { home } from "./home.ts";
import { imports } from "./imports.ts";
import { segments } from "./segments.ts";
import { surveys } from "./surveys.ts";

/** Every Simplified Chinese string of the dashboard, in the shape of the English ones. */
export const zh: Messages = { common, auth, home, customers, segments, imports, surveys, analytics, admin };


