/**
 * Formats an ISO timestamp as "2026-11-21 20:23:48 UTC". The same text on server and client
 * (no locale or time zone dependence), so hydration never disagrees.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
