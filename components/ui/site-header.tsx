import Link from "next/link";
import type { Session } from "@/lib/console/session";
import { SessionMenu } from "../shell/session-menu";
import type { ProjectChoice } from "../shell/project-switcher";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";

/**
 * Top bar of the console: product name, the main navigation, the session (project switcher, user,
 * role, log out) and the dark mode switch. Without a session (the login page) only the name and the switch.
 */
export function SiteHeader({ session, projects }: { session?: Session; projects: ProjectChoice[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900" data-testid="brand">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-orange-600" fill="currentColor">
            <path d="M12 2c1.5 3.2 5.5 5.6 5.5 10.3A5.5 5.5 0 0 1 12 18a5.5 5.5 0 0 1-5.5-5.7c0-2.5 1.4-4 2.6-5.3.2 1.6 1 2.8 2.2 3.3C11 7.8 11.2 4.8 12 2Z" />
            <rect x="4" y="19.5" width="16" height="2" rx="1" />
          </svg>
          Hearth
        </Link>
        {session ? (
          <nav aria-label="Main" className="flex items-center gap-1">
            <NavLink href="/" sections={["/stacks"]}>
              Stacks
            </NavLink>
            <NavLink href="/launch" sections={["/launch"]}>
              Launch
            </NavLink>
            <NavLink href="/designer" sections={["/designer"]}>Designer</NavLink>
            <NavLink href="/regions">Regions</NavLink>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-4">
          {session ? <SessionMenu session={session} projects={projects} /> : null}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
