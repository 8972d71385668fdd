"use client";

import { useState, useTransition } from "react";
import { switchProject } from "@/lib/console/session-actions";

/** A project the user holds a role on. */
export interface ProjectChoice {
  id: string;
  name: string;
}

/**
 * The header's project switcher: pick a project, then Switch re-scopes the session's token to it
 * and reloads the current page, which then shows that project's stacks only.
 */
export function ProjectSwitcher({ current, projects }: { current: ProjectChoice; projects: ProjectChoice[] }) {
  const [chosen, setChosen] = useState(current.id);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const onSwitch = () =>
    startTransition(async () => {
      const result = await switchProject(chosen);
      if (result.ok) window.location.reload();
      else setError(result.error);
    });
  return (
    <form
      className="flex items-center gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        onSwitch();
      }}
    >
      <label htmlFor="project-switcher" className="text-sm text-slate-600">
        Project
      </label>
      <select
        id="project-switcher"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        data-testid="project-switcher"
        aria-describedby={error ? "project-switch-error" : undefined}
        className="rounded-md border border-slate-300 bg-white py-1 pl-2 pr-7 text-sm font-medium text-slate-900"
      >
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {chosen !== current.id ? (
        <button type="submit" disabled={pending} data-testid="project-switch" className="rounded-md bg-sky-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-70">
          {pending ? "Switching…" : "Switch"}
        </button>
      ) : null}
      {error ? (
        <span id="project-switch-error" role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </form>
  );
}
