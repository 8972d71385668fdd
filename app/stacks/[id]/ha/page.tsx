import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { consoleHearth } from "@/lib/console/session";
import { isEngineError } from "@/lib/console/errors";
import { HaLiveView } from "@/components/ha/ha-live-view";
import { PageHeader } from "@/components/ui/page-header";

/** Route parameters of /stacks/[id]/ha (a stack id or name). */
type Params = Promise<{ id: string }>;

/** Title of the page. */
export const metadata: Metadata = { title: "HA groups" };

/**
 * The HA groups of a stack (one per OS::Heat::FailoverPolicy): members with role and health, the
 * volume and its check record, the failover history, "Fail over now" and "Drill", all live.
 * Events are read before the groups, so the snapshot is at least as new as the stream's start.
 */
export default async function HaPage({ params }: { params: Params }) {
  await connection();
  const { id } = await params;
  const hearth = await consoleHearth();
  let loaded;
  try {
    const events = await hearth.listEvents(id, { nested: true });
    const { stack } = await hearth.getStack(id);
    loaded = { stack, lastSeq: events.reduce((max, e) => Math.max(max, e.seq), 0), groups: await hearth.ha.groups(stack.id) };
  } catch (error) {
    if (isEngineError(error, "NotFound")) notFound();
    throw error;
  }
  const { stack, lastSeq, groups } = loaded;
  return (
    <div>
      <PageHeader
        title={`HA groups of ${stack.name}`}
        subtitle={
          <Link href={`/stacks/${stack.id}`} className="text-sky-700 hover:underline" data-testid="back-to-stack">
            ← Back to the stack
          </Link>
        }
      />
      {groups.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="no-ha-groups">
          This stack has no OS::Heat::FailoverPolicy. An AutoScalingGroup alone heals through its ScalingPolicy and alarms (see examples/ha).
        </p>
      ) : (
        <HaLiveView stackId={stack.id} groups={groups} lastSeq={lastSeq} />
      )}
    </div>
  );
}
