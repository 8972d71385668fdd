"use client";

import { useState } from "react";
import type { FailoverRun } from "@/lib/engine/resources/heat/failover-history";
import type { HaGroupView } from "@/lib/services/ha/view";
import { StatusBadge } from "../ui/status-badge";
import { DrillStatus } from "./drill-status";
import { FailoverControls, type DrillStarted } from "./failover-controls";
import { FailoverHistory } from "./failover-history";
import { MemberTable } from "./member-table";
import { VolumePanel } from "./volume-panel";

/** One HA group: its actions, members, volumes and failover history (`runs`, with live steps folded in). */
export function HaGroup({ stackId, group, runs }: { stackId: string; group: HaGroupView; runs: readonly FailoverRun[] }) {
  const [drill, setDrill] = useState<DrillStarted | undefined>();
  const target = { stackId, policy: group.policy };
  const running = runs.at(-1)?.state === "running";
  const headingId = `ha-${group.policy}`;
  return (
    <section aria-labelledby={headingId} data-testid="ha-group" data-policy={group.policy} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">{group.policy}</h2>
          <p className="text-sm text-slate-600">
            Group <span className="font-mono text-xs">{group.group}</span> · <StatusBadge status={group.policyStatus} testId="policy-status" />
          </p>
        </div>
        <FailoverControls target={target} plan={group.plan} busy={running} onDrill={setDrill} />
      </div>
      {drill ? <DrillStatus drill={drill} runs={runs} healthCheck={group.healthCheck} /> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">Members</h3>
          <MemberTable members={group.members} />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">Volume</h3>
          <VolumePanel target={target} volumes={group.volumes} />
        </div>
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Failover history</h3>
        <FailoverHistory runs={runs} />
      </div>
    </section>
  );
}
