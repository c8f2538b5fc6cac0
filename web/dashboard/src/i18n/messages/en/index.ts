import { admin } from "./admin.ts";
import { analytics } from "./analytics.ts";
import { auth } from "./auth.ts";
import { common } from "./common.ts";
import { customers } from "./customers.ts";
import { home } from "./home.ts";
import { imports } from "./imports.ts";
import { segments } from "./segments.ts";
import { surveys } from "./surveys.ts";

/** Every English string of the dashboard, one file per screen area; the Chinese files must match its shape. */
export const en = { common, auth, home, customers, segments, imports, surveys, analytics, admin };

export type Messages = typeof en;
