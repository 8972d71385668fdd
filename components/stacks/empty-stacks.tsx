import Link from "next/link";

/** Shown when there are no stacks yet: says so and points to Launch. */
export function EmptyStacks() {
  return (
    <div data-testid="stacks-empty" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <h2 className="text-base font-semibold text-slate-900">No stacks yet</h2>
      <p className="mt-1 text-sm text-slate-600">A stack is a set of cloud resources created from a HOT template.</p>
      <Link
        href="/launch"
        className="mt-6 inline-flex items-center rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
      >
        Launch a stack
      </Link>
    </div>
  );
}
