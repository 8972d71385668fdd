"use client";

/** Shown when a page fails on the server: the message, the digest to find it in logs, and a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" data-testid="page-error" className="rounded-lg border border-red-200 bg-white px-6 py-10 shadow-sm">
      <h1 className="text-xl font-semibold text-red-800">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-700">{error.message || "The server could not render this page."}</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-slate-500">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
        Try again
      </button>
    </div>
  );
}
