"use server";

import { z } from "zod";
import { consoleHearth } from "@/lib/console/session";
import { refusalOf } from "@/lib/console/form-actions";

const targetSchema = z.object({ stackId: z.string().min(1), policy: z.string().min(1) });

/** Which HA group an action is about: the stack and its FailoverPolicy. */
export type HaTarget = z.infer<typeof targetSchema>;

/** An HA action's outcome: done (with what it reports), or the engine's refusal as a message. */
export type HaActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks the target, runs `work` with it, and turns an expected refusal into a message. */
async function run<T>(input: HaTarget, what: string, work: (target: HaTarget) => Promise<T>): Promise<HaActionResult<T>> {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${z.prettifyError(parsed.error)}` };
  try {
    return { ok: true, value: await work(parsed.data) };
  } catch (error) {
    return { ok: false, error: refusalOf(error, `The ${what} was refused.`).error };
  }
}

/** Starts a failover of the group now (the page follows its steps on the event stream). */
export async function failOverNow(input: HaTarget): Promise<HaActionResult<null>> {
  const hearth = await consoleHearth();
  return run(input, "failover", async ({ stackId, policy }) => {
    await hearth.ha.failover(stackId, policy, "requested from the console (Fail over now)");
    return null;
  });
}

/** Crashes the group's active server in the simulated cloud: the HA monitor has to notice and fail over. */
export async function runDrill(input: HaTarget): Promise<HaActionResult<{ member: string; crashedAt: string }>> {
  const hearth = await consoleHearth();
  return run(input, "drill", async ({ stackId, policy }) => {
    const { member, crashedAt } = await hearth.ha.drill(stackId, policy);
    return { member, crashedAt };
  });
}

/** Writes a check record on the group's volumes through the active server. */
export async function writeVolumeCheck(input: HaTarget): Promise<HaActionResult<string>> {
  const hearth = await consoleHearth();
  return run(input, "volume write", ({ stackId, policy }) => hearth.ha.writeCheck(stackId, policy));
}
