import type { Role } from "../../../account/account.tsx";
import type { MessageKey } from "../../../i18n/translate.ts";

export const ROLES: Role[] = ["owner", "admin", "analyst", "viewer"];
export const roleLabel = (role: Role): MessageKey => `admin.roles.${role}`;

/** The roles this user may hand out: only an owner makes owners. */
export const grantableRoles = (myRole: Role | undefined): Role[] => (myRole === "owner" ? ROLES : ROLES.filter((role) => role !== "owner"));

/** Whether this user may change or remove a member of that role: managers may, and only owners touch owners. */
export const mayManage = (myRole: Role | undefined, theirRole: Role) => myRole === "owner" || (myRole === "admin" && theirRole !== "owner");
