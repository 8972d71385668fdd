import Link from "next/link";

/** A stack the breadcrumb links to. */
export interface StackCrumb {
  id: string;
  name: string;
}

/** Where a nested stack sits: its parents from the top-level stack down, each a link, then itself. */
export function StackBreadcrumb({ ancestors, current, parentResource }: { ancestors: StackCrumb[]; current: string; parentResource: string | null }) {
  if (ancestors.length === 0) return null;
  return (
    <nav aria-label="Parent stacks" data-testid="stack-breadcrumb" className="mb-2 text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1">
        {ancestors.map((stack) => (
          <li key={stack.id} className="flex items-center gap-1">
            <Link href={`/stacks/${stack.id}`} className="text-sky-700 hover:underline" data-testid="breadcrumb-link">
              {stack.name}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="font-medium text-slate-900">
          {current}
          {parentResource ? <span className="ml-1 text-slate-500">(resource {parentResource})</span> : null}
        </li>
      </ol>
    </nav>
  );
}
