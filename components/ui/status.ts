/** How a Heat status looks: the tone picks the icon and colour; the text is always shown too. */
export type StatusTone = "complete" | "failed" | "progress" | "neutral";

/** Splits "CREATE_IN_PROGRESS" into its action and status ("CREATE", "IN_PROGRESS"). */
export function splitStatus(full: string): { action: string; status: string } {
  for (const status of ["IN_PROGRESS", "COMPLETE", "FAILED"]) {
    if (full === status) return { action: "", status };
    if (full.endsWith(`_${status}`)) return { action: full.slice(0, -status.length - 1), status };
  }
  return { action: full, status: "" };
}

/** Tone of a Heat status string (stack or resource, e.g. DELETE_FAILED). INIT_COMPLETE is neutral. */
export function statusTone(full: string): StatusTone {
  const { action, status } = splitStatus(full);
  if (status === "FAILED") return "failed";
  if (status === "IN_PROGRESS") return "progress";
  if (status === "COMPLETE") return action === "INIT" ? "neutral" : "complete";
  return "neutral";
}

/** True once an operation has ended (COMPLETE or FAILED): the page then refreshes its details. */
export function isFinalStatus(full: string): boolean {
  const { status } = splitStatus(full);
  return status === "COMPLETE" || status === "FAILED";
}
