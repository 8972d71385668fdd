import { handleHeatRequest } from "@/lib/api/heat";
import { getHearth } from "@/lib/services";

/** Every /heat-api/... request goes to the Heat-compatible orchestration API (lib/api/heat). */
async function handle(request: Request): Promise<Response> {
  return handleHeatRequest(await getHearth(), request);
}

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD };
