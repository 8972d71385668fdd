import { describe, expect, it } from "vitest";
import { resolveDivergenceAction } from "./federation-actions";

/** A resolution form with these fields. */
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("resolveDivergenceAction", () => {
  it("refuses a malformed form in place, naming the field, before it reaches the service", async () => {
    const unknown = await resolveDivergenceAction({ kind: "idle" }, form({ stackId: "s1", resource: "two", resolution: "merge" }));
    expect(unknown).toMatchObject({ kind: "refused", resource: "two" });
    expect(unknown.kind === "refused" && unknown.error).toMatch(/Invalid request: .*resolution/s);
    const noResource = await resolveDivergenceAction({ kind: "idle" }, form({ stackId: "s1", resolution: "adopt" }));
    expect(noResource.kind === "refused" && noResource.error).toMatch(/resource/);
  });
});
