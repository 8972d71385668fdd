import { logout } from "@/lib/console/session-actions";
import type { Session } from "@/lib/console/session";
import { ProjectSwitcher, type ProjectChoice } from "./project-switcher";

/** The role as the header shows it: an icon and the role's name (a reader's says read-only). */
function RoleBadge({ roles, canChange }: { roles: string[]; canChange: boolean }) {
  return (
    <span
      data-testid="session-role"
      title={canChange ? "You may change this project's stacks." : "You may only look: changes are disabled."}
      className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="currentColor">
        {canChange ? (
          <path d="M8 1 2 3.5V7c0 3.6 2.5 6.9 6 8 3.5-1.1 6-4.4 6-8V3.5L8 1Zm-1 10L4.5 8.5l1-1L7 9l3.5-3.5 1 1L7 11Z" />
        ) : (
          <path d="M8 3C4.4 3 1.7 5.4 1 8c.7 2.6 3.4 5 7 5s6.3-2.4 7-5c-.7-2.6-3.4-5-7-5Zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6Zm0-1.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z" />
        )}
      </svg>
      {roles.join(", ") || "no role"}
      {canChange ? null : " (read-only)"}
    </span>
  );
}

/** The header's session part: project switcher, user and role, and Log out (which revokes the token). */
export function SessionMenu({ session, projects }: { session: Session; projects: ProjectChoice[] }) {
  const { info, access } = session;
  return (
    <div className="flex items-center gap-3" data-testid="session-menu">
      <ProjectSwitcher current={info.project} projects={projects} />
      <span className="flex items-center gap-1.5 text-sm text-slate-700">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 text-slate-500" fill="currentColor">
          <path d="M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5 6c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5H3Z" />
        </svg>
        <span className="sr-only">Signed in as</span>
        <span data-testid="session-user" className="font-medium">
          {info.user.name}
        </span>
      </span>
      <RoleBadge roles={info.roles.map((r) => r.name)} canChange={access.canChange} />
      <form action={logout}>
        <button type="submit" data-testid="logout" className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Log out
        </button>
      </form>
    </div>
  );
}
