import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/console/session";
import { loginMessage, safeNext } from "@/lib/console/session-cookie";
import { LoginForm } from "@/components/shell/login-form";

/** The login page's title. */
export const metadata: Metadata = { title: "Log in" };

/** Query of /login: where to go afterwards, and why the page was opened (expired, logged-out). */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The console's login page (Hearth's own identity: the same users, projects and roles as /identity/v3). */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = safeNext(first(query.next));
  // Someone already signed in has nothing to do here: straight on to where they were going.
  if ((await getSession()).kind === "valid") redirect(next);
  const message = loginMessage(first(query.reason));
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900" data-testid="page-title">
        Log in to Hearth
      </h1>
      <p className="mt-1 text-sm text-slate-600">Use your Hearth identity (the same as for the openstack client).</p>
      {message ? (
        <p role="status" data-testid="login-message" className="mt-4 flex items-start gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0" fill="currentColor">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 4a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm-1 4h2v5H9v-5Z" />
          </svg>
          {message}
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <LoginForm next={next} />
      </div>
      <p className="mt-4 text-xs text-slate-500">
        First start: the user is <code>admin</code>; its password is HEARTH_BOOTSTRAP_PASSWORD, or the one <code>npm start</code> printed once.
      </p>
    </div>
  );
}
