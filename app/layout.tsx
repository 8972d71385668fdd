import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getHearth } from "@/lib/services";
import { getSession } from "@/lib/console/session";
import { ReadOnlyNotice } from "../components/shell/read-only-notice";
import { AccessProvider } from "../components/shell/session-context";
import { SiteHeader } from "../components/ui/site-header";
import { THEME_SCRIPT } from "../components/ui/theme";
import "./globals.css";

/** Title template and description of every console page. */
export const metadata: Metadata = {
  title: { default: "Hearth", template: "%s · Hearth" },
  description: "Hearth orchestration console",
};

/**
 * The console frame: the theme script (dark mode before first paint, hence the hydration warning
 * allowance on <html>), skip link, header with navigation and session, and the page in a centred
 * column, told what the session's role allows.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const state = await getSession();
  const session = state.kind === "valid" ? state : undefined;
  const projects = session ? (await (await getHearth()).identity.projectsOf(session.info.user.id)).map(({ id, name }) => ({ id, name })) : [];
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader session={session} projects={projects} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-6 py-8 focus:outline-none">
          <AccessProvider access={session?.access ?? { canChange: true }}>
            <ReadOnlyNotice />
            {children}
          </AccessProvider>
        </main>
      </body>
    </html>
  );
}
