import type { MemberHealth } from "@/lib/services/ha/view";

const TONES: Record<MemberHealth, string> = {
  healthy: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  starting: "bg-sky-50 text-sky-800 ring-sky-600/30",
  unhealthy: "bg-red-50 text-red-800 ring-red-600/30",
};

/** Icon per health: a heart-beat check, an hourglass, a cross. */
function HealthIcon({ health }: { health: MemberHealth }) {
  const common = { "aria-hidden": true, viewBox: "0 0 16 16", className: "h-3.5 w-3.5 shrink-0", fill: "none", stroke: "currentColor", strokeWidth: 2 } as const;
  if (health === "healthy") return <svg {...common}><path d="M1.5 8h3l2-4 3 8 2-4h3" strokeLinecap="round" strokeLinejoin="round" /></svg>;
  if (health === "starting") return <svg {...common}><path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 12M11 2c0 4-6 4-6 12" strokeLinecap="round" /></svg>;
  return <svg {...common}><circle cx="8" cy="8" r="6.5" /><path d="m5.5 5.5 5 5m0-5-5 5" strokeLinecap="round" /></svg>;
}

/** A member's health: icon and the word (never colour alone), and what it means unless all is well (always in the tooltip). */
export function HealthBadge({ health, text }: { health: MemberHealth; text: string }) {
  return (
    <span data-testid="member-health" data-health={health} title={text} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[health]}`}>
      <HealthIcon health={health} />
      {health}
      {health === "healthy" ? null : <span className="max-w-32 truncate font-normal">· {text}</span>}
    </span>
  );
}

/** The member's role: a filled star for the active one, an outline for standbys, with the word. */
export function RoleBadge({ role }: { role: "active" | "standby" }) {
  const active = role === "active";
  return (
    <span data-testid="member-role" data-role={role} className={`inline-flex items-center gap-1 text-sm ${active ? "font-semibold text-slate-900" : "text-slate-700"}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill={active ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.5">
        <path d="m8 1.8 1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" strokeLinejoin="round" />
      </svg>
      {role}
    </span>
  );
}
