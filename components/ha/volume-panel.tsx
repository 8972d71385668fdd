"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { HaVolumeView } from "@/lib/services/ha/view";
import { useAccess } from "../shell/session-context";
import { writeVolumeCheck, type HaTarget } from "./actions";

/**
 * The volumes following the active member: where each is attached, and the check record read back
 * from it (content and checksum), so a user sees the same bytes on the new active after a failover.
 * "Write check record" writes a fresh one through the active server.
 */
export function VolumePanel({ target, volumes }: { target: HaTarget; volumes: HaVolumeView[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { canChange, reason } = useAccess();
  const [error, setError] = useState<string | undefined>();

  const write = () =>
    startTransition(async () => {
      const result = await writeVolumeCheck(target);
      setError(result.ok ? undefined : result.error);
      router.refresh();
    });

  return (
    <div className="space-y-3" aria-busy={pending}>
      {volumes.length === 0 ? <p className="text-sm text-slate-600">No volume follows the active member.</p> : null}
      {volumes.map((v) => (
        <dl key={v.id} data-testid="volume" data-attached-member={v.attachedTo?.member ?? ""} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">Volume</dt>
          <dd className="truncate font-mono text-xs" title={v.id}>{v.name} <span className="text-slate-500">({v.status})</span></dd>
          <dt className="text-slate-500">Attached to</dt>
          <dd data-testid="volume-attached">
            {v.attachedTo ? (
              <>
                <span className="font-mono text-xs">{v.attachedTo.member ?? "a server outside the group"}</span>{" "}
                <span className="font-mono text-xs text-slate-500">({v.attachedTo.serverId})</span>
              </>
            ) : (
              "not attached"
            )}
          </dd>
          <dt className="text-slate-500">Check record</dt>
          <dd data-testid="volume-check">
            {v.check ? (
              <>
                <span className="font-mono text-xs" data-testid="volume-checksum">sha256 {v.check.checksum}</span>
                <span className="block truncate text-xs text-slate-600" title={v.check.content}>{v.check.content}</span>
              </>
            ) : (
              <span className="text-slate-600">none written yet</span>
            )}
          </dd>
        </dl>
      ))}
      {volumes.length > 0 ? (
        <button type="button" onClick={write} disabled={pending || !canChange} title={reason} data-testid="write-check" className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-45">
          {pending ? "Writing…" : "Write check record"}
        </button>
      ) : null}
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
