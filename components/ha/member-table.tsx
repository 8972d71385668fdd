import type { HaMemberView } from "@/lib/services/ha/view";
import { StatusBadge } from "../ui/status-badge";
import { HealthBadge, RoleBadge } from "./health-badge";

/** The members of an HA group, oldest first: role, health, server and the member resource's status. */
export function MemberTable({ members }: { members: HaMemberView[] }) {
  if (members.length === 0) return <p className="text-sm text-slate-600">The group has no members.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="member-table">
        <caption className="sr-only">Members</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Member</th>
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">Health</th>
            <th scope="col" className="py-1 pr-3 font-medium">Server</th>
            <th scope="col" className="py-1 font-medium">Resource</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.name} data-testid="member-row" data-member={m.name} data-role={m.role}>
              <th scope="row" className="py-2 pr-3 font-mono text-xs font-normal">{m.name}</th>
              <td className="py-2 pr-3"><RoleBadge role={m.role} /></td>
              <td className="py-2 pr-3"><HealthBadge health={m.health} text={m.healthText} /></td>
              <td className="py-2 pr-3 font-mono text-xs text-slate-600" title={m.serverId ? `${m.serverId} (${m.serverName ?? "gone"})` : undefined}>{m.serverId ? `${m.serverId.slice(0, 8)}…` : "—"}</td>
              <td className="py-2"><StatusBadge status={m.status} testId="member-status" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
