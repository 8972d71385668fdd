/**
 * Who may do what in identity, after Keystone's default policies: managing projects, users and role
 * grants, and reading the whole directory, belong to the cloud admin (Keystone's system admin); a
 * project's admin is an admin of that project only (the Heat API's writes), never of identity. A
 * token may be read by its own user or the cloud admin (Keystone's `admin_or_token_subject`).
 * Hearth has no system scope: like Keystone's `admin_project_name`, the cloud admin is whoever holds
 * the admin role in a token scoped to the bootstrap project named "admin" (`is_admin_project`).
 */
import type { TokenInfo } from "./identity";

/** The project whose admins administer the whole cloud (made by bootstrap). */
export const ADMIN_PROJECT_NAME = "admin";

/** Whether the token holds the named role on the project it is scoped to. */
export const hasRole = (info: TokenInfo, role: string): boolean => info.roles.some((r) => r.name === role);

/** Whether the token is the cloud admin's: the admin role, scoped to the admin project. */
export const isCloudAdmin = (info: TokenInfo): boolean => info.isAdminProject && hasRole(info, "admin");

/** Whether `caller` may look up or revoke the token `subject` stands for: its own user, or the cloud admin. */
export const mayActOnToken = (caller: TokenInfo, subject: TokenInfo): boolean => caller.user.id === subject.user.id || isCloudAdmin(caller);
