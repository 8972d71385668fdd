import Link from "next/link";
import { connection } from "next/server";
import { consoleHearth } from "@/lib/console/session";
import { applyFilter, parseFilter, presentStatuses } from "@/components/stack-list/list-filter";
import { StackList } from "@/components/stack-list/stack-list";
import { PageHeader } from "@/components/ui/page-header";

/** Query parameters of the list: q (name search), status, region. */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The stacks list (the console's home page), filtered by the URL's query. */
export default async function StacksPage({ searchParams }: { searchParams: SearchParams }) {
  // Stacks change all the time: render per request, never at build time.
  await connection();
  const filter = parseFilter(await searchParams);
  const hearth = await consoleHearth();
  const [stacks, inventory] = await Promise.all([hearth.listStacks(), hearth.cloudInventory()]);
  const shown = applyFilter(stacks, filter);
  const count = `${stacks.length} ${stacks.length === 1 ? "stack" : "stacks"}`;
  return (
    <>
      <PageHeader
        title="Stacks"
        subtitle={<span data-testid="stack-count">{shown.length === stacks.length ? count : `${shown.length} of ${count}`}</span>}
        actions={
          <Link href="/launch" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
            Launch stack
          </Link>
        }
      />
      <StackList stacks={shown} total={stacks.length} filter={filter} statuses={presentStatuses(stacks)} regions={inventory.regions.map((r) => r.name)} />
    </>
  );
}
