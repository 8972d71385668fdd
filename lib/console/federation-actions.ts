"use server";

/**
 * The console's form action for the split brain (issue 15): resolve a diverged remote child of a
 * parent's resource by adopt, re-apply or detach (Hearth.resolveDivergence), then read back what it
 * did — the resolution's event on the resource and the resource's new status (a detached resource is
 * gone from the parent) — so the page shows the result it read, not the one it asked for.
 */
import { z } from "zod";
import { RESOLUTIONS } from "@/lib/federation/resolve";
import { refusalOf } from "./form-actions";
import { consoleHearth } from "./session";

/** The errors of the remote Heat client (lib/federation/remote-heat.ts), by name: bundling may split classes. */
const REMOTE_ERRORS = new Set(["RegionUnavailableError", "RemoteHeatError"]);

/** What the resolution form sends. */
const resolveSchema = z.object({
  stackId: z.string().min(1, "stackId is required"),
  resource: z.string().min(1, "resource is required"),
  resolution: z.enum(RESOLUTIONS),
});

/** The form's state: nothing yet, the result read back, or the refusal (shown beside the buttons of `resource`). */
export type ResolveState =
  | { kind: "idle" }
  | { kind: "resolved"; resource: string; resolution: (typeof RESOLUTIONS)[number]; event: string; status: string; eventTime: string | null }
  | { kind: "refused"; resource: string; error: string };

/**
 * Resolves the divergence the form names (fields stackId, resource, resolution) and answers the
 * resource's new status and the resolution's event as stored; a malformed form or a refusal (not
 * diverged, stack busy, child gone, a reader's session) comes back as a message.
 */
export async function resolveDivergenceAction(_previous: ResolveState, form: FormData): Promise<ResolveState> {
  const parsed = resolveSchema.safeParse({ stackId: form.get("stackId"), resource: form.get("resource"), resolution: form.get("resolution") });
  const resource = String(form.get("resource") ?? "");
  if (!parsed.success) return { kind: "refused", resource, error: `Invalid request: ${z.prettifyError(parsed.error)}` };
  const { stackId, resolution } = parsed.data;
  const hearth = await consoleHearth();
  try {
    await hearth.resolveDivergence(stackId, resource, resolution);
  } catch (error) {
    // the child's region down or answering an error is shown as it is, like the engine's refusals
    if (error instanceof Error && REMOTE_ERRORS.has(error.name)) return { kind: "refused", resource, error: error.message };
    return { kind: "refused", resource, error: refusalOf(error, `The ${resolution} was refused.`).error };
  }
  const events = await hearth.listEvents(stackId, { resource });
  const event = events.findLast((e) => e.reason.startsWith("Divergence resolved by"));
  const rec = (await hearth.getStack(stackId)).resources.find((r) => r.name === resource && !r.replacedBy);
  const status = rec ? `${rec.action}_${rec.status}` : "removed from this stack";
  return { kind: "resolved", resource, resolution, event: event?.reason ?? "(no event recorded)", status, eventTime: event?.time ?? null };
}
