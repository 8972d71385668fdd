import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { consoleHearth } from "@/lib/console/session";
import { isEngineError } from "@/lib/console/errors";
import { UpdateForm } from "@/components/stack-actions/update-form";
import { ownerView } from "@/components/stacks/federation-view";
import { OwnerPanel } from "@/components/stacks/owner-panel";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

/** Route parameters of /stacks/[id]/update (a stack id or name). */
type Params = Promise<{ id: string }>;

/** Title of the page. */
export const metadata: Metadata = { title: "Update stack" };

/** Update a stack: its current template and values prefilled, a preview of the changes, then run it (a stack with an owner after a confirmation). */
export default async function UpdateStackPage({ params }: { params: Params }) {
  await connection();
  const { id } = await params;
  const hearth = await consoleHearth();
  let stack;
  try {
    stack = (await hearth.getStack(id)).stack;
  } catch (error) {
    if (isEngineError(error, "NotFound")) notFound();
    throw error;
  }
  const initial = await hearth.validate(
    { template: stack.template, templateName: stack.templateName ?? undefined, files: stack.files, environments: stack.environments },
    { region: stack.region },
  );
  const { id: stackId, region, template, templateName, environments, parameters, disableRollback, timeoutMins } = stack;
  const owner = ownerView(stack);
  return (
    <>
      <PageHeader
        title={`Update ${stack.name}`}
        subtitle={
          <span className="inline-flex items-center gap-2">
            <StatusBadge status={`${stack.action}_${stack.status}`} testId="stack-status" />
            <Link href={`/stacks/${stack.id}`} className="text-sky-700 hover:underline">
              Back to the stack
            </Link>
          </span>
        }
      />
      {owner ? <OwnerPanel owner={owner} /> : null}
      <UpdateForm stack={{ id: stackId, name: stack.name, region, template, templateName, environments, parameters, disableRollback, timeoutMins }} initial={initial} owner={owner} />
    </>
  );
}
