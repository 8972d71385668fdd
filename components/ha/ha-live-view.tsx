"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { EventRecord } from "@/lib/engine/ports";
import { applyFailoverEvent } from "@/lib/engine/resources/heat/failover-history";
import type { HaGroupView } from "@/lib/services/ha/view";
import { StreamIndicator } from "../stacks/stream-indicator";
import { useStackEvents } from "../stacks/use-stack-events";
import { HaGroup } from "./ha-group";

/** How often at most the server snapshot (members, health, volumes) is re-read while events stream in. */
const REFRESH_MS = 500;

/**
 * The HA page's body: the server snapshot of each group, with the stack's event stream folded in.
 * A policy's failover notes extend its history at once (steps appear as they finish); any event
 * also re-reads the snapshot, at most every REFRESH_MS, so roles, health and the volume follow.
 */
export function HaLiveView({ stackId, groups, lastSeq }: { stackId: string; groups: HaGroupView[]; lastSeq: number }) {
  const router = useRouter();
  const [streamed, setStreamed] = useState<EventRecord[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const state = useStackEvents(stackId, lastSeq, (event) => {
    if (event.stackId === stackId && groups.some((g) => g.policy === event.resourceName)) setStreamed((s) => [...s, event]);
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      router.refresh();
    }, REFRESH_MS);
  });

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <StreamIndicator state={state} />
      </div>
      {groups.map((group) => {
        const fresh = streamed.filter((e) => e.seq > lastSeq && e.resourceName === group.policy);
        return <HaGroup key={group.policy} stackId={stackId} group={group} runs={fresh.reduce(applyFailoverEvent, group.history)} />;
      })}
    </div>
  );
}
