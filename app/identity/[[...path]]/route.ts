import { handleIdentityRequest } from "@/lib/api/keystone/routes";
import { getHearth } from "@/lib/services";

/** Every /identity/... request goes to the Keystone v3 subset (lib/api/keystone). */
async function handle(request: Request): Promise<Response> {
  return handleIdentityRequest((await getHearth()).identity, request);
}

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD };
