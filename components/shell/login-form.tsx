"use client";

import { useActionState } from "react";
import { login, type LoginState } from "@/lib/console/session-actions";
import { FormAlert } from "@/components/ui/form-alert";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
const LABEL = "block text-sm font-medium text-slate-800";

/** The login form: user name, password and an optional project; refusals appear above the fields. */
export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} className="space-y-4" data-testid="login-form" aria-describedby={state.error ? "login-error" : undefined}>
      <div id="login-error">
        <FormAlert message={state.error} testId="login-error" />
      </div>
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="login-user" className={LABEL}>
          User name
        </label>
        <input id="login-user" name="user" autoComplete="username" required autoFocus defaultValue={state.user} className={INPUT} data-testid="login-user" />
      </div>
      <div>
        <label htmlFor="login-password" className={LABEL}>
          Password
        </label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required className={INPUT} data-testid="login-password" />
      </div>
      <div>
        <label htmlFor="login-project" className={LABEL}>
          Project <span className="text-xs font-normal text-slate-500">(optional: your first project)</span>
        </label>
        <input id="login-project" name="project" defaultValue={state.project} placeholder="e.g. admin" className={INPUT} data-testid="login-project" />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-wait disabled:opacity-70"
        data-testid="login-submit"
      >
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
