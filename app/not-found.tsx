import Link from "next/link";

/** Shown for unknown pages and for stacks that do not exist (or were deleted). */
export default function NotFound() {
  return (
    <div data-testid="not-found" className="rounded-lg border border-slate-200 bg-white px-6 py-16 text-center shadow-sm">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is nothing here. The stack may have been deleted.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-sky-700 hover:underline">
        Back to stacks
      </Link>
    </div>
  );
}
