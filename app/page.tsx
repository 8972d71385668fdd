import Link from "next/link";
import { connection } from "next/server";
import { getHearth } from "@/lib/services";
import { EmptyStacks } from "@/components/stacks/empty-stacks";
import { StackTable } from "@/components/stacks/stack-table";
import { PageHeader } from "@/components/ui/page-header";

/** The stacks list (the console's home page). */
export default async function StacksPage() {
  // Stacks change all the time: render per request, never at build time.
  await connection();
  const stacks = await (await getHearth()).listStacks();
  return (
    <>
      <PageHeader
        title="Stacks"
        subtitle={`${stacks.length} ${stacks.length === 1 ? "stack" : "stacks"}`}
        actions={
          <Link href="/launch" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
            Launch stack
          </Link>
        }
      />
      {stacks.length === 0 ? <EmptyStacks /> : <StackTable stacks={stacks} />}
    </>
  );
}
