import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as acceptInvite from "./accept-invite.ts";
import * as createApiKey from "./create-api-key.ts";
import * as createInvite from "./create-invite.ts";
import * as getSettings from "./get-settings.ts";
import * as jwks from "./jwks.ts";
import * as listApiKeys from "./list-api-keys.ts";
import * as listAuditLog from "./list-audit-log.ts";
import * as listInvites from "./list-invites.ts";
import * as listMembers from "./list-members.ts";
import * as logIn from "./log-in.ts";
import * as logOut from "./log-out.ts";
import * as me from "./me.ts";
import * as refresh from "./refresh.ts";
import * as removeMember from "./remove-member.ts";
import * as revokeApiKey from "./revoke-api-key.ts";
import * as revokeInvite from "./revoke-invite.ts";
import * as signUp from "./sign-up.ts";
import * as updateMe from "./update-me.ts";
import * as updateMember from "./update-member.ts";
import * as updateSettings from "./update-settings.ts";

export const tenancyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(signUp.route, signUp.handler)
  .openapi(logIn.route, logIn.handler)
  .openapi(refresh.route, refresh.handler)
  .openapi(logOut.route, logOut.handler)
  .openapi(jwks.route, jwks.handler)
  .openapi(me.route, me.handler)
  .openapi(updateMe.route, updateMe.handler)
  .openapi(listMembers.route, listMembers.handler)
  .openapi(updateMember.route, updateMember.handler)
  .openapi(removeMember.route, removeMember.handler)
  .openapi(acceptInvite.route, acceptInvite.handler)
  .openapi(createInvite.route, createInvite.handler)
  .openapi(listInvites.route, listInvites.handler)
  .openapi(revokeInvite.route, revokeInvite.handler)
  .openapi(createApiKey.route, createApiKey.handler)
  .openapi(listApiKeys.route, listApiKeys.handler)
  .openapi(revokeApiKey.route, revokeApiKey.handler)
  .openapi(getSettings.route, getSettings.handler)
  .openapi(updateSettings.route, updateSettings.handler)
  .openapi(listAuditLog.route, listAuditLog.handler);
